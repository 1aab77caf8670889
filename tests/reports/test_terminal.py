"""The terminal view: every list it cuts short says how much it left out."""

from __future__ import annotations

import io

from rich.console import Console

from analyzer.model import Analysis
from reports.terminal import render_terminal
from tests.fakes.analyses import AnalysisBuilder, seed_layer


def _text(analysis: Analysis, *, verbose: bool = False) -> str:
    out = io.StringIO()
    render_terminal(analysis, Console(file=out, width=200, color_system=None), verbose=verbose)
    return out.getvalue()


def _pairs(count: int) -> Analysis:
    builder = AnalysisBuilder()
    for i in range(count):
        builder.imports(f"a{i:02d}", f"b{i:02d}", line=1).imports(f"b{i:02d}", f"a{i:02d}", line=2)
    return builder.build()


def test_cut_lists_say_how_many_more_there_are() -> None:
    text = _text(_pairs(13))
    assert "... and 3 more cycles (--verbose)" in text
    assert "     ... and 3 more locations (--verbose)" in text
    assert "... and 16 more candidates (--verbose)" in text


def test_verbose_lists_everything() -> None:
    text = _text(_pairs(13), verbose=True)
    assert "more" not in text
    assert "Cycle 13 " in text


def test_the_gates_cut_comes_first_then_the_all_kinds_cut() -> None:
    text = _text(seed_layer())
    assert "imports to cut to pass the gate (import-time cycles) │" in text
    assert "│            1 (1 statements) │" in text
    assert "Imports to cut for no cycle of any kind" in text
    gate = text.index("to pass the gate, cut 1 import(s) (import-time statements):")
    rest = text.index("for no cycle of any kind, cut 2 import(s):")
    assert gate < rest
