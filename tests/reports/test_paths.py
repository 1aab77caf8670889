"""Every human-facing format names a file by the same path: joined to the analysed root, as seen
from where `unknot` runs, so a path copied from one format opens the same file as another."""

from __future__ import annotations

import io
import json

from rich.console import Console

from analyzer.model import Analysis
from reports import github, json_report, markdown, sarif
from reports.terminal import render_terminal
from tests.fakes.analyses import AnalysisBuilder

CUT = "src/bot/orchestration/a.py:1"
OVERSIZED = "src/bot/orchestration/big.py"


def _analysis() -> Analysis:
    return (
        AnalysisBuilder(root="src")
        .imports("a", "b")
        .imports("b", "a", line=7)
        .module("big", 400)
        .build()
    )


def _terminal() -> str:
    out = io.StringIO()
    render_terminal(_analysis(), Console(file=out, width=200))
    return out.getvalue()


def test_text_and_markdown_name_the_cut_by_the_same_path() -> None:
    assert CUT in _terminal()
    assert f"`{CUT}`" in markdown.render(_analysis())


def test_markdown_names_an_oversized_module_by_its_path_from_the_working_directory() -> None:
    assert f"| `{OVERSIZED}` |" in markdown.render(_analysis())


def test_github_and_sarif_agree_with_the_text() -> None:
    assert "file=src/bot/orchestration/a.py,line=1," in github.render(_analysis())
    document = json.loads(sarif.render(_analysis()))
    uris = {
        location["physicalLocation"]["artifactLocation"]["uri"]
        for result in document["runs"][0]["results"]
        for location in result["locations"]
    }
    assert "src/bot/orchestration/a.py" in uris


def test_json_keeps_paths_relative_to_its_root_as_its_schema_says() -> None:
    document = json.loads(json_report.render(_analysis()))
    assert document["root"] == "src"
    files = {module["file"] for module in document["modules"]}
    assert "bot/orchestration/big.py" in files
