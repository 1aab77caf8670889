"""The imports to cut follow the gate: the import-time cut first, the all-kinds cut second."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.adapters.grimp_source import GrimpSource
from analyzer.analyse import analyse
from analyzer.config import GateConfig, Target
from analyzer.model import Analysis, Cycle, ImportKind

GATED = Path(__file__).parents[1] / "assets" / "gated" / "src"


def _analysis(**gates: object) -> Analysis:
    target = Target(
        name="gated",
        package="gated",
        root=GATED,
        gates=GateConfig(**gates),  # type: ignore[arg-type]
        cache_dir=None,
    )
    return analyse(target, source=GrimpSource(GATED))


def _cycle(analysis: Analysis, member: str) -> Cycle:
    return next(cycle for cycle in analysis.cycles if member in cycle.modules)


def _statements(cuts: object) -> list[tuple[str, int, ImportKind]]:
    return sorted({(s.file, s.line, s.kind) for cut in cuts for s in cut.sites})  # type: ignore[attr-defined]


def test_the_gate_cut_holds_only_import_time_statements() -> None:
    ring = _cycle(_analysis(), "gated.x")
    assert ring.kind is ImportKind.IMPORT_TIME
    assert _statements(ring.gate_cuts) == [("gated/z.py", 1, ImportKind.IMPORT_TIME)]
    assert _statements(ring.cuts) == [
        ("gated/y.py", 6, ImportKind.TYPING),
        ("gated/z.py", 1, ImportKind.IMPORT_TIME),
    ]


def test_the_witness_runs_through_imports_of_the_components_kind() -> None:
    """The shortest cycle is x -> y -> x through a TYPE_CHECKING import; the import-time
    component's witness is the import-time ring."""
    ring = _cycle(_analysis(), "gated.x")
    assert ring.witness == ("gated.x", "gated.y", "gated.z")
    for cut in ring.gate_cuts:
        assert len(cut.witness) == 3


def test_headline_is_the_gates_cut_and_the_all_kinds_figure_is_kept() -> None:
    summary = _analysis().summary
    assert summary.gate_kind == "import-time"
    assert (summary.circular_dependencies, summary.statements_to_cut) == (3, 2)
    assert (summary.all_kinds_circular_dependencies, summary.all_kinds_statements_to_cut) == (4, 3)


def test_a_statement_feeding_two_cut_imports_counts_once() -> None:
    shared = _cycle(_analysis(), "gated.a")
    assert [(c.importer, c.imported) for c in shared.gate_cuts] == [
        ("gated.a", "gated.b"),
        ("gated.a", "gated.c"),
    ]
    assert _statements(shared.gate_cuts) == [("gated/a.py", 1, ImportKind.IMPORT_TIME)]


def test_the_gate_failure_points_at_the_gates_cut_once_per_statement() -> None:
    gate = next(g for g in _analysis().gates if g.gate == "max-cycles.import-time")
    assert not gate.passed
    assert [(loc.file, loc.line, loc.text) for loc in gate.locations] == [
        ("gated/a.py", 1, "gated.a -> gated.b, gated.a -> gated.c: from gated import b, c"),
        ("gated/z.py", 1, "gated.z -> gated.x: import gated.x"),
    ]


@pytest.mark.parametrize(
    ("max_cycles", "kind", "figure"),
    [({"import-time": 0, "typing": 0}, "typing", 4), ({"deferred": 0}, "deferred", 3)],
)
def test_the_gates_kind_is_the_weakest_kind_it_counts(
    max_cycles: dict[str, int], kind: str, figure: int
) -> None:
    summary = _analysis(max_cycles=max_cycles).summary
    assert (summary.gate_kind, summary.circular_dependencies) == (kind, figure)
