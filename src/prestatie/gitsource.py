"""Reading ``data/`` as it was at a git revision, without touching the working tree.

Everything goes through git itself: ``git ls-tree`` lists the files of a revision
and ONE ``git cat-file --batch`` process streams their contents, so reading 10,000
files costs a handful of processes, not one per file. git always runs with a safe
environment (no pager, no prompts, C locale, unquoted paths), never through a shell.

A revision is a tag, a branch, a commit, or a date ``YYYY-MM-DD``: the last commit on
or before the end of that day. The directory that holds ``data/`` may be a
subdirectory of the git work tree; paths are reported relative to it, as everywhere.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO

from prestatie.codes import raised_here
from prestatie.errors import UsageError
from prestatie.layout import DATA_DIR, PLACES, hidden
from prestatie.source import SourceFile, refused
from prestatie.yamlread import MAX_BYTES, too_big_message

RAISES = raised_here("PA014", "PA015")

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Variables that would point git at another repository, index or object store than
# the one that holds the data root.
_REPO_VARIABLES = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_COMMON_DIR",
    "GIT_NAMESPACE",
    "GIT_PREFIX",
)
_CHUNK_BYTES = 32 * 1024  # requests per write to cat-file: well below a pipe buffer

SHALLOW_ADVICE = (
    "Deze repository is een ondiepe kloon (shallow clone) zonder de volledige geschiedenis. "
    "Haal die op met 'git fetch --unshallow --tags', of zet in GitHub Actions bij "
    "actions/checkout de optie 'fetch-depth: 0'."
)


def git_environment() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in _REPO_VARIABLES}
    env.update(
        GIT_PAGER="cat",
        PAGER="cat",
        GIT_TERMINAL_PROMPT="0",
        GIT_OPTIONAL_LOCKS="0",  # reading never writes the index
        LC_ALL="C",
        LANGUAGE="C",
        GIT_ASKPASS="",
        SSH_ASKPASS="",
    )
    return env


def _git_command(args: Sequence[str]) -> list[str]:
    return ["git", "--no-pager", "-c", "core.quotepath=off", "-c", "color.ui=never", *args]


@dataclass(frozen=True, slots=True)
class Revision:
    """A revision as the user named it, and the commit it resolved to."""

    name: str
    commit: str


@dataclass(frozen=True, slots=True)
class Change:
    """One file that differs between two sides, as git reports it.

    ``status`` is git's letter (A, D, M, R, T); the oids are None where a side has
    no file, or where the new side is the working tree (read from disk instead).
    """

    status: str
    old_path: str | None
    new_path: str | None
    old_oid: str | None
    new_oid: str | None
    old_mode: str = ""  # git's mode of each side: 100644 a file, 120000 a link, 160000 a submodule
    new_mode: str = ""


@dataclass(frozen=True, slots=True)
class TreeEntry:
    path: str  # relative to the data root's parent: data/...
    mode: str
    kind: str
    oid: str
    size: int | None


@dataclass(frozen=True, slots=True)
class FileCommit:
    """One commit in the log of one file (``git log --follow --name-status``).

    ``status`` is git's letter for the file in that commit (A, M, D, R, C); ``path``
    and ``old_path`` are relative to the data root's parent (``data/...``), None
    outside it; ``moment`` is the author date in ISO 8601.
    """

    commit: str
    auteur: str
    moment: str
    onderwerp: str
    status: str
    path: str | None
    old_path: str | None


class GitRepo:
    """The git repository that holds a data root; every git call of prestatie goes through here."""

    def __init__(self, root: Path) -> None:
        self.root = root
        try:
            lines = self._run("rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository")
        except _GitFailed as exc:
            raise UsageError(
                f"De map '{root}' staat niet in een git-repository ({exc.first_line}). Deze opdracht "
                "leest de gegevens uit de geschiedenis in git: gebruik een kloon van de repository "
                "met de prestatieafspraken, of geef die op met --data PAD."
            ) from None
        parts = lines.decode("utf-8", "surrogateescape").split("\n")
        self.toplevel = Path(parts[0])
        self.prefix = parts[1]  # "" or "sub/dir/"
        self.shallow = parts[2].strip() == "true"
        self._changed: dict[tuple[str, str | None], list[Change]] = {}

    # running git ------------------------------------------------------------

    def _run(self, *args: str, ok: Callable[[int], bool] = lambda code: code == 0) -> bytes:
        try:
            done = subprocess.run(
                _git_command(args),
                cwd=self.root,
                env=git_environment(),
                stdin=subprocess.DEVNULL,
                capture_output=True,
                check=False,
            )
        except FileNotFoundError:
            raise UsageError(
                "Het programma git is niet gevonden. Installeer git; deze opdracht leest de "
                "gegevens uit de geschiedenis in git."
            ) from None
        if not ok(done.returncode):
            raise _GitFailed(done.stderr)
        return done.stdout

    def _git(self, *args: str) -> bytes:
        """Run git in the data root; a failure becomes a Dutch usage error."""
        try:
            return self._run(*args)
        except _GitFailed as exc:
            raise UsageError(f"git gaf een fout: {exc.first_line}") from None

    # paths --------------------------------------------------------------------

    @property
    def data_pathspec(self) -> str:
        """The data directory as a literal pathspec relative to the top of the work tree."""
        return f":(top,literal){self.prefix}{DATA_DIR}/"

    def relative(self, top_path: str) -> str | None:
        """``data/...`` for a path relative to the work tree's top, or None outside the root."""
        if not top_path.startswith(self.prefix):
            return None
        path = top_path[len(self.prefix) :]
        return path if path.startswith(f"{DATA_DIR}/") else None

    def object_name(self, commit: str, path: str) -> str:
        """The name ``git cat-file`` knows the file ``path`` (``data/...``) at ``commit`` by."""
        return f"{commit}:{self.prefix}{path}"

    # revisions ----------------------------------------------------------------

    def resolve(self, name: str) -> Revision:
        """The commit ``name`` stands for: a tag, branch, commit or date (YYYY-MM-DD)."""
        if not name or name.startswith("-") or any(ch in name for ch in "\0\n\r"):
            raise UsageError(f"'{name}' is geen geldige revisie. Geef een tag, branch, commit of datum.")
        if _DATE.fullmatch(name):
            return Revision(name, self._commit_on_or_before(name))
        try:
            out = self._run("rev-parse", "--verify", "--quiet", "--end-of-options", f"{name}^{{commit}}")
        except _GitFailed:
            if self.shallow:
                raise UsageError(f"De revisie '{name}' is niet gevonden. {SHALLOW_ADVICE}") from None
            raise UsageError(
                f"Onbekende revisie '{name}': er is geen tag, branch of commit met die naam. "
                "Bekijk de mogelijkheden met 'git tag', 'git branch' of 'git log --oneline', "
                "of geef een datum als JJJJ-MM-DD."
            ) from None
        return Revision(name, out.decode("ascii").strip())

    def _commit_on_or_before(self, day: str) -> str:
        try:
            moment = dt.date.fromisoformat(day)
        except ValueError:
            raise UsageError(f"'{day}' is geen bestaande datum. Schrijf de datum als JJJJ-MM-DD.") from None
        # A day after today means the newest commit (git cannot read dates after 2099 at all).
        before = ["--before", f"{day} 23:59:59"] if moment <= dt.date.today() else []
        try:
            out = self._run("rev-list", "-1", *before, "HEAD", "--")
        except _GitFailed as exc:
            raise UsageError(f"De geschiedenis kan niet worden gelezen: {exc.first_line}") from None
        commit = out.decode("ascii").strip()
        if not commit:
            if self.shallow:
                raise UsageError(f"Er is geen commit op of vóór {day} gevonden. {SHALLOW_ADVICE}")
            raise UsageError(
                f"Er is geen commit op of vóór {day}: de geschiedenis van deze repository begint later. "
                "Kies een latere datum."
            )
        return commit

    def require_full_history(self) -> None:
        if self.shallow:
            raise UsageError(f"Voor de geschiedenis is de hele git-geschiedenis nodig. {SHALLOW_ADVICE}")

    def commit_day(self, commit: str) -> str | None:
        """The committer date of ``commit`` as YYYY-MM-DD."""
        return self._git("log", "-1", "--format=%cs", commit, "--").decode("ascii").strip() or None

    def head_state(self) -> tuple[str, bool] | None:
        """The commit HEAD is at and whether data/ has changes not committed; None when the
        data is not in git (regio.yaml not tracked, or no commit yet)."""
        try:
            if not self._git("ls-files", "--", PLACES["regio"].path()).strip():
                return None
            sha = self._git("rev-parse", "HEAD").decode("ascii").strip()
            changes = self._git("status", "--porcelain", "--untracked-files=all", "--", DATA_DIR)
        except UsageError:  # no commit yet
            return None
        return sha, bool(changes.strip())

    # history --------------------------------------------------------------------

    def last_change(self, pattern: str, start: str = "HEAD") -> tuple[str, str] | None:
        """The newest commit from ``start`` that touched a file matching the glob ``pattern``
        (``data/...``), and that file's path then; None when there is none."""
        spec = f":(top,glob){self.prefix}{pattern}"
        out = self._git("log", "-1", "--format=%H", "--name-only", "-z", start, "--", spec)
        tokens = [t.strip("\n") for t in out.decode("utf-8", "surrogateescape").split("\0") if t.strip("\n")]
        if len(tokens) >= 2 and (path := self.relative(tokens[1])) is not None:
            return tokens[0], path
        return None

    def follow(self, path: str, start: str = "HEAD") -> list[FileCommit]:
        """Every commit from ``start`` back that changed the file ``path``, also under an
        earlier name, newest first."""
        args = ["--follow", "--name-status", "-z", "-M", _LOG_FORMAT, "--date=iso-strict"]
        out = self._git("log", *args, start, "--", path)
        return _parse_log(out, self.relative)

    # listing ------------------------------------------------------------------

    def list_files(self, commit: str, *under: str) -> list[TreeEntry]:
        """Every file below ``data/`` (or below the given ``data/...`` paths) at ``commit``."""
        specs = [f":(top,literal){self.prefix}{path}" for path in under] or [self.data_pathspec]
        out = self._git("ls-tree", "-r", "-z", "-l", "--full-tree", commit, "--", *specs)
        entries = []
        for record in out.split(b"\0"):
            if not record:
                continue
            meta, _, raw_path = record.partition(b"\t")
            mode, kind, oid, size = meta.decode("ascii").split()
            path = self.relative(raw_path.decode("utf-8", "surrogateescape"))
            if path is None:
                continue
            entries.append(TreeEntry(path, mode, kind, oid, int(size) if size.isdigit() else None))
        return entries

    def changed_files(self, old: str, new: str | None) -> list[Change]:
        """Files below ``data/`` that differ from ``old`` to ``new`` (None: the working tree).

        Asked once per command: a second question (status --vergelijk asks for the diff and
        for the checked files) gets the same answer, as the data of one command must."""
        if (old, new) not in self._changed:
            self._changed[(old, new)] = self._changed_files(old, new)
        return list(self._changed[(old, new)])

    def _changed_files(self, old: str, new: str | None) -> list[Change]:
        sides = [old] if new is None else [old, new]
        out = self._git(
            "diff", "--raw", "-z", "-M", "--no-abbrev", "--no-ext-diff", "--no-textconv", "--no-color",
            *sides, "--", self.data_pathspec,
        )  # fmt: skip
        changes = _parse_raw(out, self.relative, worktree=new is None)
        if new is None:
            untracked = self._git(
                "ls-files", "--others", "--exclude-standard", "-z", "--", self.data_pathspec
            )  # fmt: skip
            known = {c.old_path: i for i, c in enumerate(changes) if c.status == "D"}
            # ls-files prints paths relative to the current directory: the data root.
            for raw_path in untracked.split(b"\0"):
                if not raw_path:
                    continue
                path = raw_path.decode("utf-8", "surrogateescape")
                if path in known:  # deleted from the index, yet still on disk
                    index = known[path]
                    changes[index] = Change("M", path, path, changes[index].old_oid, None)
                else:
                    changes.append(Change("A", None, path, None, None))
        return changes

    # reading ------------------------------------------------------------------

    def blobs(self) -> BlobReader:
        return BlobReader(self)


