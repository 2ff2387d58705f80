"""Where the data files come from: a directory on disk (a git revision elsewhere).

A source yields ``SourceFile``s: the path relative to the directory that holds
``data/`` (forward slashes) and the raw bytes, or a finding when the file must not
be read (a symlink out of the data root, a special file, a file over the size cap).
Nothing outside the data root is ever opened, and nothing of such a file is echoed.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from prestatie.codes import raised_here, severity_of
from prestatie.errors import UsageError
from prestatie.findings import Finding
from prestatie.layout import DATA_DIR
from prestatie.neutral import shown
from prestatie.yamlread import MAX_BYTES, too_big_message

RAISES = raised_here("PA014", "PA015")


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: str
    raw: bytes | None
    problem: Finding | None = None
    oid: str | None = None  # the git blob id of ``raw`` when git gave it (cache.blob_id otherwise)


def find_root(start: Path | None = None) -> Path:
    """The directory holding ``data/``: ``start`` itself, or its nearest parent."""
    here = (start or Path.cwd()).absolute()
    if start is not None:
        if here.is_file():
            holder = next((c for c in here.parents if (c / DATA_DIR).is_dir()), None)
            if holder is None:
                hint = ""
            elif holder == Path.cwd():
                hint = " (hier: de huidige map)"
            else:
                hint = f" (hier: '{holder}')"
            raise UsageError(
                f"'{start}' is een bestand, geen map. prestatie controleert altijd alle "
                "bestanden in data/ samen, omdat afspraken en projecten naar elkaar verwijzen: "
                f"geef de map op die data/ bevat{hint}, of geen map in de repository zelf. De "
                "meldingen noemen elk bestand apart."
            )
        if not here.is_dir():
            raise UsageError(f"De map '{start}' bestaat niet. Geef de map op die de map data/ bevat.")
        if (here / DATA_DIR).is_dir():
            return here
        if here.name == DATA_DIR and here.is_dir():
            return here.parent
        raise UsageError(
            f"In '{start}' staat geen map data/. Geef de map op die data/ bevat "
            "(meestal de hoofdmap van de repository)."
        )
    for candidate in (here, *here.parents):
        if (candidate / DATA_DIR).is_dir():
            return candidate
    raise UsageError(
        "Geen map data/ gevonden in deze map of een map erboven. Ga naar de repository "
        "met de prestatieafspraken, of geef de map op met --data PAD."
    )


def data_root(root: Path) -> Path:
    """The real directory that ``root/data`` names; refused unread when it lies outside ``root``.

    data/ may be a symbolic link to a folder inside the repository, but a link to
    elsewhere (``ln -s /some/dir data``) would make every command read, echo and
    write files that are not part of the data set.
    """
    folder = root / DATA_DIR
    try:
        resolved = folder.resolve(strict=True)
    except (OSError, RuntimeError):
        raise UsageError(
            f"De map {display(str(folder))} kan niet worden gelezen (een symbolische koppeling die "
            "nergens of naar zichzelf wijst?). Zet de gegevens in een gewone map data/."
        ) from None
    if not resolved.is_relative_to(root.resolve()):
        raise UsageError(
            f"De map {display(str(folder))} is een symbolische koppeling naar een plek buiten "
            f"{display(str(root))}; prestatie leest en schrijft daar niet. Zet de gegevens in "
            "een gewone map data/ in de repository."
        )
    return resolved


def display(text: str) -> str:
    """A path as text that can be printed on one line: undecodable bytes as \\xNN, controls escaped."""
    return shown(text)


def refused(path: str, code: str, message: str) -> SourceFile:
    """A file that is not read, with the finding that says why."""
    return SourceFile(path, None, Finding(path, 1, 1, code, severity_of(code), message))


@dataclass(frozen=True, slots=True)
class FileToRead:
    """A file found below data/ that may be read: its path relative to the root, and on disk."""

    path: str
    absolute: str


def walk_directory(root: Path) -> Iterator[FileToRead | SourceFile]:
    """Every file below ``root/data`` in a stable order, not yet read.

    Symbolic links to directories are not followed; they come back as a refused
    SourceFile.
    """
    # Paths are made relative to data/ itself, which may be a link inside the repository.
    resolved = data_root(root)
    prefix = len(str(resolved)) + 1
    unreadable: list[OSError] = []

    def relative(absolute: str) -> str:
        return display(f"{DATA_DIR}/{absolute[prefix:].replace(os.sep, '/')}".rstrip("/"))

    for dirpath, dirnames, filenames in os.walk(resolved, onerror=unreadable.append, followlinks=False):
        while unreadable:
            yield _unreadable_folder(relative(str(unreadable.pop().filename)))
        dirnames.sort()
        for name in list(dirnames):
            if name.startswith("."):
                dirnames.remove(name)
            elif os.path.islink(os.path.join(dirpath, name)):
                dirnames.remove(name)
                yield refused(
                    relative(os.path.join(dirpath, name)),
                    "PA015",
                    "Deze map is een symbolische koppeling; prestatie volgt die niet. "
                    "Zet de bestanden zelf in data/.",
                )
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            absolute = os.path.join(dirpath, name)
            shown = relative(absolute)
            if shown != f"{DATA_DIR}/{absolute[prefix:].replace(os.sep, '/')}":
                yield refused(
                    shown,
                    "PA015",
                    "Deze bestandsnaam is geen geldige UTF-8 of bevat stuurtekens (zoals een "
                    "regeleinde); prestatie leest het bestand niet. Geef het een naam van letters, "
                    "cijfers en koppeltekens.",
                )
                continue
            yield FileToRead(shown, absolute)
    for error in unreadable:  # the top folder itself
        yield _unreadable_folder(relative(str(error.filename)))


def _unreadable_folder(path: str) -> SourceFile:
    return refused(
        path,
        "PA015",
        "Deze map kan niet worden gelezen (geen leesrechten); de bestanden erin zijn niet "
        "gecontroleerd. Geef leesrechten op de map (chmod) of verwijder haar.",
    )


def read_directory(root: Path) -> Iterator[SourceFile]:
    """Every file below ``root/data``, in a stable order, safely."""
    resolved = data_root(root)
    for item in walk_directory(root):
        yield item if isinstance(item, SourceFile) else read_file(resolved, item)


def read_file(data_root: Path, item: FileToRead) -> SourceFile:
    """The bytes of one file, or why it is not read (a link out of data/, not a regular file, too big)."""
    relative = item.path
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        try:
            fd = os.open(item.absolute, flags)
        except OSError:
            if not os.path.islink(item.absolute):
                raise
            try:
                target = Path(item.absolute).resolve(strict=True)
            except (OSError, RuntimeError):
                return refused(
                    relative,
                    "PA015",
                    "Dit bestand is een symbolische koppeling die nergens heen of naar zichzelf wijst; "
                    "prestatie leest het niet. Verwijder de koppeling of zet het bestand zelf in data/.",
                )
            if not target.is_relative_to(data_root):
                return refused(
                    relative,
                    "PA015",
                    "Dit bestand is een symbolische koppeling naar een plek buiten data/; "
                    "prestatie leest het niet. Zet het bestand zelf in data/.",
                )
            fd = os.open(target, flags)
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                return refused(relative, "PA015", "Dit is geen gewoon bestand; prestatie leest het niet.")
            if info.st_size > MAX_BYTES:
                return refused(
                    relative,
                    "PA014",
                    too_big_message(info.st_size),
                )
            # Only the bytes the file has (a buffer of MAX_BYTES per file costs twice the
            # read); one more to see it grew since fstat, and then the rest up to the cap,
            # which the reader refuses (PA014) as it would have.
            raw = handle.read(info.st_size + 1)
            if len(raw) > info.st_size:
                raw += handle.read(MAX_BYTES + 1 - len(raw))
    except OSError as exc:
        return refused(relative, "PA015", f"Het bestand kan niet worden gelezen ({exc.strerror}).")
    return SourceFile(relative, raw)


def source_lines(root: Path, file: str, resolved: Path | None = None) -> list[str] | None:
    """The lines of a data file, for showing beside its findings.

    Read by ``read_file``, the same safe reader that validation uses, so that nothing
    outside the data root is ever echoed; a file it refuses gives None, and so does a
    symbolic link, even one that stays inside data/ (only regular files are shown).
    ``resolved`` is ``data_root(root)`` when the caller already has it.
    """
    path = root / file
    if path.is_symlink():
        return None
    if resolved is None:
        try:
            resolved = data_root(root)
        except UsageError:
            return None
    source = read_file(resolved, FileToRead(file, str(path)))
    if source.raw is None:
        return None
    return source.raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace").splitlines()


class SourceLineCache:
    """Line N of a data file (see source_lines), reading each file once: findings come grouped per file."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._file: str | None = None
        self._lines: list[str] | None = None
        # data_root(root), resolved once on the first file rather than per file (two
        # resolve() calls each); None when it is refused (then no line is shown).
        self._resolved: Path | None = None
        self._resolved_yet = False

    def __call__(self, file: str, line: int) -> str | None:
        if file != self._file:
            if not self._resolved_yet:
                self._resolved_yet = True
                try:
                    self._resolved = data_root(self.root)
                except UsageError:
                    self._resolved = None
            resolved = self._resolved
            lines = None if resolved is None else source_lines(self.root, file, resolved)
            self._file, self._lines = file, lines
        lines = self._lines
        return lines[line - 1] if lines is not None and 0 < line <= len(lines) else None
