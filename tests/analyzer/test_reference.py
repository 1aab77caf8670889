"""An independent reference, written apart from the analyzer: the import statements of a real
code base read with `ast`, their kinds, the modules they reach (an import of a submodule with no
Python source, compiled or missing, reaches the nearest module above it), the import-time
graph's strongly connected parts with networkx, and the gate's cut of each part of up to 16
modules against an exact optimum found by dynamic programming over orderings (a minimum
feedback arc set is the lightest set of backward edges of some ordering of the nodes)."""

from __future__ import annotations

import ast
import importlib.util
import os
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from analyzer.adapters.grimp_source import GrimpSource
from analyzer.analyse import analyse
from analyzer.config import GateConfig, Target
from analyzer.model import Analysis, ImportKind

EXACT = 16


# Sample packages of the tests, the others installed: `cpkg` imports from submodules that
# have no Python source (compiled extensions, a missing module).
ASSETS = {"cpkg": Path(__file__).parents[1] / "assets" / "compiled" / "src"}


def _root(package: str) -> Path:
    if package in ASSETS:
        return ASSETS[package]
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        pytest.skip(f"{package} is not installed (pip install -e '.[dev]')")
    return Path(spec.origin).parent.parent


def _modules(root: Path, package: str) -> dict[str, Path]:
    found = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if any(not part.isidentifier() for part in parts[:-1]) or "." in parts[-1]:
            continue  # grimp's rule: folders named like identifiers, files with no other dot
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _guarded(test: ast.expr) -> bool:
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return any(_guarded(value) for value in test.values)
    name = test.id if isinstance(test, ast.Name) else getattr(test, "attr", None)
    return name == "TYPE_CHECKING"


def _statements(tree: ast.AST) -> list[tuple[ast.Import | ast.ImportFrom, str]]:
    """Every import statement with its kind, from the tree."""
    found: list[tuple[ast.Import | ast.ImportFrom, str]] = []

    def walk(node: ast.AST, kind: str) -> None:
        for field, value in ast.iter_fields(node):
            for child in value if isinstance(value, list) else [value]:
                if not isinstance(child, ast.AST):
                    continue
                inner = kind
                if isinstance(node, ast.If) and field == "body" and _guarded(node.test):
                    inner = "typing"
                elif kind == "import-time" and isinstance(
                    child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
                ):
                    inner = "deferred"
                elif kind == "import-time" and isinstance(node, ast.If) and field == "body":
                    test = node.test
                    if isinstance(test, ast.Compare) and "__main__" in ast.unparse(test):
                        inner = "deferred"
                if isinstance(child, ast.Import | ast.ImportFrom):
                    found.append((child, inner))
                walk(child, inner)

    walk(tree, "import-time")
    return found


def _imported(
    node: ast.Import | ast.ImportFrom, module: str, modules: dict[str, Path], folders: set[str]
) -> set[str]:
    """The modules of the package a statement names (as grimp resolves them), or for a
    module with no Python source (a compiled extension, or a missing one) the nearest module
    above it: the statement still runs that module's `__init__`."""
    if isinstance(node, ast.Import):
        found = {_existing(alias.name, modules, folders) for alias in node.names}
        return {name for name in found if name is not None}
    is_package = modules[module].name == "__init__.py"
    base = module if is_package else module.rpartition(".")[0]
    for _ in range(node.level - 1):
        base = base.rpartition(".")[0]
    base = ".".join(filter(None, [base, node.module or ""])) if node.level else node.module or ""
    names = set()
    for alias in node.names:
        if f"{base}.{alias.name}" in modules:
            names.add(f"{base}.{alias.name}")
        elif (found := _existing(base, modules, folders)) is not None:
            names.add(found)
    return names


def _existing(name: str, modules: dict[str, Path], folders: set[str]) -> str | None:
    """`name` if it is a module; else, unless it is one of the `folders` that hold modules (a
    namespace portion, which Python imports as it is), the nearest module above it."""
    if name in modules:
        return name
    if name in folders:
        return None
    while "." in name:
        name = name.rpartition(".")[0]
        if name in modules:
            return name
    return None


def _reference(root: Path, package: str) -> Counter[tuple[str, str, int, str]]:
    modules = _modules(root, package)
    folders = {name.rsplit(".", n)[0] for name in modules for n in range(1, name.count(".") + 1)}
    found: Counter[tuple[str, str, int, str]] = Counter()
    for module, path in modules.items():
        for node, kind in _statements(ast.parse(path.read_text("utf-8"))):
            for imported in _imported(node, module, modules, folders):
                if imported != module:
                    found[(module, imported, node.lineno, kind)] += 1
    return found


def _optimum(graph: nx.DiGraph) -> int:
    """The lightest feedback arc set, by dynamic programming over the sets placed first:
    best[S] = min over v in S of best[S - v] + weight of the edges from v back into S - v."""
    nodes = sorted(graph)
    index = {node: i for i, node in enumerate(nodes)}
    out: list[list[tuple[int, int]]] = [[] for _ in nodes]
    for a, b, data in graph.edges(data=True):
        out[index[a]].append((1 << index[b], data["weight"]))
    best = [0] * (1 << len(nodes))
    for placed in range(1, 1 << len(nodes)):
        best[placed] = min(
            best[placed ^ (1 << last)]
            + sum(w for bit, w in out[last] if placed & bit and bit != 1 << last)
            for last in range(len(nodes))
            if placed >> last & 1
        )
    return best[-1]


def _analysis(root: Path, package: str, tmp_path: Path) -> Analysis:
    target = Target(
        name=package, package=package, root=root, gates=GateConfig(), cache_dir=tmp_path
    )
    return analyse(target, source=GrimpSource(root, cache_dir=tmp_path))


@pytest.mark.parametrize(
    "package",
    [
        "cpkg",
        "django",
        pytest.param(
            "sympy",
            marks=pytest.mark.skipif(
                not os.environ.get("UNKNOT_REFERENCE_SYMPY"),
                reason="about 20 s; set UNKNOT_REFERENCE_SYMPY=1 to run it",
            ),
        ),
    ],
)
def test_the_gates_cut_against_an_independent_reference(package: str, tmp_path: Path) -> None:
    root = _root(package)
    analysis = _analysis(root, package, tmp_path)
    ours: Counter[tuple[str, str, int, str]] = Counter(
        (s.importer, s.imported, s.line, s.kind.value)
        for edge in analysis.imports
        for s in edge.sites
        if not s.implicit and s.kind is not ImportKind.DYNAMIC
    )
    assert set(ours) == set(_reference(root, package))
    strong = nx.DiGraph()
    for edge in analysis.imports:
        sites = [s for s in edge.sites if s.kind is ImportKind.IMPORT_TIME]
        if sites:
            strong.add_edge(edge.importer, edge.imported, weight=len(sites))
    parts = [p for p in nx.strongly_connected_components(strong) if len(p) > 1]
    cut = {(c.importer, c.imported): c.weight for cycle in analysis.cycles for c in cycle.gate_cuts}
    for part in parts:
        inner = strong.subgraph(part).copy()
        ours_here = sum(w for (a, b), w in cut.items() if a in part and b in part)
        inner.remove_edges_from([pair for pair in cut if pair[0] in part and pair[1] in part])
        assert nx.is_directed_acyclic_graph(inner)
        if len(part) <= EXACT:
            assert ours_here == _optimum(strong.subgraph(part)), sorted(part)[:3]