class _GitFailed(Exception):
    def __init__(self, stderr: bytes) -> None:
        text = stderr.decode("utf-8", "replace").strip()
        lines = [line.removeprefix("fatal: ").removeprefix("error: ") for line in text.splitlines() if line]
        self.first_line = lines[0] if lines else "onbekende fout"
        super().__init__(self.first_line)


def _parse_raw(out: bytes, relative: Callable[[str], str | None], *, worktree: bool) -> list[Change]:
    """``git diff --raw -z``: ':oldmode newmode oldoid newoid STATUS\\0path\\0[path\\0]'."""
    tokens = out.split(b"\0")
    changes: list[Change] = []
    index = 0
    zero = re.compile(r"0+")
    while index < len(tokens):
        meta = tokens[index].decode("ascii", "replace")
        index += 1
        if not meta.startswith(":"):
            continue
        old_mode, new_mode, old_oid, new_oid, status = meta[1:].split(" ")
        letter = status[:1]
        first = tokens[index].decode("utf-8", "surrogateescape")
        index += 1
        second = None
        if letter in ("R", "C"):
            second = tokens[index].decode("utf-8", "surrogateescape")
            index += 1
        old_path = relative(first)
        new_path = relative(second) if second is not None else old_path
        if letter == "A":
            old_path = None
        if letter == "D":
            new_path = None
        if letter == "C":  # a copy leaves the original in place: the new file is new
            letter, old_path = "A", None
        if old_path is None and new_path is None:
            continue
        changes.append(
            Change(
                letter,
                old_path,
                new_path,
                None if old_path is None or zero.fullmatch(old_oid) else old_oid,
                None if new_path is None or worktree or zero.fullmatch(new_oid) else new_oid,
                old_mode,
                new_mode,
            )
        )
    return changes


