"""A cache of per-file results, keyed by the bytes of each file, so that unchanged files are not read twice.

What is kept is what a command computes from ONE file on its own: the checked file
(``dataset.FileResult``: its plain data, positions and per-file findings) or its plain
data for the diff. Each entry's key is made of:

- the file's git blob id (``sha1(b"blob <size>\\0" + bytes)``: the id ``git ls-tree``
  gives, so a file read from git needs no hashing) — any change to the bytes is a new
  key, whatever the file's size or modification time;
- its path (a renamed file is read again: its findings name the path, and the path
  decides its kind);
- what the entry holds (``namespace``).

Entries live in a directory per *fingerprint*: the prestatie version, the Python and
library versions, and the size and modification time of every module of prestatie
(a change to the code or an upgrade starts afresh). Cross-file rules always run on the
whole current set: the cache only spares reading and checking single files, so it can
never change a verdict.

Storage: one pack file per data root (10,000 small files would cost seconds to create),
read entry by entry, written whole to a temporary file and renamed into place (``os.replace``), so a reader
sees the old pack or the new one, never half of one. No entry is held in memory: an
added entry goes at once to a nameless spill file next to the pack (gone with the
process, whatever stops it), and the new pack is copied together from the spill file
and the old pack, entry by entry; two runs that write at once both
write complete packs, and the last one stays. A pack holds the entries the last run
used, plus older ones up to a bound. Its index and every entry carry a checksum: a pack
that is truncated, damaged or from another format is ignored, an entry that does not
unpickle is computed again. Nothing here ever raises for what is on disk.

Housekeeping: writing a pack removes temporary files a killed writer left and the
folders of other fingerprints that were not written for STALE_DAYS.

Trust: the entries are pickles. Unpickling only rebuilds classes and functions defined
in the few modules of ``_ALLOWED`` (the data, the positions, the findings), so a planted
file cannot run code; it could still make prestatie report wrong findings, so the cache
directory must be one that only the user can write. A cache directory inside the data's
own repository (where a pull request could plant a pack) is never used.
"""

from __future__ import annotations

import array
import hashlib
import io
import os
import pickle
import re
import struct
import sys
import tempfile
import time
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# The environment variable that names the cache directory (for CI: a folder that
# actions/cache keeps between runs).
DIRECTORY_VARIABLE = "PRESTATIE_CACHE"
KEY_BYTES = 20
_MAGIC = b"prestatie-pack\x00\x01"
_HEADER = struct.Struct("<16sQQ")
_CHECKSUM_BYTES = 16
# Entries of earlier runs that the current run did not use are kept while the pack
# holds at most the largest set a run used, plus this run's, plus this margin.
_KEEP_MARGIN = 1000

# Modules whose classes and functions an entry may rebuild (and nothing else).
_ALLOWED = frozenset({"datetime", "array", "prestatie.findings", "prestatie.yamlread", "prestatie.dataset"})


def blob_id(raw: bytes) -> str:
    """The git blob id of these bytes: what ``git hash-object`` and ``git ls-tree`` give."""
    return hashlib.sha1(b"blob %d\0" % len(raw) + raw, usedforsecurity=False).hexdigest()


def default_directory() -> Path:
    """Where the cache lives: $PRESTATIE_CACHE, else the user's cache directory."""
    chosen = os.environ.get(DIRECTORY_VARIABLE)
    if chosen:
        return Path(chosen).expanduser()
    if sys.platform == "win32":  # pragma: no cover - not tested on Windows
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "prestatie" / "Cache"
    if sys.platform == "darwin":  # pragma: no cover - not tested on macOS
        return Path.home() / "Library" / "Caches" / "prestatie"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache") / "prestatie"


