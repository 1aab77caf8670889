"""Split an oversized module into cohesive parts: its top-level definitions grouped by their
references to each other (networkx), so that every part fits under the limit and no two
parts import each other in a circle.

Definitions that never refer to each other (weakly connected components) are independent
parts; the largest stays. When it alone is still too big, it is cut in dependency order: a
part takes definitions only after everything they use, so the module keeps importing from
its parts and no part imports the module back.
"""

from __future__ import annotations

import re
from pathlib import Path

import libcst as cst
import networkx as nx

from codemods.symbols.definitions import DEFINITION_KINDS, TopLevel, read_module

__all__ = ["part_name", "split_module"]

# Room left in each part for the imports the moved code takes along.
_HEADROOM = 0.85


def split_module(path: Path, *, limit: int) -> list[tuple[str, ...]]:
    """Groups of top-level names to move out of the module at `path`, largest first; empty
    when it cannot be read or has nothing to split."""
    try:
        text = path.read_text(encoding="utf-8")
        facts = read_module(cst.parse_module(text))
    except (OSError, UnicodeDecodeError, cst.ParserSyntaxError):
        return []
    definitions = [
        s
        for s in facts.statements
        if s.kind in DEFINITION_KINDS and s.names and not all(_dunder(n) for n in s.names)
    ]
    graph = _reference_graph(definitions)
    size = {s.index: s.last_line - s.first_line + 2 for s in definitions}
    excess = len(text.splitlines()) - limit
    budget = int(limit * _HEADROOM)
    components = sorted(
        (frozenset(c) for c in nx.weakly_connected_components(graph)),
        key=lambda c: (-sum(size[i] for i in c), min(c)),
    )
    parts: list[list[int]] = []
    for component in components[1:]:
        if excess <= 0:
            break
        excess -= _place(parts, sorted(component), size, budget)
    if excess > 0 and components:
        for chunk in _dependency_chunks(graph.subgraph(components[0]), size, budget, excess):
            parts.append(chunk)
    by_index = {s.index: s for s in definitions}
    return [tuple(sorted(n for i in part for n in by_index[i].names)) for part in parts if part]


def _reference_graph(definitions: list[TopLevel]) -> nx.DiGraph:
    """An edge a -> b where definition a uses a name that b binds."""
    graph = nx.DiGraph()
    graph.add_nodes_from(s.index for s in definitions)
    for user in definitions:
        for used in definitions:
            if user.index != used.index and user.uses & used.names:
                graph.add_edge(user.index, used.index)
    return graph


def _place(parts: list[list[int]], unit: list[int], size: dict[int, int], budget: int) -> int:
    """Put `unit` in the first part with room (first fit), else a new one; its size."""
    lines = sum(size[i] for i in unit)
    for part in parts:
        if sum(size[i] for i in part) + lines <= budget:
            part.extend(unit)
            return lines
    parts.append(list(unit))
    return lines


def _dependency_chunks(
    component: nx.DiGraph, size: dict[int, int], budget: int, excess: int
) -> list[list[int]]:
    """Chunks of the component in dependency order (what is used before what uses it), each
    within `budget`, until `excess` lines have gone."""
    condensed = nx.condensation(component)
    order = list(reversed(list(nx.topological_sort(condensed))))
    chunks: list[list[int]] = [[]]
    for node in order:
        members = sorted(condensed.nodes[node]["members"])
        lines = sum(size[i] for i in members)
        if excess <= 0:
            break
        if chunks[-1] and sum(size[i] for i in chunks[-1]) + lines > budget:
            chunks.append([])
        chunks[-1].extend(members)
        excess -= lines
    return [c for c in chunks if c]


def part_name(module: str, path: Path, names: tuple[str, ...], *, taken: set[str]) -> str:
    """A module name beside `module` for the part holding `names`: after its largest public
    definition, snake_case (`PaperBroker` -> `paper_broker`), never one in `taken`."""
    parent = module.rpartition(".")[0]
    base = _snake(_largest(path, names) or module.rpartition(".")[2] + "_part")
    name, count = f"{parent}.{base}" if parent else base, 1
    while name in taken:
        count += 1
        name = f"{parent}.{base}_{count}" if parent else f"{base}_{count}"
    return name


def _largest(path: Path, names: tuple[str, ...]) -> str | None:
    try:
        facts = read_module(cst.parse_module(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, cst.ParserSyntaxError):
        return None
    sizes = {
        n: s.last_line - s.first_line
        for s in facts.statements
        for n in s.names
        if n in names and not n.startswith("_")
    }
    return min(sizes, key=lambda n: (-sizes[n], n)) if sizes else None


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name).lower()


def _dunder(name: str) -> bool:
    """`__all__`, `__version__`: the module's own business, never moved to a part."""
    return name.startswith("__") and name.endswith("__")
