"""A layered layout of a view, computed in Python so the HTML page needs no library or network.

Importers sit above what they import: each cycle is condensed to one block, blocks are ranked by
their longest path from the top, and each rank is ordered by the mean position of its importers
(the barycentre heuristic) to keep edges short. A cycle's modules stay side by side. Ranks wider
than `MAX_PER_ROW` nodes wrap onto more rows, so a 500-module layer stays readable.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from reports.pictures.view import GraphView

__all__ = ["MAX_PER_ROW", "Box", "layout"]

MAX_PER_ROW = 12
_CHAR = 7
_PAD = 18
_HEIGHT = 34
_GAP_X = 22
_GAP_Y = 64


@dataclass(frozen=True)
class Box:
    name: str
    x: int
    y: int
    width: int
    height: int


def _blocks(view: GraphView) -> tuple[dict[str, str], dict[str, list[str]]]:
    block_of = {node.name: node.name for node in view.nodes}
    members: dict[str, list[str]] = {node.name: [node.name] for node in view.nodes}
    for cycle in view.cycles:
        shown = [name for name in cycle if name in block_of]
        if len(shown) < 2:
            continue
        head = shown[0]
        for name in shown[1:]:
            block_of[name] = head
            del members[name]
        members[head] = shown
    return block_of, members


def _ranks(view: GraphView, block_of: dict[str, str], blocks: list[str]) -> dict[str, int]:
    successors: dict[str, set[str]] = defaultdict(set)
    indegree = dict.fromkeys(blocks, 0)
    for edge in view.edges:
        a, b = block_of[edge.importer], block_of[edge.imported]
        if a != b and b not in successors[a]:
            successors[a].add(b)
            indegree[b] += 1
    rank = dict.fromkeys(blocks, 0)
    ready = sorted(block for block in blocks if indegree[block] == 0)
    while ready:
        block = ready.pop()
        for after in sorted(successors[block]):
            rank[after] = max(rank[after], rank[block] + 1)
            indegree[after] -= 1
            if indegree[after] == 0:
                ready.append(after)
    return rank


def layout(view: GraphView) -> tuple[list[Box], int, int]:
    """A box for each node, and the width and height of the drawing."""
    block_of, members = _blocks(view)
    rank = _ranks(view, block_of, sorted(members))
    layers: dict[int, list[str]] = defaultdict(list)
    for block in sorted(members):
        layers[rank[block]].append(block)
    importers: dict[str, set[str]] = defaultdict(set)
    for edge in view.edges:
        importers[edge.imported].add(edge.importer)
    position: dict[str, float] = {}
    rows: list[list[str]] = []
    for level in sorted(layers):

        def centre(block: str) -> tuple[float, str]:
            above = [position[i] for m in members[block] for i in importers[m] if i in position]
            return (sum(above) / len(above) if above else float("inf"), block)

        for row in _wrap([members[block] for block in sorted(layers[level], key=centre)]):
            rows.append(row)
            for index, name in enumerate(row):
                position[name] = index - len(row) / 2
    return _place(view, rows)


def _wrap(blocks: list[list[str]]) -> list[list[str]]:
    """Rows of at most `MAX_PER_ROW` names; a block (a cycle) is split only if it is too long."""
    rows: list[list[str]] = [[]]
    for block in blocks:
        if rows[-1] and len(rows[-1]) + len(block) > MAX_PER_ROW:
            rows.append([])
        for name in block:
            if len(rows[-1]) == MAX_PER_ROW:
                rows.append([])
            rows[-1].append(name)
    return [row for row in rows if row]


def _place(view: GraphView, rows: list[list[str]]) -> tuple[list[Box], int, int]:
    def width(name: str) -> int:
        node = view.node(name)
        return max(len(node.label), len(f"{node.lines:,} lines")) * _CHAR + _PAD

    widths = [sum(width(n) for n in row) + _GAP_X * (len(row) - 1) for row in rows]
    total = max(widths, default=0) + 2 * _GAP_X
    boxes = []
    for number, (row, row_width) in enumerate(zip(rows, widths, strict=True)):
        x = (total - row_width) // 2
        y = _GAP_X + number * (_HEIGHT + _GAP_Y)
        for name in row:
            boxes.append(Box(name, x, y, width(name), _HEIGHT))
            x += width(name) + _GAP_X
    height = _GAP_X * 2 + len(rows) * (_HEIGHT + _GAP_Y) - _GAP_Y
    return sorted(boxes, key=lambda box: box.name), total, max(height, _HEIGHT)
