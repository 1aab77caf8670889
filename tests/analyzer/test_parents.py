"""A statement runs the `__init__` of every parent package of what it imports."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from rich.console import Console

from analyzer.adapters.grimp_source import GrimpSource
from analyzer.analyse import analyse
from analyzer.config import GateConfig, Target
from analyzer.model import Analysis, ImportKind, ImportSite
from analyzer.parents import with_parents
from reports import json_report
from reports.terminal import render_terminal

PARENTS = Path(__file__).parents[1] / "assets" / "parents" / "src"


def _analysis() -> Analysis:
    target = Target(name="pkg", package="pkg", root=PARENTS, gates=GateConfig(), cache_dir=None)
    return analyse(target, source=GrimpSource(PARENTS))


def test_python_fails_on_the_cycle_through_a_parent_init() -> None:
    """The sample's premise, checked in a fresh interpreter."""
    run = subprocess.run(
        [sys.executable, "-B", "-c", "import pkg.a"],
        check=False,
        cwd=PARENTS,
        capture_output=True,
        text=True,
    )
    assert "partially initialized module 'pkg.a'" in run.stderr


def test_the_cycle_through_a_parent_init_is_an_import_time_cycle() -> None:
    analysis = _analysis()
    assert [(c.modules, c.kind) for c in analysis.cycles] == [
        (("pkg.a", "pkg.b"), ImportKind.IMPORT_TIME)
    ]
    assert not analysis.passed
    edge = next(e for e in analysis.imports if (e.importer, e.imported) == ("pkg.a", "pkg.b"))
    assert [(s.file, s.line, s.implicit) for s in edge.sites] == [("pkg/a.py", 1, True)]


def test_a_parent_run_by_a_typing_import_is_typing_only() -> None:
    edge = next(e for e in _analysis().imports if (e.importer, e.imported) == ("pkg.c", "pkg.b"))
    assert edge.kind is ImportKind.TYPING


def _site(importer: str, imported: str) -> ImportSite:
    return ImportSite(importer, imported, "f.py", 1, "import x", ImportKind.IMPORT_TIME)


def test_the_importers_own_ancestors_are_running_already() -> None:
    modules = {"p", "p.q", "p.q.r", "p.q.s", "p.t", "p.t.u"}
    added = with_parents([_site("p.q.r", "p.t.u"), _site("p.q.r", "p.q.s")], modules)
    assert [(s.imported, s.implicit) for s in added] == [
        ("p.t.u", False),
        ("p.q.s", False),
        ("p.t", True),
    ]


def test_a_parent_the_statement_names_itself_is_not_added_twice() -> None:
    """`from p.t import u, name` names `p.t` already."""
    modules = {"p", "p.t", "p.t.u", "x"}
    added = with_parents([_site("x", "p.t.u"), _site("x", "p.t")], modules)
    assert [(s.imported, s.implicit) for s in added] == [
        ("p.t.u", False),
        ("p.t", False),
        ("p", True),
    ]


def test_a_cut_through_a_parent_init_says_so() -> None:
    """The cheapest cut is `pkg/a.py:1`, whose import of `pkg.b` is implicit."""
    (cycle,) = _analysis().cycles
    assert [(c.importer, c.imported, [s.implicit for s in c.sites]) for c in cycle.gate_cuts] == [
        ("pkg.a", "pkg.b", [True])
    ]
    gate = next(g for g in _analysis().gates if g.gate == "max-cycles.import-time")
    assert [loc.text for loc in gate.locations] == [
        "pkg.a -> pkg.b (via pkg/b/__init__.py): from pkg.b.mod import VALUE"
    ]
    out = io.StringIO()
    render_terminal(_analysis(), Console(file=out, width=200, color_system=None))
    assert "pkg/a.py:1 from pkg.b.mod import VALUE  (import-time, via " in out.getvalue()
    data = json.loads(json_report.render(_analysis()))
    assert data["cycles"][0]["gate_cuts"][0]["sites"][0]["implicit"] is True
