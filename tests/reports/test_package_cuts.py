"""Package-level cuts are shown in text, Markdown and SARIF, not only in JSON."""

from __future__ import annotations

import io
import json
from pathlib import Path

from rich.console import Console

from analyzer.adapters.grimp_source import GrimpSource
from analyzer.analyse import analyse
from analyzer.config import GateConfig, Target
from analyzer.model import Analysis
from reports import markdown, sarif
from reports.terminal import render_terminal

GATED = Path(__file__).parents[1] / "assets" / "gated" / "src"


def _analysis() -> Analysis:
    target = Target(name="gated", package="gated", root=GATED, gates=GateConfig(), cache_dir=None)
    return analyse(target, source=GrimpSource(GATED))


def test_text_lists_the_package_level_cuts() -> None:
    out = io.StringIO()
    render_terminal(_analysis(), Console(file=out, width=200, color_system=None))
    text = out.getvalue()
    assert "Package-level cycles (all kinds)" in text
    assert "cut gated.x -> gated.y (1 module imports)" in text


def test_markdown_lists_the_package_level_cuts() -> None:
    text = markdown.render(_analysis())
    assert "At package level (all kinds): 2 cycle(s), 3 dependencies to cut:" in text
    assert "- [ ] `x` → `y` (1 module imports; cycle of `x`, `y`, `z`)" in text


def test_sarif_has_a_result_per_package_level_cut() -> None:
    results = json.loads(sarif.render(_analysis()))["runs"][0]["results"]
    package = [r for r in results if r["ruleId"] == "UNK004"]
    assert [(r["properties"]["importer"], r["properties"]["imported"]) for r in package] == [
        ("gated.b", "gated.a"),
        ("gated.c", "gated.a"),
        ("gated.x", "gated.y"),
    ]
    assert {r["level"] for r in package} == {"warning"}
