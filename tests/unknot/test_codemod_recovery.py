"""A killed `codemod move --apply`, a locked git index, and recovery before bad input: the real
CLI in subprocesses, on a sample repository on disk."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from codemods.engine.apply import PAUSE_AFTER_ENV, PAUSE_FILE_ENV, STATE_DIR
from tests.codemods.repos import copy_asset, git, make_repo, snapshot

OLD, NEW = "pkg.sub.mod", "pkg.fresh.mod"
FILES = {
    "pkg/__init__.py": "",
    "pkg/sub/__init__.py": "",
    "pkg/sub/mod.py": "X = 1\n",
    "pkg/a.py": "from pkg.sub.mod import X\n",
    "pkg/b.py": "import pkg.sub.mod\n\nY = pkg.sub.mod.X\n",
    "tests/__init__.py": "",
    "tests/sub/__init__.py": "",
    "tests/sub/test_mod.py": "from pkg.sub import mod\n",
}


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "unknot", "codemod", *args]


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        _command(*args), cwd=cwd, capture_output=True, text=True, check=False, timeout=120
    )


def _state(root: Path) -> tuple[dict[str, bytes], str, str]:
    """The files, git's index and git's view of the work tree."""
    return (
        snapshot(root),
        git(root, "ls-files", "--stage"),
        git(root, "status", "--porcelain", "--untracked-files=all"),
    )


def _kill_after(root: Path, operations: int, *args: str) -> bool:
    """Run the apply and SIGKILL it after `operations` file operations; False when it
    finished before getting there."""
    paused = root.parent / f"paused-{operations}"
    env = {**os.environ, PAUSE_AFTER_ENV: str(operations), PAUSE_FILE_ENV: str(paused)}
    process = subprocess.Popen(
        _command(*args), cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while not paused.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    if not paused.exists():
        process.wait(timeout=120)
        return False
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    return True


@pytest.mark.parametrize("shim", [False, True], ids=["move", "move-with-shim"])
def test_a_kill_at_every_file_operation_then_a_rerun_gives_the_uninterrupted_result(
    tmp_path: Path, shim: bool
) -> None:
    args = ("move", OLD, NEW, "--apply", *(("--shim",) if shim else ()))
    expected = make_repo(tmp_path / "expected", FILES)
    assert _run(*args, cwd=expected).returncode == 0
    wanted = _state(expected)
    assert "A  pkg/fresh/__init__.py" in wanted[2].splitlines()
    operations = 0
    while True:
        root = make_repo(tmp_path / f"killed-{operations}", FILES)
        if not _kill_after(root, operations, *args):
            break
        assert (root / STATE_DIR / "journal.json").is_file()
        again = _run(*args, cwd=root)
        assert "Completed an interrupted apply" in again.stdout + again.stderr
        if shim:  # OLD is taken by the shim now: refused, after the recovery was done
            assert again.returncode == 2
            assert "error[target-exists]" in again.stderr
        else:
            assert again.returncode == 0, again.stderr
            assert "Nothing to do" in again.stdout
        assert _state(root) == wanted, f"killed after {operations} file operations"
        operations += 1
    assert operations >= 6, "every move, write and creation was a kill point"


def test_a_created_file_written_before_a_kill_is_added_to_git_by_the_next_run(
    tmp_path: Path,
) -> None:
    root = make_repo(tmp_path / "repo", FILES)
    # 2 moves, then 5 writes, the two new `__init__.py` last: killed before `git add`.
    assert _kill_after(root, 7, "move", OLD, NEW, "--apply")
    assert (root / "pkg/fresh/__init__.py").is_file()
    assert _run("move", OLD, NEW, cwd=root).returncode == 0
    status = git(root, "status", "--porcelain", "--untracked-files=all").splitlines()
    assert "A  pkg/fresh/__init__.py" in status
    assert not [line for line in status if line.startswith("??")]


def test_a_locked_git_index_is_an_error_and_nothing_changes(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo", FILES)
    (root / ".git/index.lock").write_text("")
    before = _state(root)
    result = _run("move", OLD, NEW, "--apply", cwd=root)
    assert result.returncode == 2
    assert "error[git-index-locked]" in result.stderr
    assert "remove the lock file" in result.stderr
    assert "Traceback" not in result.stderr
    assert _state(root) == before
    assert not (root / ".unknot_cache").exists()


def test_a_locked_git_index_stops_a_recovery_before_it_starts(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo", FILES)
    assert _kill_after(root, 2, "move", OLD, NEW, "--apply")
    (root / ".git/index.lock").write_text("")
    before = _state(root)
    result = _run("move", OLD, NEW, "--apply", cwd=root)
    assert result.returncode == 2
    assert "error[git-index-locked]" in result.stderr
    assert _state(root) == before


def test_a_recovery_before_bad_input_says_what_it_wrote(tmp_path: Path) -> None:
    expected = make_repo(tmp_path / "expected", FILES)
    assert _run("move", OLD, NEW, "--apply", cwd=expected).returncode == 0
    root = make_repo(tmp_path / "repo", FILES)
    assert _kill_after(root, 2, "move", OLD, NEW, "--apply")
    result = _run("move", "pkg.nothere", "pkg.x", "--apply", cwd=root)
    assert result.returncode == 2
    assert "error[module-not-found]" in result.stderr
    assert "Before this: Completed an interrupted apply" in result.stderr
    assert _state(root) == _state(expected)


def test_a_kill_at_every_file_operation_of_a_shim_removal_deletes_included(
    tmp_path: Path,
) -> None:
    args = ("remove-shim", "trade.orchestration.symbols", "--apply")
    expected = copy_asset("codemods_shim", tmp_path / "expected")
    assert _run(*args, cwd=expected).returncode == 0
    wanted = _state(expected)
    assert "D  src/trade/orchestration/symbols.py" in wanted[2].splitlines()
    operations = 0
    while True:
        root = copy_asset("codemods_shim", tmp_path / f"killed-{operations}")
        if not _kill_after(root, operations, *args):
            break
        again = _run(*args, cwd=root)  # the shim is gone: refused, after the recovery
        assert "Completed an interrupted apply" in again.stderr, again.stderr
        assert _state(root) == wanted, f"killed after {operations} file operations"
        operations += 1
    assert operations >= 3
