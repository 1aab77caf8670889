"""The cycle figures on real code bases, checked against networkx on the same edges."""

from __future__ import annotations

import ast
import importlib.util
import itertools
from pathlib import Path

import networkx as nx
import pytest

from analyzer.adapters.grimp_source import GrimpSource
from analyzer.adapters.kinds import classify_import_lines
from analyzer.analyse import analyse
from analyzer.config import GateConfig, Target
from analyzer.model import Analysis, Cut, ImportKind


def _analyse_installed(package: str, tmp_path: Path) -> Analysis:
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        pytest.skip(f"{package} is not installed (pip install -e '.[dev]')")
    root = Path(spec.origin).parent.parent
    target = Target(
        name=package, package=package, root=root, gates=GateConfig(), cache_dir=tmp_path
    )
    return analyse(target, source=GrimpSource(root, cache_dir=tmp_path))


def _check(analysis: Analysis) -> None:
    graph = nx.DiGraph([(e.importer, e.imported) for e in analysis.imports])
    expected = {tuple(sorted(c)) for c in nx.strongly_connected_components(graph) if len(c) > 1}
    assert {cycle.modules for cycle in analysis.cycles} == expected
    for cycle in analysis.cycles:
        _check_cut(graph, cycle.modules, cycle.cuts)
    assert analysis.summary.all_kinds_circular_dependencies == sum(
        len(c.cuts) for c in analysis.cycles
    )


def _check_cut(graph: nx.DiGraph, modules: tuple[str, ...], cuts: tuple[Cut, ...]) -> None:
    """The cut leaves `graph` acyclic on `modules`, and each cut's witness is a real cycle of
    `graph` through it."""
    inner = graph.subgraph(modules).copy()
    inner.remove_edges_from({(c.importer, c.imported) for c in cuts})
    assert nx.is_directed_acyclic_graph(inner), modules[:3]
    for c in cuts:
        ring = [*c.witness, c.witness[0]]
        assert ring[:2] == [c.importer, c.imported]
        assert all(graph.has_edge(a, b) for a, b in itertools.pairwise(ring))


def _check_gate(analysis: Analysis) -> None:
    """The gate's cut (import-time) breaks every import-time cycle through import-time
    statements only, and each import-time component's witness runs through import-time
    imports only."""
    strong = nx.DiGraph(
        [(e.importer, e.imported) for e in analysis.imports if e.kind is ImportKind.IMPORT_TIME]
    )
    for cycle in analysis.cycles:
        assert all(s.kind is ImportKind.IMPORT_TIME for c in cycle.gate_cuts for s in c.sites)
        if cycle.kind is not ImportKind.IMPORT_TIME:
            assert cycle.gate_cuts == ()
            continue
        _check_cut(strong, cycle.modules, cycle.gate_cuts)
        ring = [*cycle.witness, cycle.witness[0]]
        assert all(strong.has_edge(a, b) for a, b in itertools.pairwise(ring)), ring
    gate_cuts = [c for cycle in analysis.cycles for c in cycle.gate_cuts]
    assert analysis.summary.circular_dependencies == len(gate_cuts)
    statements = {(s.file, s.line) for c in gate_cuts for s in c.sites}
    assert analysis.summary.statements_to_cut == len(statements)
    assert analysis.summary.circular_dependencies < analysis.summary.all_kinds_circular_dependencies


@pytest.mark.parametrize("package", ["django", "sympy"])
def test_cycles_match_networkx_and_cuts_break_them(package: str, tmp_path: Path) -> None:
    analysis = _analyse_installed(package, tmp_path)
    assert analysis.cycles
    _check(analysis)
    _check_gate(analysis)


def test_django_package_level_cuts(tmp_path: Path) -> None:
    analysis = _analyse_installed("django", tmp_path)
    # 116 module imports on the direct imports alone (grimp's nominate_cycle_breakers: 209);
    # the parent packages' __init__ modules that imports run add cycles between packages.
    assert analysis.summary.package_circular_dependencies <= 167
    assert all(cycle.exact for cycle in analysis.package_cycles)


def test_warm_cache_gives_the_same_analysis(tmp_path: Path) -> None:
    cold = _analyse_installed("django", tmp_path)
    warm = _analyse_installed("django", tmp_path)
    assert warm == cold