def fingerprint() -> str:
    """What the per-file results depend on besides the file: the code of prestatie and of the
    libraries that read and check a file, known by version, size and modification time (a
    command that needs no Pydantic does not import it for this)."""
    import prestatie

    digest = hashlib.blake2b(digest_size=12)
    digest.update(f"{prestatie.__version__}\n{sys.version}\n".encode())
    package = Path(prestatie.__file__).parent
    stamps = [(module, module.relative_to(package).as_posix()) for module in _modules(package)]
    for library in _LIBRARIES:
        folder = _library_folder(library)
        if folder is None:
            digest.update(f"{library}: -\n".encode())
            continue
        stamps.extend(
            (entry, f"{library}/{entry.name}") for entry in sorted(folder.iterdir()) if entry.is_file()
        )
    for path, name in stamps:
        try:
            info = path.stat()
        except OSError:
            continue
        digest.update(f"{name}:{info.st_size}:{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


# The libraries whose code decides what a file gives: their top folders count in the fingerprint.
_LIBRARIES = ("yaml", "pydantic", "pydantic_core")


def _library_folder(name: str) -> Path | None:
    import importlib.util

    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    locations = spec.submodule_search_locations if spec is not None else None
    return Path(next(iter(locations))) if locations else None


def _modules(package: Path) -> list[Path]:
    found: list[Path] = []
    folders = [package]
    while folders:
        folder = folders.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                folders.append(Path(entry.path))
            elif entry.name.endswith(".py"):
                found.append(Path(entry.path))
    return found


class _Restricted(pickle.Unpickler):
    """Rebuilds only what is defined in the modules of _ALLOWED; anything else is refused."""

    def find_class(self, module: str, name: str) -> Any:
        found = _FOUND.get((module, name))
        if found is not None:
            return found
        if module not in _ALLOWED or "." in name:
            raise pickle.UnpicklingError(f"{module}.{name} is niet toegestaan")
        found = super().find_class(module, name)
        if getattr(found, "__module__", None) != module or not callable(found):
            raise pickle.UnpicklingError(f"{module}.{name} is niet toegestaan")
        _FOUND[(module, name)] = found
        return found


_FOUND: dict[tuple[str, str], Any] = {}  # what _Restricted allowed before


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):
        return True  # cannot tell: treat as unsafe


