"""Imports by a call with a literal module name are edges of kind `dynamic`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from analyzer.adapters.dynamic import dynamic_imports
from analyzer.adapters.grimp_source import GrimpSource
from analyzer.analyse import analyse
from analyzer.config import GateConfig, Target
from analyzer.model import Analysis, ImportKind

DYNAMIC = Path(__file__).parents[1] / "assets" / "dynamic" / "src"


def _analysis(**gates: object) -> Analysis:
    target = Target(
        name="dyn",
        package="dyn",
        root=DYNAMIC,
        gates=GateConfig(**gates),  # type: ignore[arg-type]
        cache_dir=None,
    )
    return analyse(target, source=GrimpSource(DYNAMIC))


def test_literal_calls_are_edges_of_the_kind_of_their_place() -> None:
    """In a function, `dynamic`; at module level they run at import time."""
    kinds = {(e.importer, e.imported): e.kind for e in _analysis().imports}
    called = {("dyn.b", "dyn.a"), ("dyn.c", "dyn.d"), ("dyn.e", "dyn.f"), ("dyn.g", "dyn.d")}
    assert {pair: kinds[pair] for pair in called} == {
        ("dyn.b", "dyn.a"): ImportKind.DYNAMIC,  # importlib.import_module("dyn.a")
        ("dyn.c", "dyn.d"): ImportKind.DYNAMIC,  # import_module(".d", __package__)
        ("dyn.e", "dyn.f"): ImportKind.IMPORT_TIME,  # __import__("dyn.f"), module level
        ("dyn.g", "dyn.d"): ImportKind.IMPORT_TIME,  # import_module(".d", package="dyn")
    }
    assert not [pair for pair in kinds if pair[0] == "dyn.h"]  # docstring, comment, variable


def test_dynamic_cycles_are_gated_like_deferred_ones() -> None:
    """Not by default; when the configuration names the kind."""
    analysis = _analysis()
    assert {c.modules: c.kind for c in analysis.cycles} == {
        ("dyn.a", "dyn.b"): ImportKind.DYNAMIC,
        ("dyn.c", "dyn.d"): ImportKind.DYNAMIC,
        ("dyn.e", "dyn.f"): ImportKind.IMPORT_TIME,
    }
    assert analysis.summary.circular_dependencies == 1
    gated = _analysis(max_cycles={"import-time": 0, "dynamic": 0})
    assert gated.summary.circular_dependencies == 3
    gate = next(g for g in gated.gates if g.gate == "max-cycles.dynamic")
    assert (gate.passed, gate.actual) == (False, 2)


@pytest.mark.parametrize("module", ["a", "b", "c", "d", "e", "f", "g", "h"])
def test_every_module_imports_in_a_fresh_interpreter(module: str) -> None:
    """No dynamic cycle fails at import time (the oracle on generated packages checks it at
    scale: tests/analyzer/test_import_oracle.py)."""
    run = subprocess.run(
        [sys.executable, "-B", "-c", f"import dyn.{module}"],
        check=False,
        cwd=DYNAMIC,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr


def test_relative_names_resolve_against_the_package_argument() -> None:
    text = (
        "import_module('..x', __package__)\n"
        "import_module('.y', __name__)\n"
        "import_module('.z', 'other.pkg')\n"
        "import_module('.w')\n"
    )
    assert dynamic_imports("top.sub.mod", text, is_package=False) == [
        ("top.x", 1, "import_module('..x', __package__)"),
        ("top.sub.mod.y", 2, "import_module('.y', __name__)"),
        ("other.pkg.z", 3, "import_module('.z', 'other.pkg')"),
    ]
    assert dynamic_imports("top.sub", "import_module('.y', __package__)\n", is_package=True) == [
        ("top.sub.y", 1, "import_module('.y', __package__)")
    ]
