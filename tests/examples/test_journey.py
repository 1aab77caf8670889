"""The seed's journey on the tangled example, end to end, as `docs/tutorial.md` tells it: real
CLI runs in a fresh git copy. `analyze` fails the gate on 7 mutual imports; `plan` writes the
committed plan but for its destination names; `migrate --simulate` predicts what `--apply`
then measures, one verified commit and tag per step; `diff` shows 7 -> 0 with the tier-1
modules recognised as moved; the tests and mypy pass and no module is over 300 lines. The
tutorial generated from these runs is the one in docs/.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.examples.journey import (
    EXAMPLE,
    PLAN,
    SEED_DESTINATIONS,
    TUTORIAL,
    Journey,
    take,
)
from tests.examples.tutorial import render

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def journey(tmp_path_factory: pytest.TempPathFactory) -> Journey:
    return take(tmp_path_factory.mktemp("journey"))


def _json(journey: Journey, name: str) -> dict[str, Any]:
    analysis: dict[str, Any] = json.loads(journey.runs[name].output)
    return analysis


def _table(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("| ")]


def test_every_command_succeeds_but_the_first_gate(journey: Journey) -> None:
    codes = {name: run.returncode for name, run in journey.runs.items()}
    failing = {"analyze-before": 1, "json-before": 1, "plan-edits": 1}  # gate failed; diff
    assert codes == {name: failing.get(name, 0) for name in codes}, {
        name: journey.runs[name].output[-2000:]
        for name in codes
        if codes[name] != failing.get(name, 0)
    }


def test_the_baseline_is_the_seeds(journey: Journey) -> None:
    summary = _json(journey, "json-before")["summary"]
    assert (summary["mutual_pairs"], summary["circular_dependencies"]) == (7, 7)
    assert (summary["modules"], summary["modules_over_limit"]) == (16, 3)


def test_the_committed_plan_is_the_proposal_with_the_seeds_names(journey: Journey) -> None:
    proposed = journey.runs["plan-text"].output
    for old, new in SEED_DESTINATIONS.items():
        proposed = proposed.replace(f'new = "{old}"\n', f'new = "{new}"\n')
    committed = (EXAMPLE / PLAN).read_text(encoding="utf-8")
    uncommented = re.sub(r"  # edited: .*", "", committed)
    uncommented = "".join(
        line for line in uncommented.splitlines(keepends=True) if not line.startswith("#")
    )
    assert uncommented == "".join(
        line for line in proposed.splitlines(keepends=True) if not line.startswith("#")
    )
    assert committed.count("# edited: the seed's name") == len(SEED_DESTINATIONS)


def _columns(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip("|").split("|")]


def test_the_simulation_predicts_what_apply_measures(journey: Journey) -> None:
    """Every figure as measured, but the lines: the simulation estimates them (within 1%)."""
    simulated = _table(journey.runs["simulate"].output)
    applied = _table(journey.runs["apply"].output)[: len(simulated)]
    lines = _columns(simulated[0]).index("lines")
    for predicted, measured in zip(simulated, applied, strict=True):
        guess, fact = _columns(predicted), _columns(measured)
        assert guess[:lines] + guess[lines + 1 :] == fact[:lines] + fact[lines + 1 :]
        if guess[lines].replace(",", "").isdigit():
            estimate, measure = (int(cell[lines].replace(",", "")) for cell in (guess, fact))
            assert abs(estimate - measure) <= measure / 100
    last = simulated[-1].split(" | ")
    assert (last[3], last[4], last[-1]) == ("0", "0", "0 |")  # import-time, to cut, over limit
    assert "✅ complete (14/14 steps done)" in journey.runs["apply"].output


def test_one_commit_and_one_tag_per_step(journey: Journey) -> None:
    def git(*args: str) -> list[str]:
        out = subprocess.run(
            ["git", *args], cwd=journey.repo, capture_output=True, text=True, check=True
        )
        return out.stdout.splitlines()

    assert len(git("log", "--oneline")) == 15
    tags = git("tag")
    assert len(tags) == 14
    for tag in tags:
        assert f"Unknot-Step: {tag}" in "\n".join(git("log", "-1", "--format=%B", tag))


def test_the_diff_shows_seven_to_none_and_the_moves(journey: Journey) -> None:
    diff = journey.runs["diff"].output
    assert "Circular Dependencies (imports to cut to pass the gate): 7 -> 0" in diff
    assert "Modules >300 lines: 3 -> 0" in diff
    for leaf, new in [
        ("account_telemetry", SEED_DESTINATIONS["bot_v2.account_telemetry"]),
        ("equity_calculator", SEED_DESTINATIONS["bot_v2.equity_calculator"]),
        ("market_monitor", SEED_DESTINATIONS["bot_v2.market_monitor"]),
        ("market_data_service", SEED_DESTINATIONS["bot_v2.market_data_service"]),
    ]:
        assert f"bot_v2.orchestration.{leaf} -> {new} (" in diff
    assert "Modules removed" not in diff


def test_the_end_state_passes_its_gate_tests_and_mypy(journey: Journey) -> None:
    summary = _json(journey, "json-after")["summary"]
    assert summary["circular_dependencies"] == 0
    assert summary["cycles_by_kind"].get("import-time", 0) == 0
    assert " passed" in journey.runs["tests-after"].output
    assert "Success: no issues found" in journey.runs["mypy-after"].output
    sizes = {
        path: len(path.read_text(encoding="utf-8").splitlines())
        for path in (journey.repo / "src").rglob("*.py")
    }
    assert max(sizes.values()) <= 300, max(sizes.items(), key=lambda item: item[1])


def test_the_tutorial_is_current(journey: Journey) -> None:
    assert TUTORIAL.read_text(encoding="utf-8") == render(journey), (
        "docs/tutorial.md is out of date: run `python -m tests.examples.journey --write`"
    )


def test_the_readme_links_the_tutorial() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert "(docs/tutorial.md)" in readme
