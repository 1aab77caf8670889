"""The extract-protocol use case: locate -> scan -> plan and rewrite -> check -> apply."""

from __future__ import annotations

from codemods.engine.apply import apply_changes, recovered_first
from codemods.engine.changes import ChangePlan
from codemods.engine.outcome import Outcome, check_clean, outcome_of
from codemods.engine.ports import CycleFinder
from codemods.protocols.cycles import CycleReport, cycle_report
from codemods.protocols.errors import NameTaken
from codemods.protocols.locate import Located, locate
from codemods.protocols.plan import plan_protocol
from codemods.protocols.report import cycle_notes, import_notes, member_notes
from codemods.protocols.request import ProtocolRequest
from codemods.protocols.scan import scan_dependents

__all__ = ["extract_protocol"]


def _nothing_to_do(request: ProtocolRequest, located: Located) -> str:
    scope = ", ".join(request.scope)
    if request.protocol_name in located.dest_names:
        return (
            f"Nothing to do: no module in {scope} types against {request.class_name} any more; "
            f"'{request.into}' defines {request.protocol_name}."
        )
    return f"Nothing to do: no module in {scope} uses {request.class_name} as a type."


def extract_protocol(
    request: ProtocolRequest,
    *,
    apply: bool = False,
    allow_dirty: bool = False,
    cycle_finder: CycleFinder | None = None,
) -> Outcome:
    """Write a protocol of what CLASS's dependents use and type them against it (a dry run
    unless `apply`; with `apply`, every file is written or none)."""
    with recovered_first(request.root.resolve()) as recovered:
        notes = list(recovered)
        command = f"extract-protocol {request.target} --into {request.into}"
        located = locate(request)
        scan = scan_dependents(request, located)
        if not scan.dependents:
            plan = ChangePlan(root=located.layout.root, message=_nothing_to_do(request, located))
            return outcome_of(command, plan, applied=False, notes=tuple(notes))
        if request.protocol_name in located.dest_names:
            raise NameTaken(
                f"'{request.into}' already defines {request.protocol_name}.",
                hint="Choose another name with --name, or another module with --into.",
            )
        plan = plan_protocol(request, located, scan)
        report = CycleReport()
        if cycle_finder is not None:
            writes = plan.change_set().writes
            report = cycle_report(cycle_finder, located.source.root, request.module, writes)
        if apply:
            check_clean(plan.root, allow_dirty=allow_dirty)
            apply_changes(plan.change_set())
    notes += import_notes(plan, scan.dependents, located.ref, plan.root)
    notes += cycle_notes(report)
    notes += member_notes(plan, request)
    return outcome_of(command, plan, applied=apply, cycles=report.created, notes=tuple(notes))