# Three NULs start each commit: no subject, name or path holds a NUL, and the fields
# between NULs are never two empty ones in a row, so nothing else can look like this.
_LOG_MARK = "\0\0\0"
_LOG_FORMAT = "--format=%x00%x00%x00%H%x00%h%x00%an%x00%aI%x00%s"


def _parse_log(out: bytes, relative: Callable[[str], str | None]) -> list[FileCommit]:
    """``git log --name-status -z`` in _LOG_FORMAT: per commit its fields, then status and path(s)."""
    records = []
    for chunk in out.decode("utf-8", "surrogateescape").split(_LOG_MARK)[1:]:
        tokens = chunk.lstrip("\0").split("\0")
        if len(tokens) < 5:
            continue
        commit, _, auteur, moment, onderwerp = tokens[:5]
        rest = [t for t in (tok.lstrip("\n") for tok in tokens[5:]) if t]
        status = rest[0][:1] if rest else ""
        if status in ("R", "C") and len(rest) >= 3:
            old_path, path = relative(rest[1]), relative(rest[2])
        elif len(rest) >= 2:
            old_path, path = None, relative(rest[1])
        else:
            continue  # a commit without a change to the file (a merge)
        records.append(FileCommit(commit, auteur, moment, onderwerp, status, path, old_path))
    return records


