from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from analyzer.model import ImportKind
from reports import sarif
from tests.fakes.analyses import AnalysisBuilder, seed_layer

SCHEMA = Path(__file__).parents[1] / "assets" / "schemas" / "sarif-schema-2.1.0.json"


def _validate(text: str) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(text)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(log)
    return log


def test_output_is_valid_sarif_2_1_0() -> None:
    log = _validate(sarif.render(seed_layer()))
    assert log["version"] == "2.1.0"


def test_an_empty_analysis_is_valid_sarif_too() -> None:
    log = _validate(sarif.render(AnalysisBuilder().imports("a", "b").build()))
    assert log["runs"][0]["results"] == []


def test_schema_rejects_a_broken_log() -> None:
    """The validator really checks: a result without a message is refused."""
    log = json.loads(sarif.render(seed_layer()))
    del log["runs"][0]["results"][0]["message"]
    with pytest.raises(jsonschema.ValidationError, match="'message' is a required property"):
        _validate(json.dumps(log))


def test_one_result_per_import_to_cut_and_per_oversized_module() -> None:
    results = json.loads(sarif.render(seed_layer()))["runs"][0]["results"]
    located = [
        (
            r["ruleId"],
            r["level"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
        )
        for r in results
    ]
    assert located == [
        ("UNK001", "error", "bot/orchestration/builder.py", 3),
        ("UNK003", "error", "bot/orchestration/configuration.py", 1),
        ("UNK002", "warning", "bot/orchestration/configuration.py", 8),
        ("UNK003", "error", "bot/orchestration/perps_bot.py", 1),
        ("UNK002", "warning", "bot/orchestration/perps_bot.py", 13),  # not the gate's cut
    ]
    cut = next(r for r in results if r["ruleId"] == "UNK001")
    assert cut["message"]["text"] == (
        "Cut `from bot.orchestration.perps_bot import PerpsBot` (import-time import) to pass the "
        "gate: it closes the cycle bot.orchestration.builder -> bot.orchestration.perps_bot -> "
        "bot.orchestration.builder (import-time component of 3 modules)."
    )
    assert cut["properties"]["importer"] == "bot.orchestration.builder"


def test_fingerprints_ignore_line_moves() -> None:
    def fingerprints(line: int) -> list[str]:
        analysis = AnalysisBuilder().imports("a", "b", line=line).imports("b", "a", line=2).build()
        results = json.loads(sarif.render(analysis))["runs"][0]["results"]
        return [r["partialFingerprints"]["unknot/v1"] for r in results]

    assert fingerprints(5) == fingerprints(50)


def test_deferred_cycles_are_their_own_rule_and_warnings() -> None:
    analysis = (
        AnalysisBuilder()
        .imports("a", "b", line=3)
        .imports("b", "a", line=9, kind=ImportKind.DEFERRED)
        .build()
    )
    results = json.loads(sarif.render(analysis))["runs"][0]["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [("UNK002", "warning")]


def test_rule_ids_are_stable() -> None:
    rules = json.loads(sarif.render(seed_layer()))["runs"][0]["tool"]["driver"]["rules"]
    assert [(r["id"], r["name"]) for r in rules] == [
        ("UNK001", "import-cycle"),
        ("UNK002", "deferred-import-cycle"),
        ("UNK003", "module-too-long"),
        ("UNK004", "package-cycle"),
    ]


def test_byte_stable() -> None:
    assert sarif.render(seed_layer()) == sarif.render(seed_layer())
