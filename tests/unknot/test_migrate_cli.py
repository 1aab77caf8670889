"""`unknot migrate` end to end: the real CLI in subprocesses on a real git repository built from
tests/assets/migrate_layer.

A 4-step plan whose step 3 fails the repository's hygiene check leaves the tree exactly as
after step 2, with steps 1-2 committed and tagged; after the fix, `--resume` finishes it; run
again, it does nothing. `--simulate` predicts in memory the figures `--apply` then measures
(the lines within a few). A SIGKILL during a step is undone by the next run. Bad input: one
coded line, exit 2, no change.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.codemods.plans.plan_texts import plan_text
from tests.codemods.repos import copy_asset, git, snapshot

pytestmark = pytest.mark.slow

ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.com",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.com",
}
HYGIENE = f"{sys.executable} scripts/hygiene.py"
OWN_TESTS = f"PYTHONPATH=src {sys.executable} -m pytest -q -p no:cacheprovider tests"


def _migrate(root: Path, plan: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "unknot", "migrate", str(plan), *args],
        cwd=root,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _setup(tmp_path: Path, text: str = "") -> tuple[Path, Path]:
    root = copy_asset("migrate_layer", tmp_path)
    plan = tmp_path / "plan.toml"
    plan.write_text(text or plan_text())
    return root, plan


def _files(root: Path) -> dict[str, bytes]:
    return {k: v for k, v in snapshot(root).items() if not k.startswith(".unknot_cache/")}


def _tree_at(root: Path, ref: str) -> dict[str, bytes]:
    names = git(root, "ls-tree", "-r", "--name-only", ref).split()
    return {name: git(root, "show", f"{ref}:{name}").encode() for name in names}


def _table(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("| ") and "---" not in line]


def test_a_failed_step_3_of_4_leaves_step_2_and_resume_finishes(tmp_path: Path) -> None:
    root, plan = _setup(tmp_path)
    failed = _migrate(root, plan, "--apply", "--verify", OWN_TESTS, "--verify", HYGIENE)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "step 3 failed" in failed.stderr
    assert "### Step 3/4: `move-symbol" in failed.stdout
    assert "- [ ] `" + HYGIENE + "`: exit 1" in failed.stdout
    tags = git(root, "tag").split()
    assert tags == ["migrate/move-equity_calculator", "migrate/move-market_monitor"]
    assert git(root, "rev-parse", "HEAD") == git(root, "rev-parse", f"{tags[0]}^{{commit}}")
    assert git(root, "rev-list", "--count", "HEAD").strip() == "3"
    assert _files(root) == _tree_at(root, tags[0])
    log = (root / ".unknot_cache/migrate/last-failure.log").read_text()
    assert "not in hygiene_allowlist.txt: app/orchestration/shared/symbol_utils.py" in log

    allow = root / "hygiene_allowlist.txt"
    allow.write_text(
        allow.read_text()
        + "app/orchestration/shared/__init__.py\napp/orchestration/shared/symbol_utils.py\n"
    )
    git(root, "commit", "-qam", "hygiene: allow the shared package")
    resumed = _migrate(
        root, plan, "--apply", "--resume", "--verify", OWN_TESTS, "--verify", HYGIENE
    )
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert "**Status**: ✅ complete (4/4 steps done)" in resumed.stdout
    assert len(git(root, "tag").split()) == 4
    assert git(root, "status", "--porcelain", "--", "src", "tests") == ""
    after = subprocess.run(
        [sys.executable, "-m", "unknot", "analyze", "orchestration"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert after.returncode == 0, after.stdout
    again = _migrate(root, plan, "--apply")
    assert again.returncode == 0
    assert again.stdout == "Nothing to do: all 4 steps of the plan are done.\n"


def _without_lines(rows: list[str]) -> list[str]:
    """The rows with the lines column left out."""
    return ["|".join(c for n, c in enumerate(row.split("|")) if n != 7) for row in rows]


def _lines(rows: list[str]) -> list[int]:
    return [int(row.split("|")[7]) for row in rows[1:]]


def test_simulate_predicts_what_apply_measures(tmp_path: Path) -> None:
    root, plan = _setup(tmp_path)
    before = snapshot(root)
    simulated = _migrate(root, plan, "--simulate")
    assert simulated.returncode == 0, simulated.stderr
    assert snapshot(root) == before
    rows = _table(simulated.stdout)
    assert rows[0] == (
        "| step | operation | cycles | import-time | imports to cut | modules | lines "
        "| over limit |"
    )
    assert rows[1] == "| 0 | baseline | 1 | 1 | 1 | 8 | 100 | 0 |"
    assert rows[-1].startswith(
        "| 4 | remove-shim app.orchestration.legacy_symbols | 0 | 0 | 0 | 7 |"
    )
    dry = _migrate(root, plan)  # the dry run runs the steps in a scratch copy: exact
    assert dry.returncode == 0
    assert "would run: move app.orchestration.market_monitor" in dry.stdout
    measured = _table(dry.stdout)
    assert measured[-1].endswith("| 0 | 0 | 0 | 7 | 76 | 0 |")
    assert _without_lines(measured) == _without_lines(rows)
    assert all(abs(a - b) <= 2 for a, b in zip(_lines(measured), _lines(rows), strict=True))
    applied = _migrate(root, plan, "--apply")
    assert applied.returncode == 0, applied.stdout + applied.stderr
    assert _table(applied.stdout) == measured


def test_a_sigkill_during_a_step_is_undone_by_the_next_run(tmp_path: Path) -> None:
    root, plan = _setup(tmp_path)
    marker, release = tmp_path / "verifying", tmp_path / "release"
    slow = f"test -e {release} || (touch {marker}; sleep 60)"
    process = subprocess.Popen(
        [sys.executable, "-m", "unknot", "migrate", str(plan), "--apply", "--verify", slow],
        cwd=root,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        for _ in range(600):
            if marker.exists() or process.poll() is not None:
                break
            time.sleep(0.1)
        assert marker.exists()
        assert (root / "src/app/features/market_monitor.py").is_file()  # applied, not committed
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    release.touch()
    resumed = _migrate(root, plan, "--apply", "--resume", "--verify", slow)
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert len(git(root, "tag").split()) == 4
    assert git(root, "rev-list", "--count", "HEAD").strip() == "5"


BAD = [
    ("unknown-op", lambda t: t.replace('op = "remove-shim"', 'op = "remove-shin"'), "remove-shim"),
    ("unknown-key", lambda t: t.replace("new = ", "nwe = ", 1), "'new'"),
    (
        "missing-argument",
        lambda t: t.replace('dest = "app.orchestration.shared.symbol_utils"', ""),
        "dest",
    ),
    (
        "moved-away",
        lambda t: (
            t + '\n[[steps]]\nop = "remove-shim"\nmodule = "app.orchestration.market_monitor"\n'
        ),
        "step 1",
    ),
    (
        "module-not-found",
        lambda t: t.replace(
            'module = "app.orchestration.legacy_symbols"',
            'module = "app.orchestration.legacy_symbol"',
        ),
        "Did you mean app.orchestration.legacy_symbols",
    ),
]


@pytest.mark.parametrize(("code", "edit", "said"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_plan_is_one_coded_line_and_nothing_changes(
    tmp_path: Path, code: str, edit: object, said: str
) -> None:
    assert callable(edit)
    root, plan = _setup(tmp_path, edit(plan_text()))
    before = snapshot(root)
    for args in ((), ("--simulate",), ("--apply",)):
        result = _migrate(root, plan, *args)
        assert result.returncode == 2, result.stdout + result.stderr
        assert result.stderr.startswith(f"error[{code}]"), result.stderr
        assert said in result.stderr
        assert "hint:" in result.stderr
        assert snapshot(root) == before


def _refused(result: subprocess.CompletedProcess[str], code: str) -> None:
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.startswith(f"error[{code}]"), result.stderr
    assert len(result.stderr.splitlines()) == 2
    assert result.stderr.splitlines()[1].startswith("  hint: ")


def test_a_tree_or_repository_the_plan_cannot_run_in_is_refused(tmp_path: Path) -> None:
    root, plan = _setup(tmp_path)
    (root / "src/app/orchestration/bot.py").write_text("# edited\n")
    before = snapshot(root)
    _refused(_migrate(root, plan, "--apply"), "dirty-tree")
    assert snapshot(root) == before
    git(root, "checkout", "--", ".")
    git(root, "tag", "migrate/move-market_monitor")
    _refused(_migrate(root, plan, "--apply"), "tag-exists")
    git(root, "tag", "-d", "migrate/move-market_monitor")
    _refused(_migrate(root, plan, "--resume"), "bad-options")
    _refused(
        _migrate(root, plan, "--apply", "--verify", "no-such-checker --all"),
        ("verify-command-not-found"),
    )
    _refused(
        _migrate(root, plan, "--apply", "--verify", "./scripts/nope.sh"),
        ("verify-command-not-found"),
    )
    _refused(_migrate(root, plan, "--apply", "--report", "no/such/dir/r.md"), "no-such-directory")
    assert _files(root) == _tree_at(root, "HEAD")
    assert git(root, "tag") == ""
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    _refused(_migrate(plain, plan, "--apply"), "no-git")