def commit_date(raw: bytes | None) -> dt.date | None:
    """The committer date of a raw commit object (as ``cat-file --batch`` gives it)."""
    for line in (raw or b"").split(b"\n"):
        if line.startswith(b"committer "):
            try:
                stamp, zone = line.rsplit(b" ", 2)[1:]
                sign = -1 if zone.startswith(b"-") else 1
                offset = dt.timedelta(hours=int(zone[1:3]), minutes=int(zone[3:5])) * sign
                moment = dt.datetime.fromtimestamp(int(stamp), dt.timezone(offset))
            except ValueError:
                return None
            return moment.date()
        if not line:
            break
    return None


class BlobReader:
    """One ``git cat-file --batch`` process for a whole command; use as a context manager.

    Objects are asked for in chunks small enough that neither side's pipe can fill
    while the other waits, so any number of files streams through one process.
    """

    def __init__(self, repo: GitRepo) -> None:
        self._repo = repo
        self._process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> BlobReader:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        process = self._process
        if process is None:
            return
        self._process = None
        assert process.stdin is not None and process.stdout is not None
        process.stdin.close()
        process.stdout.close()
        process.wait()

    def _start(self) -> subprocess.Popen[bytes]:
        if self._process is None:
            try:
                self._process = subprocess.Popen(
                    _git_command(["cat-file", "--batch"]),
                    cwd=self._repo.root,
                    env=git_environment(),
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                )
            except FileNotFoundError:
                raise UsageError("Het programma git is niet gevonden. Installeer git.") from None
        return self._process

    def read(self, names: Sequence[str]) -> list[bytes | None]:
        """The contents of each object name (an oid or 'commit:path'); None when missing."""
        if not names:
            return []
        process = self._start()
        assert process.stdin is not None and process.stdout is not None
        results: list[bytes | None] = []
        chunk: list[bytes] = []
        size = 0
        for name in names:
            request = name.encode("utf-8", "surrogateescape") + b"\n"
            if b"\n" in request[:-1]:
                request = b"missing-object\n"  # a name with a line break cannot be asked for
            chunk.append(request)
            size += len(request)
            if size >= _CHUNK_BYTES:
                results.extend(self._exchange(process.stdin, process.stdout, chunk))
                chunk, size = [], 0
        results.extend(self._exchange(process.stdin, process.stdout, chunk))
        return results

    @staticmethod
    def _exchange(stdin: IO[bytes], stdout: IO[bytes], requests: list[bytes]) -> list[bytes | None]:
        if not requests:
            return []
        try:
            stdin.write(b"".join(requests))
            stdin.flush()
        except BrokenPipeError:
            raise UsageError(
                "git cat-file stopte onverwacht; de gegevens konden niet worden gelezen."
            ) from None
        answers: list[bytes | None] = []
        for _ in requests:
            header = stdout.readline()
            if not header:
                raise UsageError("git cat-file stopte onverwacht; de gegevens konden niet worden gelezen.")
            fields = header.split()
            if len(fields) != 3:  # '<name> missing' or '<name> ambiguous'
                answers.append(None)
                continue
            length = int(fields[2])
            if length > MAX_BYTES:
                # Over the size cap (a 1 GiB blob in history): skipped in pieces, never held.
                remaining = length
                while remaining:
                    piece = stdout.read(min(remaining, 1 << 20))
                    if not piece:
                        raise UsageError(
                            "git cat-file stopte onverwacht; de gegevens konden niet worden gelezen."
                        )
                    remaining -= len(piece)
                stdout.read(1)
                answers.append(Oversized(length))
                continue
            body = stdout.read(length)
            stdout.read(1)  # the line feed after the contents
            answers.append(body)
        return answers