def _kinds_by_ast(tree: ast.Module) -> dict[int, ImportKind]:
    """The oracle: the kind of each import statement from the syntax tree."""
    kinds: dict[int, ImportKind] = {}
    aliases = {
        alias.asname
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
        if alias.name == "TYPE_CHECKING" and alias.asname
    }

    def visit(node: ast.AST, *, typing: bool, deferred: bool) -> None:
        for field, value in ast.iter_fields(node):
            for child in value if isinstance(value, list) else [value]:
                if not isinstance(child, ast.AST):
                    continue
                guarded = isinstance(node, ast.If) and field == "body"
                under_guard = typing or (guarded and _is_type_checking(node.test, aliases))
                as_script = guarded and _is_main_guard(node.test)
                inside_def = isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
                later = deferred or inside_def or as_script
                if isinstance(child, ast.Import | ast.ImportFrom):
                    kinds[child.lineno] = (
                        ImportKind.TYPING
                        if under_guard
                        else ImportKind.DEFERRED
                        if later
                        else ImportKind.IMPORT_TIME
                    )
                visit(child, typing=under_guard, deferred=later)

    visit(tree, typing=False, deferred=False)
    return kinds


def _is_type_checking(test: ast.expr, aliases: set[str]) -> bool:
    """True only when TYPE_CHECKING is: the name, an alias of it, or an operand of `and`."""
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return any(_is_type_checking(value, aliases) for value in test.values)
    return (isinstance(test, ast.Name) and test.id in {"TYPE_CHECKING", *aliases}) or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _is_main_guard(test: ast.expr) -> bool:
    """`__name__ == "__main__"`, either way round."""
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
        return False
    sides = [test.left, test.comparators[0]]
    return (
        isinstance(test.ops[0], ast.Eq)
        and any(isinstance(side, ast.Name) and side.id == "__name__" for side in sides)
        and any(isinstance(side, ast.Constant) and side.value == "__main__" for side in sides)
    )


@pytest.mark.parametrize(("package", "at_least"), [("django", 4_000), ("rich", 300)])
def test_import_kinds_agree_with_the_syntax_tree(package: str, at_least: int) -> None:
    """Every import statement of the package, classified from its text alone. Rich runs a
    demo under `if __name__ == "__main__":` in many of its modules."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        pytest.skip(f"{package} is not installed (pip install -e '.[dev]')")
    checked = 0
    for path in sorted(Path(spec.origin).parent.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        expected = _kinds_by_ast(ast.parse(text))
        assert classify_import_lines(text, list(expected)) == expected, path
        checked += len(expected)
    assert checked > at_least


@pytest.mark.parametrize(
    ("package", "at_least"), [("django", 3_000), ("sympy", 3_000), ("rich", 200)]
)
def test_kinds_of_scanned_imports_agree_with_the_syntax_tree(
    package: str, at_least: int, tmp_path: Path
) -> None:
    """The scan's own path: indented statements found by text, the rest at column 0."""
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        pytest.skip(f"{package} is not installed (pip install -e '.[dev]')")
    root = Path(spec.origin).parent.parent
    scanned = GrimpSource(root, cache_dir=tmp_path).scan(package)
    trees: dict[str, dict[int, ImportKind]] = {}
    for site in scanned.sites:
        if site.kind is ImportKind.DYNAMIC:
            continue  # a call, not an import statement: tests/analyzer/test_dynamic.py
        if site.file not in trees:
            trees[site.file] = _kinds_by_ast(ast.parse((root / site.file).read_text("utf-8")))
        assert site.kind == trees[site.file][site.line], (site.file, site.line, site.text)
    assert len(scanned.sites) > at_least
    assert {site.kind for site in scanned.sites} >= {ImportKind.IMPORT_TIME, ImportKind.DEFERRED}


def test_the_header_spellings_agree_with_the_syntax_tree() -> None:
    """The sample of every TYPE_CHECKING spelling, against the same oracle."""
    for path in sorted((Path(__file__).parents[1] / "assets" / "headers").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        expected = _kinds_by_ast(ast.parse(text))
        assert classify_import_lines(text, list(expected)) == expected, path
