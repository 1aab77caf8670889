"""Split an oversized module into cohesive parts: its top-level definitions grouped by their
references to each other, so that every part fits under the limit and no two
parts import each other in a circle.

Definitions that never refer to each other (weakly connected components) are independent
parts; the largest stays. When it alone is still too big, it is cut in dependency order: a
part takes definitions only after everything they use, so the module keeps importing from
its parts and no part imports the module back.
"""

from __future__ import annotations

import keyword
import re
from pathlib import Path

from codemods.plans.outline import Statement, outline

_Graph = dict[int, set[int]]  # each definition and the definitions it uses

__all__ = ["part_name", "split_module"]

# Room left in each part for the imports the moved code takes along.
_HEADROOM = 0.85
# The module is split to this share of its limit: the plan predicts the lines after a split
# (the imports and blank lines the codemod writes) within a few, not exactly.
_TARGET = 0.95
_DEFINITIONS = ("class", "def", "assign")


def split_module(path: Path, *, limit: int) -> list[tuple[str, ...]]:
    """Groups of top-level names to move out of the module at `path`, largest first; empty
    when it cannot be read or has nothing to split. A group with no room left for the imports it
    takes along (a class near the limit alone) is left out: moved, it would take the problem
    along."""
    facts = outline(path)
    if facts is None:
        return []
    pinned = _pinned(facts.statements)
    definitions = [
        s
        for s in facts.statements
        if s.kind in _DEFINITIONS
        and s.names
        and not all(_dunder(n) for n in s.names)
        and s.index not in pinned
    ]
    graph = _reference_graph(definitions)
    size = {s.index: s.last_line - s.first_line + 2 for s in definitions}
    excess = facts.lines - int(limit * _TARGET)
    budget = int(limit * _HEADROOM)
    components = sorted(
        _weak_components(graph),
        key=lambda c: (-sum(size[i] for i in c), min(c)),
    )
    parts: list[list[int]] = []
    for component in components[1:]:
        if excess <= 0:
            break
        excess -= _place(parts, sorted(component), size, budget)
    parts = [part for part in parts if part and sum(size[i] for i in part) <= budget]
    if excess > 0 and components:
        inside = components[0]
        largest = {i: graph[i] & inside for i in inside}
        for chunk in _dependency_chunks(largest, size, budget, excess):
            if sum(size[i] for i in chunk) > budget:
                break  # the chunks after it use it: none can go before it does
            parts.append(chunk)
    by_index = {s.index: s for s in definitions}
    return [tuple(sorted(n for i in part for n in by_index[i].names)) for part in parts]


def _pinned(statements: tuple[Statement, ...]) -> set[int]:
    """The definitions that stay in the module: those binding a name another top-level
    statement binds too (`@overload` stubs, a constant assigned twice), those reading where
    the module is (`__file__`, `__name__`: a moved logger or path would change), and those
    using a name bound by a block or other statement (`if`: a TypeVar defined in two
    branches) or by a definition that stays, until none is left to add."""
    bound: dict[str, int] = {}
    for statement in statements:
        for name in statement.names:
            bound[name] = bound.get(name, 0) + 1
    staying = {
        name
        for s in statements
        if s.kind not in _DEFINITIONS and s.kind != "import"
        for name in s.names - s.imported
    }
    pinned = {
        s.index
        for s in statements
        if s.kind in _DEFINITIONS and (s.place or any(bound[n] > 1 for n in s.names))
    }
    staying |= {n for s in statements if s.index in pinned for n in s.names}
    while True:
        more = {
            s.index
            for s in statements
            if s.kind in _DEFINITIONS and s.index not in pinned and s.uses & staying
        }
        if not more:
            return pinned
        pinned |= more
        staying |= {n for s in statements if s.index in more for n in s.names}


def _reference_graph(definitions: list[Statement]) -> _Graph:
    """An edge a -> b where definition a uses a name that b binds."""
    return {
        user.index: {
            used.index
            for used in definitions
            if user.index != used.index and user.uses & used.names
        }
        for user in definitions
    }


def _weak_components(graph: _Graph) -> list[frozenset[int]]:
    """The groups of definitions joined by references, whichever way they point."""
    leader = {node: node for node in graph}

    def find(node: int) -> int:
        while leader[node] != node:
            leader[node] = leader[leader[node]]
            node = leader[node]
        return node

    for user, used in graph.items():
        for other in used:
            leader[find(user)] = find(other)
    groups: dict[int, set[int]] = {}
    for node in graph:
        groups.setdefault(find(node), set()).add(node)
    return [frozenset(group) for group in groups.values()]


def _strong_components(graph: _Graph) -> list[list[int]]:
    """Tarjan's strongly connected components, in the order each is completed."""
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    stack: list[int] = []
    on_stack: set[int] = set()
    found: list[list[int]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            step = next(successors, None)
            if step is not None:
                if step not in index:
                    index[step] = low[step] = len(index)
                    stack.append(step)
                    on_stack.add(step)
                    work.append((step, iter(sorted(graph[step]))))
                elif step in on_stack:
                    low[node] = min(low[node], index[step])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                members = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    members.append(member)
                    if member == node:
                        break
                found.append(sorted(members))
    return found


def _place(parts: list[list[int]], unit: list[int], size: dict[int, int], budget: int) -> int:
    """Put `unit` in the first part with room (first fit), else a new one; its size."""
    lines = sum(size[i] for i in unit)
    for part in parts:
        if sum(size[i] for i in part) + lines <= budget:
            part.extend(unit)
            return lines
    parts.append(list(unit))
    return lines


def _used_first(graph: _Graph) -> list[list[int]]:
    """The strongly connected components in dependency order: a topological order of the
    components (generation by generation, as the references point), read backwards."""
    components = _strong_components(graph)
    number = {node: n for n, members in enumerate(components) for node in members}
    after: list[dict[int, None]] = [{} for _ in components]
    for user in sorted(graph):
        for used in sorted(graph[user]):
            if number[user] != number[used]:
                after[number[user]][number[used]] = None
    waiting = [0] * len(components)
    for targets in after:
        for target in targets:
            waiting[target] += 1
    order: list[int] = []
    ready = [n for n, count in enumerate(waiting) if count == 0]
    while ready:
        order += ready
        generation, ready = ready, []
        for n in generation:
            for target in after[n]:
                waiting[target] -= 1
                if waiting[target] == 0:
                    ready.append(target)
    return [components[n] for n in reversed(order)]


def _dependency_chunks(
    component: _Graph, size: dict[int, int], budget: int, excess: int
) -> list[list[int]]:
    """Chunks of the component in dependency order (what is used before what uses it), each
    within `budget`, until `excess` lines have gone."""
    chunks: list[list[int]] = [[]]
    for members in _used_first(component):
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
    if keyword.iskeyword(base) or not base.isidentifier():  # `And` -> `and_`
        base = f"{base}_" if base.isidentifier() or keyword.iskeyword(base) else "part"
    name, count = f"{parent}.{base}" if parent else base, 1
    while name in taken:
        count += 1
        name = f"{parent}.{base}_{count}" if parent else f"{base}_{count}"
    return name


def _largest(path: Path, names: tuple[str, ...]) -> str | None:
    facts = outline(path)
    if facts is None:
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
