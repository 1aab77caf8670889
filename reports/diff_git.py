"""A past revision of the working tree's repository, checked out in a temporary git worktree.

`unknot diff --against REV` analyses the revision there and the working tree where it is; the
worktree is removed afterwards, whatever happens.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reports.errors import ReportError, RevisionNotFound

__all__ = ["revision_tree"]


def _git(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=120
        )
    except FileNotFoundError as error:
        raise ReportError(
            "`unknot diff --against` needs git, which is not installed.",
            hint="Install git, or compare two saved analyses: unknot diff BEFORE.json AFTER.json.",
            code="missing-tool",
        ) from error


@contextmanager
def revision_tree(revision: str, *, cwd: Path) -> Iterator[Path]:
    """Yield the directory in a checkout of `revision` that corresponds to `cwd`."""
    top = _git("rev-parse", "--show-toplevel", cwd=cwd)
    if top.returncode != 0:
        raise RevisionNotFound(
            f"{cwd} is not inside a git repository.",
            hint="Run from the repository, or compare two saved analyses (BEFORE.json AFTER.json).",
            code="not-a-repository",
        )
    root = Path(top.stdout.strip())
    commit = _git("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}", cwd=root)
    if commit.returncode != 0:
        raise RevisionNotFound(
            f"No revision '{revision}' in {root}.",
            hint="Name a commit, branch or tag that `git rev-parse` knows (e.g. HEAD~1, main).",
        )
    with tempfile.TemporaryDirectory(prefix="unknot-diff-") as scratch:
        tree = Path(scratch) / "tree"
        added = _git("worktree", "add", "--detach", str(tree), commit.stdout.strip(), cwd=root)
        if added.returncode != 0:
            raise ReportError(
                f"git could not check out {revision}: {added.stderr.strip()[:300]}",
                hint="Check `git worktree list`; prune stale worktrees with `git worktree prune`.",
                code="worktree-failed",
            )
        try:
            yield tree / Path(cwd).resolve().relative_to(root.resolve())
        finally:
            _git("worktree", "remove", "--force", str(tree), cwd=root)
            _git("worktree", "prune", cwd=root)
