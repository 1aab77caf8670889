"""`unknot plan` and `unknot migrate` judge a layer as `unknot analyze` does: the target's
configured gates (line limit, per-module allowances, cycles per kind, ignored imports) go into
the plan, and `migrate` verifies every step with them, on a real git repository.

A step that makes a gate fail, or after which the layer cannot be measured, is undone and the
run exits 1 (`--simulate` says so first); a plan that ends with the layer still failing its
gates exits 1 too, its steps kept.
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.codemods.plans.plan_texts import plan_text
from tests.codemods.repos import copy_asset, git, snapshot
from tests.unknot.test_migrate_cli import ENV

pytestmark = pytest.mark.slow

GATES = """max_module_lines = 20
allow_module_lines = { "app.orchestration.bot" = 30, "app.orchestration.configuration" = 30 }
max_cycles = { import-time = 0, dynamic = 0 }
ignore = [
  { import = "app.orchestration.symbols -> app.orchestration.configuration", reason = "later" },
]
"""
MOVE_BOT = """[target]
name = "orchestration"
package = "app.orchestration"
root = "src"
max_module_lines = 20

[target.allow_module_lines]
"app.orchestration.bot" = 30
"app.orchestration.configuration" = 30

[[target.ignore]]
import = "app.orchestration.symbols -> app.orchestration.configuration"
reason = "later"

