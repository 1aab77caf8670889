"""The published JSON Schema of `unknot analyze --format json` holds for real output."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from analyzer.model import SCHEMA_VERSION, Analysis, Summary
from reports import json_report, sarif
from tests.fakes.analyses import seed_layer

ASSETS = Path(__file__).parents[1] / "assets"


def _schema() -> dict[str, Any]:
    text = (resources.files("reports") / "schema" / "analysis.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


def _validate(document: Any) -> None:
    jsonschema.Draft202012Validator(_schema()).validate(document)


@pytest.mark.parametrize(("scenario", "target"), [("tangled", "shop")])
def test_real_output_of_the_cli_is_valid(scenario: str, target: str, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "unknot", "analyze", target, "--format", "json", "--no-cache"],
        cwd=ASSETS / scenario,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode in (0, 1), result.stderr
    document = json.loads(result.stdout)
    _validate(document)
    assert document["cycles"], "the sample should exercise cycles, cuts and sites"
    assert document["shims"]


def test_in_memory_analysis_is_valid() -> None:
    _validate(json.loads(json_report.render(seed_layer())))


def test_schema_covers_every_field_of_the_model() -> None:
    schema = _schema()
    fields = {f.name for f in dataclasses.fields(Analysis)} | {"passed"}
    assert set(schema["properties"]) == fields
    assert set(schema["$defs"]["summary"]["properties"]) == {
        f.name for f in dataclasses.fields(Summary)
    }
    assert schema["properties"]["schema_version"] == {"const": SCHEMA_VERSION}


def test_schema_rejects_drift() -> None:
    document = json.loads(json_report.render(seed_layer()))
    document["cycles"][0]["kind"] = "sometimes"
    with pytest.raises(jsonschema.ValidationError, match="'sometimes' is not one of"):
        _validate(document)


def test_json_and_sarif_for_django_are_valid() -> None:
    """A large real package: names such as `migrations.0001_initial`, many cycles and shims."""
    django = pytest.importorskip("django", reason="Django is in the dev extra")
    from unknot.wiring import run_analysis

    root = Path(django.__file__).parents[1]
    analysis = run_analysis("django", cwd=root, root=root, no_cache=True)
    _validate(json.loads(json_report.render(analysis)))
    sarif_schema = json.loads((ASSETS / "schemas" / "sarif-schema-2.1.0.json").read_text("utf-8"))
    log = json.loads(sarif.render(analysis))
    jsonschema.Draft4Validator(sarif_schema).validate(log)
    assert len(log["runs"][0]["results"]) >= analysis.summary.circular_dependencies


@pytest.mark.parametrize("ignored", [False, True])
def test_implicit_sites_are_valid_as_lines_and_as_whole_sites(ignored: bool) -> None:
    from analyzer.adapters.grimp_source import GrimpSource
    from analyzer.analyse import analyse
    from analyzer.config import GateConfig, Target
    from analyzer.model import Ignore

    root = ASSETS / "parents" / "src"
    ignores = (Ignore("pkg.a", "pkg.b.mod", reason="test"),) if ignored else ()
    target = Target(
        name="pkg", package="pkg", root=root, gates=GateConfig(ignores=ignores), cache_dir=None
    )
    document = json.loads(json_report.render(analyse(target, source=GrimpSource(root))))
    _validate(document)
    as_lines = any("implicit" in e for e in document["imports"])
    whole = any(s.get("implicit") for e in document["imports"] for s in e["sites"])
    assert as_lines
    assert whole is ignored
