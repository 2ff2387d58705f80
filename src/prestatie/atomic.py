"""Writing files so that a reader never sees half a file and nothing is lost.

Every write goes to a temporary file in the same folder, is flushed to disk and
then renamed over the target (``os.replace``): atomic on the same file system.
An edit remembers what the file looked like when it was read (a ``Snapshot``)
and refuses to write when someone changed it in the meantime. A new file is
created with ``O_EXCL``, so an existing file is never overwritten by accident.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from prestatie.errors import UsageError


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
    fd, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
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
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = 0o644 if expected is None else expected.mode
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

    The name is claimed with ``O_EXCL`` first; the content then arrives atomically
    by renaming a complete temporary file over the claimed, empty name.
    """
    with _writing(path):
        _create_file(path, data, mode)


def _create_file(path: Path, data: bytes, mode: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    except FileExistsError:
        raise UsageError(
            f"Het bestand {path} bestaat al; prestatie overschrijft geen bestaand bestand. "
            "Kies een andere naam of bewerk het bestaande bestand."
        ) from None
    os.close(fd)
    try:
        temporary = _write_temporary(path.parent, path.name, data, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise
    _fsync_directory(path.parent)