class Cache:
    """The cache of one data root for one command: look up, add, and save at the end.

    ``get`` gives the value stored under a key, or None (never stored, damaged, or
    of a form that may not be rebuilt); ``put`` adds a value; ``save`` writes the pack
    when something was added, and lets go of the pack (opened again if needed).
    """

    def __init__(self, directory: Path, identity: str, *, version: str | None = None) -> None:
        self.folder = directory / (version or fingerprint())
        name = hashlib.blake2b(identity.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
        self.pack = self.folder / f"{name}.pack"
        self._pack: _Pack | None = None
        # What this run used or added: key -> the number of its payload in the spill
        # file, or None: in the pack on disk.
        self._used: dict[bytes, int | None] = {}
        self._spill: _Spill | None = None
        self._added = 0
        self._held = 0  # inside held(): save() waits for its end
        self.hits = 0
        self.misses = 0

    @classmethod
    def for_root(cls, root: Path, directory: Path | None = None) -> Cache | None:
        """The cache of the data below ``root``; None when its directory lies inside ``root``
        (the data's repository could plant entries there) or there is none (no home directory)."""
        try:
            directory = directory if directory is not None else default_directory()
        except RuntimeError:  # no home directory to keep a cache in
            return None
        if _inside(directory, root):
            return None
        return cls(directory, str(root.resolve()))

    @staticmethod
    def key(namespace: str, path: str, oid: str) -> bytes:
        text = f"{namespace}\0{path}\0{oid}".encode("utf-8", "surrogateescape")
        return hashlib.blake2b(text, digest_size=KEY_BYTES).digest()

    # reading ------------------------------------------------------------------

    def _opened(self) -> _Pack:
        if self._pack is None:
            self._pack = _Pack.open(self.pack)
        return self._pack

    def get(self, key: bytes, *, counted: bool = True) -> Any:
        """The value stored under ``key``, or None (``counted``: in ``hits`` and ``misses``)."""
        spilled = self._used.get(key)
        if spilled is not None and self._spill is not None:
            payload = self._spill.payload(spilled)
        else:
            payload = self._opened().payload(key)
        value = None
        if payload is not None:
            try:
                value = _Restricted(io.BytesIO(payload)).load()
            except Exception:  # a damaged or refused entry is a miss, whatever it raised
                value = None
        if value is None:
            self.misses += counted
            return None
        self._used.setdefault(key, None)
        self.hits += counted
        return value

    # writing ------------------------------------------------------------------

    def put(self, key: bytes, value: Any) -> None:
        self.put_payload(key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def put_payload(self, key: bytes, payload: bytes) -> None:
        """Add an entry already pickled (a worker process pickled it to send it back).

        The payload goes to the spill file at once, so the caller can let go of it; when
        no spill file can be written (a read-only cache directory), it is not added."""
        try:
            if self._spill is None:
                self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
                self._spill = _Spill(self.folder)
            spilled = self._spill.add(payload)
        except OSError:
            return
        if self._used.get(key) is None:
            self._added += 1
        self._used[key] = spilled

    @contextmanager
    def held(self) -> Iterator[None]:
        """A command that reads through the cache more than once (several revisions, the
        working tree and a revision): the saves of its parts wait, and the pack is
        written once, at the end (also when it stops on an error)."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1
            self.save()

    def save(self) -> None:
        """Write the pack when this run added entries; never raises for the disk.

        The new pack holds what this run used and added, and of the entries it did not
        use as many as keep the pack at most about twice the largest set a run used.
        Inside held(), nothing happens until its end.
        """
        if self._held:
            return
        pack, spill = self._opened(), self._spill
        if self._added and spill is not None:
            # The entries of the new pack: their keys, and where each one is: >= 0 the
            # number of a new payload in the spill file, < 0 (-1 - n) entry n of the old
            # pack (copied as it is, with its checksum: a damaged entry stays detectably
            # damaged). Arrays, not objects: 100,000 entries take about 4 MB.
            keys = bytearray()
            where = array.array("q")
            for key, spilled in self._used.items():
                if spilled is not None:
                    place = spilled
                elif (number := pack.number(key)) is not None:
                    place = -1 - number
                else:
                    continue
                keys += key
                where.append(place)
            largest = max(len(where), pack.largest)
            limit = largest + len(where) + _KEEP_MARGIN
            for key in pack.keys():
                if len(where) >= limit:
                    break
                if key not in self._used and (number := pack.number(key)) is not None:
                    keys += key
                    where.append(-1 - number)
            try:
                self._write(bytes(keys), where, largest, pack, spill)
            except OSError:
                pass
        pack.close()
        self.close()

    def close(self) -> None:
        """Let go of the pack and of what this run added and did not save."""
        if self._pack is not None:
            self._pack.close()
        if self._spill is not None:
            self._spill.close()
        self._pack, self._spill, self._used, self._added = None, None, {}, 0

    def _write(self, keys: bytes, where: array.array[int], largest: int, old: _Pack, spill: _Spill) -> None:
        """The new pack, streamed: every entry copied one by one from the spill file or the old pack."""
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        count = len(where)
        start = _HEADER.size + len(keys) + 8 * (count + 1) + 4 * count + _CHECKSUM_BYTES
        offsets = array.array("Q", [start])
        crcs = array.array("I")
        for place in where:
            length, crc = spill.span(place) if place >= 0 else old.span(-1 - place)
            offsets.append(offsets[-1] + length)
            crcs.append(crc)
        if sys.byteorder == "big":  # pragma: no cover - the pack is little-endian
            offsets.byteswap()
            crcs.byteswap()
        index = _HEADER.pack(_MAGIC, count, largest) + keys + offsets.tobytes() + crcs.tobytes()
        checksum = hashlib.blake2b(index, digest_size=_CHECKSUM_BYTES).digest()
        handle = tempfile.NamedTemporaryFile(dir=self.folder, prefix=".", suffix=".tmp", delete=False)
        try:
            with handle:
                handle.write(index + checksum)
                for place in where:
                    handle.write(spill.raw(place) if place >= 0 else old.raw(-1 - place))
            os.replace(handle.name, self.pack)
        except BaseException:
            Path(handle.name).unlink(missing_ok=True)
            raise
        _tidy(self.folder)


def _tidy(folder: Path) -> None:
    """Remove what no run will read again: temporary files a killed writer left (older than
    an hour) and the packs of other fingerprints (another version, changed code) not
    written for STALE_DAYS. Only prestatie's own names are touched; never raises."""
    now = time.time()
    try:
        siblings = [entry for entry in folder.parent.iterdir() if _FINGERPRINT.fullmatch(entry.name)]
    except OSError:
        return
    for sibling in siblings:
        try:
            if sibling != folder and now - sibling.stat().st_mtime < STALE_DAYS * 86400:
                continue
            for entry in sibling.iterdir():
                age = now - entry.stat().st_mtime
                temporary = entry.name.startswith(".") and entry.name.endswith(".tmp") and age > 3600
                if temporary or (sibling != folder and _PACK.fullmatch(entry.name)):
                    entry.unlink()
            if sibling != folder:
                sibling.rmdir()  # only when nothing else is in it
        except OSError:
            continue


# A cache folder's name (a fingerprint) and a pack's; packs of other fingerprints are
# removed after this many days without a write.
_FINGERPRINT = re.compile(r"[0-9a-f]{24}")
_PACK = re.compile(r"[0-9a-f]{32}\.pack")
STALE_DAYS = 30


class _Pack:
    """One pack file: its index read at once, each entry read (pread) when asked for.

    Layout: header (magic, entry count, the largest set a run used), the keys, the
    offsets of the entries, their CRC-32s, a BLAKE2b of all that, then the entries.
    Entries are read from the open file rather than mapped into memory: a mapped page
    counts in the process's memory once touched, a page of the file system's cache not.
    """

    def __init__(self, fd: int | None, index: dict[bytes, int], offsets: tuple[int, ...],
                 crcs: tuple[int, ...], largest: int) -> None:  # fmt: skip
        self._fd, self._index, self._offsets, self._crcs = fd, index, offsets, crcs
        self.largest = largest

    def __del__(self) -> None:  # a command that stopped with an error never saved
        self.close()

    @classmethod
    def open(cls, path: Path) -> _Pack:
        """The pack at ``path``; an empty one when it is missing, unreadable or damaged."""
        empty = cls(None, {}, (), (), 0)
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        except OSError:
            return empty
        try:
            parsed = _parse(fd)
        except OSError:
            parsed = None
        if parsed is None:
            os.close(fd)
            return empty
        return cls(fd, *parsed)

    def keys(self) -> Iterable[bytes]:
        return self._index.keys()

    def number(self, key: bytes) -> int | None:
        return self._index.get(key)

    def span(self, number: int) -> tuple[int, int]:
        """The length and checksum of entry ``number``."""
        return self._offsets[number + 1] - self._offsets[number], self._crcs[number]

    def raw(self, number: int) -> bytes:
        """The bytes of entry ``number`` as they are (unchecked); OSError when they cannot be read."""
        if self._fd is None:
            raise OSError("pack closed")
        start, end = self._offsets[number], self._offsets[number + 1]
        data = _read_at(self._fd, start, end - start)
        if len(data) != end - start:
            raise OSError("pack shorter than its index")
        return data

    def payload(self, key: bytes) -> bytes | None:
        """The bytes stored under ``key``; None when absent or damaged."""
        number = self._index.get(key)
        if number is None or self._fd is None:
            return None
        start, end = self._offsets[number], self._offsets[number + 1]
        try:
            payload = _read_at(self._fd, start, end - start)
        except OSError:
            return None
        return payload if len(payload) == end - start and zlib.crc32(payload) == self._crcs[number] else None

    def close(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)


class _Spill:
    """The entries a run added, until the pack is written: a file without a name in the
    cache folder (the operating system removes it when the process ends, however it
    ends), read back entry by entry (pread). Entry n is at offsets[n], with its length
    and CRC-32."""

    def __init__(self, folder: Path) -> None:
        self._file = tempfile.TemporaryFile(dir=folder, prefix=".", suffix=".tmp")
        self._fd = self._file.fileno()
        self._offsets = array.array("Q", [0])
        self._crcs = array.array("I")
        self._failed = False  # a write failed: where the next one would land is unknown

    def __del__(self) -> None:  # a command that stopped with an error never saved
        self.close()

    def add(self, payload: bytes) -> int:
        """Write ``payload`` at the end; its number."""
        if self._failed:
            raise OSError("spill file failed before")
        self._failed = True
        self._file.write(payload)
        self._failed = False
        self._offsets.append(self._offsets[-1] + len(payload))
        self._crcs.append(zlib.crc32(payload))
        return len(self._crcs) - 1

    def span(self, number: int) -> tuple[int, int]:
        """The length and checksum of entry ``number``."""
        return self._offsets[number + 1] - self._offsets[number], self._crcs[number]

    def raw(self, number: int) -> bytes:
        """The bytes of entry ``number``; OSError when they cannot be read back."""
        self._file.flush()
        start, end = self._offsets[number], self._offsets[number + 1]
        data = _read_at(self._fd, start, end - start)
        if len(data) != end - start:
            raise OSError("spill file shorter than written")
        return data

    def payload(self, number: int) -> bytes | None:
        """The bytes of entry ``number``, checked; None when they cannot be read back."""
        try:
            data = self.raw(number)
        except OSError:
            return None
        return data if zlib.crc32(data) == self._crcs[number] else None

    def close(self) -> None:
        file = getattr(self, "_file", None)  # None: it could not be made
        if file is not None:
            file.close()


def _read_at(fd: int, offset: int, length: int) -> bytes:
    if hasattr(os, "pread"):
        return os.pread(fd, length, offset)
    os.lseek(fd, offset, os.SEEK_SET)  # pragma: no cover - Windows has no pread
    return os.read(fd, length)  # pragma: no cover


def _parse(fd: int) -> tuple[dict[bytes, int], tuple[int, ...], tuple[int, ...], int] | None:
    """The index of a pack: key -> entry number, the entries' offsets and checksums, the
    largest set; None when damaged."""
    size = os.fstat(fd).st_size
    header = _read_at(fd, 0, _HEADER.size)
    if len(header) < _HEADER.size:
        return None
    magic, count, largest = _HEADER.unpack(header)
    if magic != _MAGIC:
        return None
    keys_end = _HEADER.size + KEY_BYTES * count
    offsets_end = keys_end + 8 * (count + 1)
    crcs_end = offsets_end + 4 * count
    if crcs_end + _CHECKSUM_BYTES > size:
        return None
    index = _read_at(fd, 0, crcs_end + _CHECKSUM_BYTES)
    if len(index) != crcs_end + _CHECKSUM_BYTES:
        return None
    if hashlib.blake2b(index[:crcs_end], digest_size=_CHECKSUM_BYTES).digest() != index[crcs_end:]:
        return None
    offsets = struct.unpack_from(f"<{count + 1}Q", index, keys_end)
    if offsets[0] != crcs_end + _CHECKSUM_BYTES or offsets[-1] != size:
        return None
    if any(b < a for a, b in zip(offsets, offsets[1:], strict=False)):
        return None
    crcs = struct.unpack_from(f"<{count}I", index, offsets_end)
    keys = index[_HEADER.size : keys_end]
    entries = {keys[i : i + KEY_BYTES]: n for n, i in enumerate(range(0, len(keys), KEY_BYTES))}
    return entries, offsets, crcs, largest
