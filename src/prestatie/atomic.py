"""Writing files so that a reader never sees half a file and nothing is lost.

Every write goes to a temporary file in the same folder, is flushed to disk and
then renamed over the target (``os.replace``): atomic on the same file system.
An edit remembers what the file looked like when it was read (a ``Snapshot``)
and refuses to write when someone changed it in the meantime. A new file is
linked into place (``os.link`` of a complete temporary file), so it appears whole
or not at all, and an existing file is never overwritten by accident.

Every command that writes below ``data/`` holds the one ``lock_data`` lock while
it reads, checks and writes: two writers never interleave, so no edit is lost.
Several files that belong together (``prestatie import``) are written all or nothing
with ``write_files``.
The lock also confines writes to the data root (``DataLock.writable``) and removes
temporary files that a killed writer left behind.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import os
import secrets
import stat
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from prestatie.errors import UsageError

# Temporary files end in this, so that a stale one is recognised as prestatie's own.
TEMPORARY_SUFFIX = ".prestatie-tmp"
# How long a writer waits for another one to finish before giving up.
LOCK_WAIT_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class DataLock:
    """Proof that this process holds the data lock; says where it may write.

    ``folder`` is ``root/data`` as given, ``resolved`` the real directory it names.
    """

    folder: Path
    resolved: Path

    def writable(self, path: Path) -> Path:
        """``path`` (below the data root) as a real path that stays inside the data root.

        The same containment as the reader: no folder on the way may be a symbolic
        link (the reader does not follow those). Stale temporary files in the target
        folder are removed: under the lock no other writer can be busy with them.
        """
        for base in (self.folder, self.resolved):
            try:
                relative = path.relative_to(base)
                break
            except ValueError:
                continue
        else:
            raise UsageError(_outside_message(path))
        if ".." in relative.parts or not relative.parts:
            raise UsageError(_outside_message(path))
        current = self.resolved
        for part in relative.parts[:-1]:
            current = current / part
            if current.is_symlink() or (current.exists() and not current.is_dir()):
                raise UsageError(
                    f"De map {self.folder / relative.parent} is (of bevat) een symbolische koppeling of "
                    "geen gewone map; prestatie schrijft daar niet. Zet de bestanden zelf in data/."
                )
        _remove_stale_temporaries(current)
        return current / relative.parts[-1]


def _outside_message(path: Path) -> str:
    return f"prestatie schrijft alleen binnen de map data/, niet naar {path}."


def _remove_stale_temporaries(folder: Path) -> None:
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.startswith(".") and entry.name.endswith(TEMPORARY_SUFFIX):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


P = ParamSpec("P")
R = TypeVar("R")


def holding_data_lock(
    function: Callable[Concatenate[Path, DataLock, P], R],
) -> Callable[Concatenate[Path, P], R]:
    """A writer ``f(root, lock, ...)`` becomes ``f(root, ...)`` that runs under ``lock_data(root)``."""

    @functools.wraps(function)
    def locked(root: Path, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with lock_data(root) as lock:
            return function(root, lock, *args, **kwargs)

    return locked


@contextlib.contextmanager
def lock_data(root: Path) -> Iterator[DataLock]:
    """Hold the one lock of the data set below ``root`` (an advisory ``flock`` on data/ itself).

    Every command that writes data holds it from before it reads the data set until
    after it wrote, so that the check it made is still true when it writes. A second
    writer waits; after LOCK_WAIT_SECONDS it gives up with a Dutch UsageError.
    """
    from prestatie.source import data_root

    folder = root / "data"
    resolved = data_root(root)
    try:
        fd = os.open(resolved, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as exc:
        raise UsageError(f"De map {folder} kan niet worden geopend ({exc.strerror}).") from None
    try:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise UsageError(
                        f"Een ander prestatie-commando schrijft al in {folder} en is na "
                        f"{LOCK_WAIT_SECONDS:.0f} seconden nog niet klaar. Er is niets geschreven; "
                        "probeer het zo opnieuw."
                    ) from None
                time.sleep(0.02)
        yield DataLock(folder, resolved)
    finally:
        os.close(fd)  # closing the descriptor releases the lock


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A file as it was read: its bytes, modification time and mode."""

    path: Path
    raw: bytes
    mtime_ns: int
    mode: int


