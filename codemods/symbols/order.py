"""The order moved code lands in: each statement after the moved code it uses."""

from __future__ import annotations

import libcst as cst

from codemods.symbols.definitions import read_module
from codemods.symbols.locate import Source
from codemods.symbols.selection import Selection

__all__ = ["definitions_first", "dependency_order"]


def dependency_order(sources: list[Source], selections: list[Selection]) -> list[int]:
    """The sources in an order where the code each moves comes after the moved code it uses
    (so a moved constant precedes the moved class body that reads it); ties keep the order given."""
    uses = [
        set().union(*(s.facts.statements[i].uses for i in sel.moved))
        for s, sel in zip(sources, selections, strict=True)
    ]
    left = list(range(len(sources)))
    order: list[int] = []
    while left:
        ready = [
            i for i in left if not any(uses[i] & set(selections[j].names) for j in left if j != i)
        ]
        pick = ready[0] if ready else left[0]
        order.append(pick)
        left.remove(pick)
    return order


def definitions_first(fragment: cst.Module, count: int) -> cst.Module:
    """The moved statements reordered so that each comes after the moved statements it uses
    (a stable topological order; statements that use each other keep their order)."""
    split = len(fragment.body) - count
    facts = read_module(fragment)
    moved = list(facts.statements[split:])
    order: list[int] = []
    left = [s.index for s in moved]
    while left:
        ready = [
            i
            for i in left
            if not any(facts.statements[i].uses & facts.statements[j].names for j in left if j != i)
        ]
        pick = ready[0] if ready else left[0]
        order.append(pick)
        left.remove(pick)
    if order == [s.index for s in moved]:
        return fragment
    body = list(fragment.body)
    leading = [body[i].leading_lines for i in range(split, len(body))]
    reordered = [body[i] for i in order]
    reordered = [s.with_changes(leading_lines=leading[k]) for k, s in enumerate(reordered)]
    return fragment.with_changes(body=[*body[:split], *reordered])
