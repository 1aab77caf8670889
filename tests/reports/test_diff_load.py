from __future__ import annotations

import json
from pathlib import Path

import pytest

from analyzer.adapters.grimp_source import GrimpSource
from analyzer.analyse import analyse
from analyzer.config import GateConfig, Target
from analyzer.model import Ignore
from reports import json_report
from reports.diff_load import analysis_from_data, load_analysis
from reports.errors import BadAnalysisFile
from tests.fakes.analyses import seed_layer


def test_json_round_trips_to_the_same_analysis(tmp_path: Path) -> None:
    analysis = seed_layer()
    path = tmp_path / "a.json"
    path.write_text(json_report.render(analysis), encoding="utf-8")
    assert load_analysis(path) == analysis
    assert analysis_from_data(json.loads(json_report.render(analysis))) == analysis


def test_bad_files_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(BadAnalysisFile, match="Cannot read"):
        load_analysis(tmp_path / "missing.json")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(BadAnalysisFile, match="is not JSON"):
        load_analysis(tmp_path / "bad.json")
    (tmp_path / "old.json").write_text('{"schema_version": 0}', encoding="utf-8")
    with pytest.raises(BadAnalysisFile) as caught:
        load_analysis(tmp_path / "old.json")
    assert caught.value.code == "analysis-version"
    (tmp_path / "other.json").write_text('{"schema_version": 4}', encoding="utf-8")
    with pytest.raises(BadAnalysisFile, match="is not an unknot analysis"):
        load_analysis(tmp_path / "other.json")


def test_a_sarif_log_is_named_as_such_not_as_a_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "unknot.sarif"
    path.write_text('{"version": "2.1.0", "runs": []}', encoding="utf-8")

    with pytest.raises(BadAnalysisFile) as caught:
        load_analysis(path)

    assert "has no schema_version (it is a SARIF log)" in caught.value.message
    assert "None" not in caught.value.message


def test_implicit_sites_written_short_are_read_back_whole(tmp_path: Path) -> None:
    """In `imports` an implicit site is the line of its statement; loading restores it whole."""
    root = Path(__file__).parents[1] / "assets" / "parents" / "src"
    target = Target(name="pkg", package="pkg", root=root, gates=GateConfig(), cache_dir=None)
    analysis = analyse(target, source=GrimpSource(root))
    path = tmp_path / "a.json"
    path.write_text(json_report.render(analysis), encoding="utf-8")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert not [s for e in data["imports"] for s in e["sites"] if s.get("implicit")]
    assert [e["implicit"] for e in data["imports"] if "implicit" in e]
    assert load_analysis(path).imports == analysis.imports


def test_an_implicit_site_whose_statement_is_ignored_is_written_whole(tmp_path: Path) -> None:
    root = Path(__file__).parents[1] / "assets" / "parents" / "src"
    ignores = (Ignore("pkg.a", "pkg.b.mod", reason="test"),)
    gates = GateConfig(ignores=ignores)
    target = Target(name="pkg", package="pkg", root=root, gates=gates, cache_dir=None)
    analysis = analyse(target, source=GrimpSource(root))
    path = tmp_path / "a.json"
    path.write_text(json_report.render(analysis), encoding="utf-8")
    data = json.loads(path.read_text(encoding="utf-8"))
    (edge,) = [e for e in data["imports"] if (e["importer"], e["imported"]) == ("pkg.a", "pkg.b")]
    assert "implicit" not in edge
    assert edge["sites"][0]["implicit"] is True
    assert edge["sites"][0]["text"] == "from pkg.b.mod import VALUE"
    assert load_analysis(path).imports == analysis.imports