[[steps]]
op = "move"
old = "app.orchestration.bot"
new = "app.orchestration.runner.bot"
"""


def _unknot(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "unknot", *args],
        cwd=root,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def _configured(tmp_path: Path) -> Path:
    """The migration sample with gates it passes only through its allowances and ignore."""
    root = copy_asset("migrate_layer", tmp_path)
    pyproject = root / "pyproject.toml"
    text = pyproject.read_text()
    marker = 'package = "app.orchestration"\n'
    pyproject.write_text(text.replace(marker, marker + GATES))
    git(root, "commit", "-qam", "gates")
    return root


def _files(root: Path) -> dict[str, bytes]:
    return {k: v for k, v in snapshot(root).items() if not k.startswith(".unknot_cache/")}


def test_the_plan_records_the_configured_gates_and_judges_as_analyze(tmp_path: Path) -> None:
    root = _configured(tmp_path)
    assert _unknot(root, "analyze", "orchestration").returncode == 0
    plan = tmp_path / "plan.toml"
    proposed = _unknot(root, "plan", "orchestration", "-o", str(plan))
    assert proposed.returncode == 0, proposed.stderr
    target = tomllib.loads(plan.read_text())["target"]
    assert target["max_module_lines"] == 20
    assert target["allow_module_lines"] == {
        "app.orchestration.bot": 30,
        "app.orchestration.configuration": 30,
    }
    assert target["max_cycles"] == {"dynamic": 0, "import-time": 0}
    assert target["ignore"] == [
        {
            "import": "app.orchestration.symbols -> app.orchestration.configuration",
            "reason": "later",
        }
    ]
    simulated = _unknot(root, "migrate", str(plan), "--simulate")
    assert simulated.returncode == 0, simulated.stdout + simulated.stderr
    assert "| 0 | baseline | 0 | 0 | 0 | 8 | 100 | 0 |" in simulated.stdout


def test_a_step_that_makes_a_gate_fail_is_undone_and_the_run_exits_1(tmp_path: Path) -> None:
    """Moved, the bot loses its allowance (it is a module name): 25 lines > 20."""
    root = _configured(tmp_path)
    plan = tmp_path / "plan.toml"
    plan.write_text(MOVE_BOT)
    head = git(root, "rev-parse", "HEAD")
    simulated = _unknot(root, "migrate", str(plan), "--simulate")
    assert simulated.returncode == 1, simulated.stdout + simulated.stderr
    assert "step 1 would fail" in simulated.stderr
    assert "max-module-lines fails now" in simulated.stderr
    applied = _unknot(root, "migrate", str(plan), "--apply")
    assert applied.returncode == 1, applied.stdout + applied.stderr
    assert "step 1 failed" in applied.stderr
    assert "FAILED: gates (none failing anew or worse) modules_over_limit 0 -> 1" in applied.stdout
    assert git(root, "rev-parse", "HEAD") == head
    assert git(root, "tag") == ""
    assert git(root, "status", "--porcelain") == ""
    assert not (root / "src/app/orchestration/runner").exists()
    log = (root / ".unknot_cache/migrate/last-failure.log").read_text()
    assert "max-module-lines fails now" in log


def test_a_plan_that_leaves_the_gates_failing_exits_1_with_its_steps_kept(
    tmp_path: Path,
) -> None:
    root = copy_asset("migrate_layer", tmp_path)
    plan = tmp_path / "plan.toml"
    plan.write_text(
        '[target]\nname = "orchestration"\npackage = "app.orchestration"\nroot = "src"\n\n'
        '[[steps]]\nop = "move"\nold = "app.orchestration.market_monitor"\n'
        'new = "app.features.market_monitor"\n'
    )
    simulated = _unknot(root, "migrate", str(plan), "--simulate")
    assert simulated.returncode == 1
    assert "gates still failing" in simulated.stderr
    applied = _unknot(root, "migrate", str(plan), "--apply")
    assert applied.returncode == 1, applied.stdout + applied.stderr
    assert "gates still failing after the plan's steps: max-cycles.import-time" in applied.stderr
    assert git(root, "tag").split() == ["migrate/move-market_monitor"]
    assert _files(root) == {
        name: git(root, "show", f"HEAD:{name}").encode()
        for name in git(root, "ls-tree", "-r", "--name-only", "HEAD").split()
    }
    again = _unknot(root, "migrate", str(plan), "--apply")
    assert again.returncode == 1
    assert again.stdout.startswith("Nothing to do")
    assert "gates still failing" in again.stderr


def test_a_plan_with_other_gates_than_the_configuration_says_so(tmp_path: Path) -> None:
    root = _configured(tmp_path)
    plan = tmp_path / "plan.toml"
    plan.write_text(plan_text())
    simulated = _unknot(root, "migrate", str(plan), "--simulate")
    assert simulated.stderr.splitlines()[0] == (
        "warning: the plan's gates differ from [tool.unknot.targets.orchestration] in "
        "max_module_lines, max_cycles, allow_module_lines, ignores; the plan's are used "
        "(`unknot plan` records the configured ones)."
    )


def test_a_step_that_leaves_no_layer_to_measure_is_undone_and_exits_1(tmp_path: Path) -> None:
    """The step moves the whole layer away: the analyzer finds no package after it."""
    root = copy_asset("migrate_layer", tmp_path)
    plan = tmp_path / "plan.toml"
    plan.write_text(
        '[target]\nname = "orchestration"\npackage = "app.orchestration"\nroot = "src"\n\n'
        '[[steps]]\nop = "move"\nold = "app.orchestration"\nnew = "app.core.orchestration"\n'
    )
    head = git(root, "rev-parse", "HEAD")
    simulated = _unknot(root, "migrate", str(plan), "--simulate")
    assert simulated.returncode == 1, simulated.stdout + simulated.stderr
    assert "step 1 would fail: error[package-not-found]" in simulated.stderr
    applied = _unknot(root, "migrate", str(plan), "--apply")
    assert applied.returncode == 1, applied.stdout + applied.stderr
    assert "step 1 failed" in applied.stderr
    assert git(root, "rev-parse", "HEAD") == head
    assert git(root, "tag") == ""
    assert git(root, "status", "--porcelain") == ""
    assert (root / "src/app/orchestration/bot.py").is_file()
    assert not (root / "src/app/core").exists()
    log = (root / ".unknot_cache/migrate/last-failure.log").read_text()
    assert "error[package-not-found]" in log
