from __future__ import annotations

import json
from pathlib import Path

import pytest

from analyzer import baseline
from analyzer.baseline import BaselineError, CycleImport
from tests.fakes.analyses import seed_layer


def test_records_figures_cycles_cycle_imports_and_allowances() -> None:
    recorded = baseline.from_analysis(seed_layer())
    assert dict(recorded.figures)["circular_dependencies"] == 1  # the gate's cut
    assert dict(recorded.figures)["all_kinds_circular_dependencies"] == 3
    assert dict(recorded.figures)["modules"] == 6
    assert recorded.cycles == (
        (
            "bot.orchestration.builder",
            "bot.orchestration.perps_bot",
            "bot.orchestration.system_monitor",
        ),
        ("bot.orchestration.configuration", "bot.orchestration.symbols"),
    )
    assert (
        CycleImport(
            "bot.orchestration.builder",
            "bot.orchestration.perps_bot",
            "from bot.orchestration.perps_bot import PerpsBot",
        )
        in recorded.cycle_imports
    )
    # builder -> core.protocol is outside every cycle, so it is not recorded.
    assert all(c.imported != "bot.orchestration.core.protocol" for c in recorded.cycle_imports)
    assert recorded.allowances == (
        ("bot.orchestration.configuration", 485),
        ("bot.orchestration.perps_bot", 420),
    )


def test_file_is_sorted_readable_json_and_round_trips() -> None:
    recorded = baseline.from_analysis(seed_layer())
    text = baseline.dumps(recorded)
    assert text.endswith("}\n")
    data = json.loads(text)
    assert list(data) == sorted(data)
    assert data["schema_version"] == 1
    assert data["allowances"] == {
        "bot.orchestration.configuration": 485,
        "bot.orchestration.perps_bot": 420,
    }
    assert baseline.loads(text, source="b.json") == recorded
    assert baseline.dumps(baseline.loads(text, source="b.json")) == text


def test_dump_then_load(tmp_path: Path) -> None:
    path = baseline.default_path("orchestration", tmp_path)
    assert path == tmp_path / ".unknot" / "baseline-orchestration.json"
    recorded = baseline.from_analysis(seed_layer())
    path.parent.mkdir()
    path.write_text(baseline.dumps(recorded), encoding="utf-8")
    assert baseline.load(path, target="orchestration") == recorded


def test_corrupt_baseline_is_a_clear_error() -> None:
    with pytest.raises(BaselineError) as caught:
        baseline.loads("{not json", source="b.json")
    assert caught.value.code == "bad-baseline"
    assert "b.json is not valid JSON" in caught.value.message
    assert "--update-baseline" in caught.value.hint


def test_baseline_missing_fields_is_a_clear_error() -> None:
    with pytest.raises(BaselineError, match="is not a baseline"):
        baseline.loads('{"schema_version": 1, "target": "x"}', source="b.json")


def test_other_schema_version_is_refused() -> None:
    text = baseline.dumps(baseline.from_analysis(seed_layer())).replace(
        '"schema_version": 1', '"schema_version": 99'
    )
    with pytest.raises(BaselineError) as caught:
        baseline.loads(text, source="b.json")
    assert caught.value.code == "baseline-version"


def test_baseline_of_another_target_is_refused() -> None:
    text = baseline.dumps(baseline.from_analysis(seed_layer()))
    with pytest.raises(BaselineError) as caught:
        baseline.loads(text, source="b.json", target="features")
    assert caught.value.code == "baseline-mismatch"
    assert "'orchestration', not 'features'" in caught.value.message


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BaselineError) as caught:
        baseline.load(tmp_path / "nope.json")
    assert caught.value.code == "baseline-not-found"
