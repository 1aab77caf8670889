"""The git adapter: is this a work tree, is it clean, and `git mv`."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from codemods.engine.errors import GitLocked

__all__ = ["GitWorkTree"]

_OURS = ".unknot_cache/"


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)


@dataclass(frozen=True)
class GitWorkTree:
    """A git work tree whose top level is `top`."""

    top: Path

    @classmethod
    def find(cls, path: Path) -> GitWorkTree | None:
        """The work tree holding `path`, or None outside git (or without git installed)."""
        try:
            out = _git(path, "rev-parse", "--show-toplevel")
        except OSError:
            return None
        if out.returncode != 0 or not out.stdout.strip():
            return None
        return cls(Path(out.stdout.strip()).resolve())

    def check_unlocked(self) -> None:
        """Raise `GitLocked` when git's index is locked: `git mv` and `git add` would fail, and
        the change would be written but not staged."""
        out = _git(self.top, "rev-parse", "--git-path", "index.lock")
        lock = self.top / out.stdout.strip()
        if out.returncode == 0 and out.stdout.strip() and lock.exists():
            raise GitLocked(
                f"git's index is locked ({lock}): another git process is running, or one "
                "was killed.",
                hint="Wait for it to finish; if no git command is running, remove the lock "
                "file and run again. Nothing was written.",
            )

    def dirty_files(self, under: Path) -> list[str]:
        """Modified, staged or untracked files under `under` (our own cache excluded)."""
        out = _git(self.top, "status", "--porcelain", "--", str(under))
        paths = [line[3:] for line in out.stdout.splitlines() if len(line) > 3]
        return sorted(p for p in paths if _OURS not in p and not p.startswith(_OURS.rstrip("/")))

    def move(self, source: Path, target: Path) -> bool:
        """`git mv source target`; False when git refuses (e.g. an untracked file)."""
        out = _git(self.top, "mv", "--", str(source), str(target))
        return out.returncode == 0

    def add(self, paths: list[Path]) -> bool:
        """`git add` the files a change created, so `git commit -a` takes the whole change."""
        if not paths:
            return True
        out = _git(self.top, "add", "--", *(str(path) for path in paths))
        return out.returncode == 0

    def remove(self, path: Path) -> bool:
        """`git rm -q path`; False when git refuses (e.g. an untracked file)."""
        out = _git(self.top, "rm", "-q", "--", str(path))
        return out.returncode == 0
