"""The `ast` outline the planner reads modules with, and the dependency order of a split's
chunks checked against networkx's condensation on random reference graphs."""

from __future__ import annotations

import random

import networkx as nx

from codemods.plans.outline import read_outline
from codemods.plans.splits import _used_first, _weak_components

SOURCE = '''"""A module."""

from __future__ import annotations

import os.path
from typing import TYPE_CHECKING
from pkg import helpers as h

if TYPE_CHECKING:
    from pkg.types import Thing

__all__ = ["Box", "make"]

LIMIT = 10


# A comment above the class.
@dataclass
class Box:
    size: int = LIMIT

    def grow(self) -> Box:
        from pkg import late
        return late.bigger(self, os.path.sep)


def make(thing: Thing) -> Box:
    return Box(h.size_of(thing))
'''


def test_statements_names_uses_lines_imports_attributes_and_all() -> None:
    outline = read_outline(SOURCE)
    assert outline.lines == len(SOURCE.splitlines())
    by_name = {n: s for s in outline.statements for n in s.names}
    box, make = by_name["Box"], by_name["make"]
    assert (box.kind, box.first_line, box.last_line) == ("class", 18, 24)  # the decorator's line
    assert box.uses == {"LIMIT", "os"}
    assert make.uses == {"Box", "h", "Thing"}
    assert by_name["Thing"].kind == "block"
    assert by_name["h"].kind == "import"
    assert outline.at(22) is box
    assert outline.at(2) is None
    late = outline.import_at(23)
    assert late is not None
    assert late.from_
    assert late.names == {"late"}
    aliased = outline.import_at(7)
    assert aliased is not None
    assert aliased.read_as == (("helpers", "h"),)
    assert outline.attributes["os.path"] == {"sep"}
    assert outline.attributes["h"] == {"size_of"}
    assert outline.listed == {"Box", "make"}
    assert outline.binding("__all__") is not None


def test_a_split_takes_what_is_used_before_what_uses_it_as_networkx_orders_it() -> None:
    rng = random.Random(13)
    for _ in range(300):
        size = rng.randint(1, 14)
        graph = {n: {m for m in range(size) if m != n and rng.random() < 0.2} for n in range(size)}
        reference = nx.DiGraph()
        reference.add_nodes_from(range(size))
        reference.add_edges_from((a, b) for a, used in graph.items() for b in sorted(used))
        condensed = nx.condensation(reference)
        expected = [
            sorted(condensed.nodes[n]["members"])
            for n in reversed(list(nx.topological_sort(condensed)))
        ]
        assert _used_first(graph) == expected
        weak = sorted(sorted(c) for c in nx.weakly_connected_components(reference))
        assert sorted(sorted(c) for c in _weak_components(graph)) == weak


def test_string_annotations_and_typevar_bounds_are_uses() -> None:
    outline = read_outline(
        "from typing import TypeVar\n\nclass Shell:\n    pass\n\n"
        'T = TypeVar("T", bound="Shell")\n\n'
        'def make(x: "list[Shell]") -> "Shell":\n    return Shell()\n\n'
        'def say() -> str:\n    return "Shell"\n'
    )
    by_name = {n: s for s in outline.statements for n in s.names}
    assert by_name["T"].uses == {"TypeVar", "Shell"}
    assert "Shell" in by_name["make"].uses
    assert by_name["say"].uses == set()  # a string that is not an annotation names nothing
