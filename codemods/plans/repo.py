"""The git adapter of a migration: progress in tags and commit trailers, staging exactly what a
step changed, committing, tagging, and restoring the last good step."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from codemods.plans.errors import PlanError

__all__ = ["TRAILER", "Repository"]

TRAILER = "Unknot-Step"
# Never staged or restored: our own state, and what tools leave behind when they run.
_LEFT_ALONE = (".unknot_cache/", "__pycache__/", ".pytest_cache/", ".mypy_cache/", ".ruff_cache/")


def _ours(path: str) -> bool:
    return path.endswith(".pyc") or any(
        path.startswith(part) or f"/{part}" in path for part in _LEFT_ALONE
    )


@dataclass(frozen=True)
class Repository:
    """A git work tree whose top level is `top`."""

    top: Path

    def _git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        out = subprocess.run(
            ["git", *args], cwd=self.top, capture_output=True, text=True, check=False
        )
        if check and out.returncode != 0:
            raise PlanError(
                f"git {' '.join(args[:2])} failed: {out.stderr.strip() or out.stdout.strip()}",
                hint="Check the repository's state with `git status`.",
                code="git-failed",
            )
        return out

    @classmethod
    def open(cls, path: Path) -> Repository:
        """The work tree holding `path`; raises `no-git` outside one."""
        try:
            out = subprocess.run(
                ["git", "rev-parse", "--show-toplevel"],
                cwd=path,
                capture_output=True,
                text=True,
                check=False,
            )
        except OSError as error:
            raise PlanError(
                f"git cannot run: {error}.", hint="Install git.", code="no-git"
            ) from error
        if out.returncode != 0 or not out.stdout.strip():
            raise PlanError(
                f"{path} is not in a git work tree.",
                hint="A migration commits and tags each step: run `git init` and commit first.",
                code="no-git",
            )
        return cls(Path(out.stdout.strip()).resolve())

    def head(self) -> str:
        out = self._git("rev-parse", "--verify", "-q", "HEAD", check=False)
        if out.returncode != 0:
            raise PlanError(
                "The repository has no commit yet.",
                hint="Commit the code first: each step is committed on top of it.",
                code="no-commit",
            )
        return out.stdout.strip()

    def check_identity(self) -> None:
        if self._git("var", "GIT_COMMITTER_IDENT", check=False).returncode != 0:
            raise PlanError(
                "git has no user name and email to commit the steps with.",
                hint="Set them: git config user.name '...' && git config user.email '...'.",
                code="no-git-identity",
            )

    def valid_tag(self, tag: str) -> bool:
        return self._git("check-ref-format", f"refs/tags/{tag}", check=False).returncode == 0

    def dirty(self) -> list[str]:
        """Changed, staged or untracked files (what tools leave behind aside)."""
        out = self._git("status", "--porcelain", "--untracked-files=all")
        return sorted(p for p in (line[3:] for line in out.stdout.splitlines()) if not _ours(p))

    def untracked(self) -> frozenset[str]:
        out = self._git("ls-files", "--others", "--exclude-standard")
        return frozenset(out.stdout.splitlines())

    def tagged(self, tag: str) -> str | None:
        """The commit `tag` points at, if it exists."""
        out = self._git("rev-parse", "--verify", "-q", f"refs/tags/{tag}^{{commit}}", check=False)
        return out.stdout.strip() if out.returncode == 0 else None

    def is_ancestor(self, commit: str) -> bool:
        """Is `commit` HEAD or one of its ancestors?"""
        return self._git("merge-base", "--is-ancestor", commit, "HEAD", check=False).returncode == 0

    def message(self, commit: str) -> str:
        return self._git("log", "-1", "--format=%B", commit).stdout

    def stage(self, untracked_before: frozenset[str]) -> None:
        """Stage what a step changed: tracked files, and the files it created."""
        self._git("add", "-u", "--", ".")
        created = sorted(p for p in self.untracked() - untracked_before if not _ours(p))
        if created:
            self._git("add", "--", *created)

    def commit(self, message: str) -> str:
        self._git("commit", "-q", "--allow-empty", "--no-verify", "-m", message)
        return self.head()

    def tag(self, tag: str, commit: str) -> None:
        self._git("tag", tag, commit)

    def restore(self, commit: str, untracked_before: frozenset[str]) -> None:
        """Put the tree back as at `commit`: tracked files reset, files created since removed,
        and any half-done codemod journal discarded (so nothing completes it later)."""
        self._git("reset", "-q", "--hard", commit)
        for name in sorted(self.untracked() - untracked_before, reverse=True):
            if not name.startswith(".unknot_cache/"):
                (self.top / name).unlink(missing_ok=True)
                _prune(self.top / name, self.top)
        shutil.rmtree(self.top / ".unknot_cache" / "apply", ignore_errors=True)


def _prune(path: Path, top: Path) -> None:
    directory = path.parent
    while directory != top and directory.is_dir():
        entries = [e for e in directory.iterdir() if e.name != "__pycache__"]
        if entries:
            return
        shutil.rmtree(directory)
        directory = directory.parent
