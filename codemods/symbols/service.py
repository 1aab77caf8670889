"""The move-symbol use case: locate -> select -> cut and merge -> re-point -> check -> apply."""

from __future__ import annotations

from codemods.engine.apply import apply_changes, recovered_first
from codemods.engine.cycle_check import new_cycles
from codemods.engine.layout import Layout
from codemods.engine.outcome import Outcome, check_clean, outcome_of
from codemods.engine.ports import CycleFinder
from codemods.symbols.locate import SymbolRequest
from codemods.symbols.plan import plan_symbols

__all__ = ["SymbolRequest", "move_symbols"]


def move_symbols(
    request: SymbolRequest,
    *,
    apply: bool = False,
    allow_dirty: bool = False,
    cycle_finder: CycleFinder | None = None,
) -> Outcome:
    """Move the names to DEST: a dry run unless `apply`; with `apply`, all files or none."""
    with recovered_first(request.root.resolve()) as recovered:
        plan = plan_symbols(request)
        command = f"move-symbol {' '.join(request.symbols)} {request.dest}"
        notes = recovered + plan.notes
        if not plan.changes:
            return outcome_of(command, plan, applied=False, notes=notes)
        changes = plan.change_set()
        cycles: tuple[tuple[str, ...], ...] = ()
        if cycle_finder is not None:
            layout = Layout.detect(request.root, request.import_roots)
            touched = [request.dest, *(sel.module for sel in plan.selections)]
            cycles = new_cycles(layout, changes, touched, cycle_finder)
        if apply:
            check_clean(plan.root, allow_dirty=allow_dirty)
            apply_changes(changes)
    return outcome_of(command, plan, applied=apply, cycles=cycles, notes=notes)