def read_snapshot(path: Path) -> Snapshot:
    try:
        info = path.stat()
        raw = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"Het bestand {path} kan niet worden gelezen ({exc.strerror}).") from None
    return Snapshot(path, raw, info.st_mtime_ns, stat.S_IMODE(info.st_mode))


def _unchanged(snapshot: Snapshot) -> bool:
    try:
        info = snapshot.path.stat()
        raw = snapshot.path.read_bytes()
    except OSError:
        return False
    return info.st_mtime_ns == snapshot.mtime_ns and raw == snapshot.raw


def _changed_message(path: Path) -> str:
    return (
        f"Het bestand {path} is gewijzigd sinds prestatie het las (door een editor of een ander "
        "programma). Er is niets geschreven. Sla uw wijzigingen in de editor op en voer het "
        "commando opnieuw uit."
    )


def _fsync_directory(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can open a directory
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_temporary(folder: Path, name: str, data: bytes, mode: int) -> Path:
    fd, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=TEMPORARY_SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return Path(temporary)


@contextlib.contextmanager
def _writing(path: Path) -> Iterator[None]:
    """Turn a failing write (no such folder, no permission, disk full) into a Dutch UsageError."""
    try:
        yield
    except OSError as exc:
        raise UsageError(
            f"prestatie kan {path} niet schrijven ({exc.strerror or exc}). Controleer of de map "
            "bestaat en of u daar mag schrijven; het bestand is niet gewijzigd."
        ) from None


def make_folder(folder: Path) -> None:
    """Create ``folder`` (and its parents) for output; a Dutch UsageError when that fails."""
    with _writing(folder):
        folder.mkdir(parents=True, exist_ok=True)


def replace_file(path: Path, data: bytes, *, expected: Snapshot | None = None) -> None:
    """Write ``data`` to ``path`` atomically, keeping the file's mode (0o644 for a new file).

    With ``expected``, refuse (UsageError) when the file is no longer what was read.
    """
    with _writing(path):
        _replace_file(path, data, expected)


def _replace_file(path: Path, data: bytes, expected: Snapshot | None) -> None:
    if expected is not None and not _unchanged(expected):
        raise UsageError(_changed_message(path))
    try:
        info = path.stat()
    except FileNotFoundError:
        mode = 0o644 if expected is None else expected.mode
    else:
        if stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
            # /dev/null, /dev/stdout, a pipe: write to it as a stream, never replace it.
            with open(path, "wb") as stream:
                stream.write(data)
            return
        if not stat.S_ISREG(info.st_mode):
            raise UsageError(
                f"{path} is geen gewoon bestand (maar bijvoorbeeld een map); prestatie vervangt het "
                "niet. Kies een andere bestandsnaam."
            )
        mode = stat.S_IMODE(info.st_mode)
    temporary = _write_temporary(path.parent, path.name, data, mode)
    try:
        # Check once more right before the rename: the window stays as small as it can be.
        if expected is not None and not _unchanged(expected):
            raise UsageError(_changed_message(path))
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _fsync_directory(path.parent)


def create_file(path: Path, data: bytes, *, mode: int = 0o644) -> None:
    """Create ``path`` with ``data``; refuse (UsageError) when it already exists.

    A complete temporary file is linked to the new name (``os.link`` fails when the
    name exists), so the file appears whole or not at all, even when the process is
    killed halfway; a killed writer leaves at most a hidden temporary file, which
    validate skips and the next writer removes.
    """
    with _writing(path):
        _create_file(path, data, mode)


def _create_file(path: Path, data: bytes, mode: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = _write_temporary(path.parent, path.name, data, mode)
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise UsageError(
            f"Het bestand {path} bestaat al; prestatie overschrijft geen bestaand bestand. "
            "Kies een andere naam of bewerk het bestaande bestand."
        ) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
    _fsync_directory(path.parent)


@dataclass(frozen=True, slots=True)
class FileWrite:
    """One file of a ``write_files``: the new ``data`` of ``path`` (below the data root).

    ``expected`` is the file as it was read (it must still be exactly that); None for a
    new file (it must not exist yet).
    """

    path: Path
    data: bytes
    expected: Snapshot | None = None


@dataclass(slots=True)
class _Staged:
    write: FileWrite
    target: Path
    temporary: Path
    backup: Path | None = None  # a second name of the file as it was, for the way back
    done: bool = False


def write_files(lock: DataLock, writes: Sequence[FileWrite]) -> None:
    """Write several files all or nothing (``prestatie import`` of a sheet for several files).

    First everything that can fail: every target is checked (inside the data root, a
    regular file still exactly as read, or a new name that is still free), every new
    content is written to a temporary file next to its target and flushed to disk, and
    every existing file gets a second, hidden name (a hard link, no copy) to return to.
    Then the renames: each file is replaced (``os.replace``) or linked into place
    (``os.link``), after checking once more that it did not change. When anything fails,
    the files already renamed are put back (their hidden names renamed over them, new
    files removed) and a Dutch UsageError says that nothing was written.

    The guarantee: after an error prestatie sees (a file changed since it was read, a
    name taken, no permission, a full disk, a folder that cannot be written) every file
    is as it was; every file is always whole. A process killed or a machine that loses
    power during the renames (a few milliseconds) can leave some files new and others
    old, each whole; ``git status`` shows which.
    """
    targets = [lock.writable(write.path) for write in writes]  # also clears stale temporaries: first
    staged: list[_Staged] = []
    try:
        for write, target in zip(writes, targets, strict=True):
            with _writing(target):
                staged.append(_stage(write, target))
        for item in staged:
            _check_unchanged(item)
        for item in staged:
            with _writing(item.target):
                _check_unchanged(item)
                if item.write.expected is None:
                    os.link(item.temporary, item.target)
                else:
                    os.replace(item.temporary, item.target)
                item.done = True
    except BaseException as exc:
        kept = _roll_back(staged)
        if kept:
            raise UsageError(
                f"{exc} Terugzetten lukte niet voor: {', '.join(str(p) for p in kept)}; "
                "vergelijk die met git (git status, git diff)."
            ) from None
        if isinstance(exc, UsageError):
            raise UsageError(_nothing_written(str(exc), len(writes))) from None
        raise
    finally:
        for item in staged:
            for leftover in (item.temporary, item.backup):
                if leftover is not None:
                    with contextlib.suppress(OSError):
                        os.unlink(leftover)
    for folder in dict.fromkeys(target.parent for target in targets):
        _fsync_directory(folder)


def _nothing_written(message: str, count: int) -> str:
    if count < 2 or "Er is niets geschreven" in message:
        return message
    return f"{message} Er is niets geschreven, ook niet in de andere {count - 1} bestanden."


def _stage(write: FileWrite, target: Path) -> _Staged:
    expected = write.expected
    if expected is None:
        if os.path.lexists(target):
            raise UsageError(
                f"Het bestand {target} bestaat al; prestatie overschrijft geen bestaand bestand. "
                "Er is niets geschreven."
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        return _Staged(write, target, _write_temporary(target.parent, target.name, write.data, 0o644))
    if not _unchanged(Snapshot(target, expected.raw, expected.mtime_ns, expected.mode)):
        raise UsageError(_changed_message(target))
    info = os.lstat(target)
    if not stat.S_ISREG(info.st_mode):
        raise UsageError(
            f"{target} is geen gewoon bestand (meer); prestatie vervangt het niet. Er is niets geschreven."
        )
    temporary = _write_temporary(target.parent, target.name, write.data, stat.S_IMODE(info.st_mode))
    item = _Staged(write, target, temporary)
    item.backup = _second_name(target)
    return item


def _second_name(target: Path) -> Path:
    """A hidden hard link to ``target`` (the file as it is now), cleared like any temporary."""
    while True:
        backup = target.parent / f".{target.name}.{secrets.token_hex(6)}{TEMPORARY_SUFFIX}"
        try:
            os.link(target, backup)
        except FileExistsError:
            continue
        return backup


def _check_unchanged(item: _Staged) -> None:
    expected = item.write.expected
    if expected is None:
        if os.path.lexists(item.target):
            raise UsageError(
                f"Het bestand {item.target} is intussen door een ander programma aangemaakt; "
                "prestatie overschrijft het niet."
            )
    elif not _unchanged(Snapshot(item.target, expected.raw, expected.mtime_ns, expected.mode)):
        raise UsageError(_changed_message(item.target))


def _roll_back(staged: list[_Staged]) -> list[Path]:
    """Put back every file already renamed, last first; the ones that could not be."""
    kept: list[Path] = []
    for item in reversed(staged):
        if not item.done:
            continue
        try:
            if item.backup is None:
                os.unlink(item.target)
            else:
                os.replace(item.backup, item.target)
                item.backup = None
        except OSError:
            kept.append(item.target)
    return kept
