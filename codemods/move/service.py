"""The move use case end to end: recover, plan, check, apply, and summarise."""

from __future__ import annotations

from codemods.engine.apply import ChangeSet, apply_changes, recovered_first
from codemods.engine.cycle_check import CycleDelta, cycle_delta
from codemods.engine.layout import Layout
from codemods.engine.outcome import Outcome, check_clean, outcome_of
from codemods.engine.ports import CycleFinder
from codemods.move.plan import MoveRequest, plan_move

__all__ = ["move_module"]


def move_module(
    request: MoveRequest,
    *,
    apply: bool = False,
    allow_dirty: bool = False,
    cycle_finder: CycleFinder | None = None,
) -> Outcome:
    """Move OLD to NEW: a dry run unless `apply`; with `apply`, all files or none are written."""
    with recovered_first(request.root.resolve()) as notes:
        plan = plan_move(request)
        command = f"move {request.old} {request.new}"
        if not plan.changes and not plan.moves:
            return outcome_of(command, plan, applied=False, notes=notes)
        changes: ChangeSet = plan.change_set()
        delta = CycleDelta((), ())
        if cycle_finder is not None:
            layout = Layout.detect(request.root, request.import_roots)
            touched = [plan.rename.old, plan.rename.new]
            delta = cycle_delta(
                layout, changes, touched, cycle_finder, rename=plan.rename, packages=True
            )
        if apply:
            check_clean(plan.root, allow_dirty=allow_dirty)
            apply_changes(changes)
    return outcome_of(
        command,
        plan,
        applied=apply,
        cycles=delta.new,
        package_cycles=delta.new_packages,
        notes=notes,
        include_text=request.include_text,
    )