class Oversized(bytes):
    """What BlobReader gives for an object over the size cap: no contents, only its size."""

    size: int

    def __new__(cls, size: int) -> Oversized:
        made = super().__new__(cls)
        made.size = size
        return made


def blob_source(path: str, raw: bytes, oid: str | None = None) -> SourceFile:
    """A file read from git (``oid``: its blob id, when known), or PA014 when it was over
    the size cap (and not read)."""
    if isinstance(raw, Oversized):
        return refused(path, "PA014", too_big_message(raw.size))
    return SourceFile(path, raw, oid=oid)


# the data set at a revision ---------------------------------------------------


def mode_problem(path: str, mode: str) -> SourceFile | None:
    """Why a file of this git mode must not be read (a link, a submodule), or None.

    The one rule for every reader of git: status --rev, validate at a revision, diff."""
    if mode == "120000":
        return refused(
            path,
            "PA015",
            "Dit bestand is een symbolische koppeling; prestatie leest die niet uit git. "
            "Zet het bestand zelf in data/.",
        )
    if mode == "160000":
        return refused(path, "PA015", "Dit is geen gewoon bestand; prestatie leest het niet.")
    return None


def entry_problem(entry: TreeEntry) -> SourceFile | None:
    """Why an entry must not be read (a link, a submodule, too big), or None."""
    problem = mode_problem(entry.path, entry.mode)
    if problem is not None:
        return problem
    if entry.kind != "blob":
        return refused(entry.path, "PA015", "Dit is geen gewoon bestand; prestatie leest het niet.")
    if entry.size is not None and entry.size > MAX_BYTES:
        return refused(entry.path, "PA014", too_big_message(entry.size))
    return None


def revision_entries(
    repo: GitRepo, revision: Revision, listed: Sequence[TreeEntry] | None = None
) -> list[TreeEntry]:
    """The files below ``data/`` at ``revision`` that belong to the data set (as on disk);
    ``listed``: what ``repo.list_files`` gave for it, when the caller has it already."""
    listed = repo.list_files(revision.commit) if listed is None else listed
    entries = [e for e in listed if not hidden(e.path)]
    if not entries:
        raise UsageError(
            f"In revisie '{revision.name}' ({revision.commit[:7]}) bestaat de map "
            f"{repo.prefix}{DATA_DIR}/ nog niet. Kies een latere revisie."
        )
    return entries


def read_entries(repo: GitRepo, entries: Sequence[TreeEntry]) -> list[SourceFile]:
    """The content of these entries, read through one cat-file process (or why not)."""
    sources: list[SourceFile | None] = [entry_problem(entry) for entry in entries]
    wanted = [i for i, source in enumerate(sources) if source is None]
    with repo.blobs() as reader:
        contents = reader.read([entries[i].oid for i in wanted])
    for i, raw in zip(wanted, contents, strict=True):
        if raw is None:
            sources[i] = refused(
                entries[i].path,
                "PA015",
                "De inhoud van dit bestand ontbreekt in de lokale git-repository. " + SHALLOW_ADVICE,
            )
        else:
            sources[i] = blob_source(entries[i].path, raw, entries[i].oid)
    return [source for source in sources if source is not None]


def read_revision(repo: GitRepo, revision: Revision) -> list[SourceFile]:
    """Every file below ``data/`` at ``revision``, read through one cat-file process."""
    return read_entries(repo, revision_entries(repo, revision))


def load_sources(root: Path, rev: str) -> list[SourceFile]:
    """The files of ``root/data`` as they were at ``rev``."""
    repo = GitRepo(root)
    return read_revision(repo, repo.resolve(rev))


def maybe_repo(root: Path) -> GitRepo | None:
    """The git repository of ``root``, or None when it is not in one (or git is missing)."""
    try:
        return GitRepo(root)
    except UsageError:
        return None
