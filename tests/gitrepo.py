"""A real git repository in tmp_path for the tests of diff, --rev and geschiedenis.

Commits get fixed dates and authors through git's own environment variables, and
the user's global and system git configuration is kept out.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

DEFAULT_AUTHOR = "Anna de Vries"


def git_env(date: str | None = None, author: str = DEFAULT_AUTHOR) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME=author,
        GIT_AUTHOR_EMAIL="adviseur@example.org",
        GIT_COMMITTER_NAME=author,
        GIT_COMMITTER_EMAIL="adviseur@example.org",
        LC_ALL="C",
    )
    if date is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    return env


class Repo:
    """A git work tree whose data root is ``root`` (``root/data``), at ``top`` or below it."""

    def __init__(self, top: Path, root: Path | None = None) -> None:
        self.top = top
        self.root = root or top
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, date: str | None = None, author: str = DEFAULT_AUTHOR) -> str:
        done = subprocess.run(
            ["git", *args], cwd=self.top, env=git_env(date, author), capture_output=True, text=True, check=True
        )
        return done.stdout.strip()

    def commit(self, message: str, *, date: str, author: str = DEFAULT_AUTHOR) -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message, date=date, author=author)
        return self.git("rev-parse", "HEAD")

    def short(self, rev: str) -> str:
        """The seven-character commit that ``rev`` names, as prestatie prints it."""
        return self.git("rev-parse", "--short=7", rev)

    def path(self, relative: str) -> Path:
        return self.root / relative

    def write(self, relative: str, text: str) -> None:
        path = self.path(relative)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def edit(self, relative: str, old: str, new: str) -> None:
        path = self.path(relative)
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def append(self, relative: str, text: str) -> None:
        with self.path(relative).open("a", encoding="utf-8") as handle:
            handle.write(text)

    def move(self, old: str, new: str) -> None:
        self.path(new).parent.mkdir(parents=True, exist_ok=True)
        shutil.move(self.path(old), self.path(new))

    def remove(self, relative: str) -> None:
        self.path(relative).unlink()


def repo_with_data(top: Path, data: Path, *, subdir: str | None = None, date: str = "2023-01-10T12:00:00") -> Repo:
    """A repository holding a copy of ``data`` (at ``subdir/data`` when given), committed and tagged start."""
    top.mkdir(parents=True, exist_ok=True)
    root = top / subdir if subdir else top
    shutil.copytree(data, root / "data")
    repo = Repo(top, root)
    repo.commit("Gegevens van Parkstad toegevoegd", date=date)
    repo.git("tag", "start")
    return repo
