"""What the extraction changes in the import graph, as lines for the summary's notes."""

from __future__ import annotations

from pathlib import Path

import libcst as cst

from codemods.protocols.bindings import ClassRef
from codemods.protocols.cycles import CycleReport
from codemods.protocols.imports import ImportSite, import_sites
from codemods.protocols.plan import ProtocolPlan
from codemods.protocols.request import ProtocolRequest
from codemods.protocols.scan import Dependent

__all__ = ["cycle_notes", "import_notes", "member_notes"]


def _after(plan: ProtocolPlan, dependent: Dependent, ref: ClassRef) -> tuple[ImportSite, ...]:
    for result in plan.retyped:
        if result.path == dependent.path:
            return import_sites(cst.parse_module(result.new_text), ref, dependent.package)
    return dependent.imports


def import_notes(
    plan: ProtocolPlan, dependents: tuple[Dependent, ...], ref: ClassRef, root: Path
) -> list[str]:
    """For each dependent's import-time import of MODULE (or of a re-export of CLASS): gone,
    guarded, or kept."""
    notes = []
    for dependent in sorted(dependents, key=lambda d: d.path):
        after = _after(plan, dependent, ref)
        rel = dependent.path.relative_to(root).as_posix()
        for site in (s for s in dependent.imports if s.import_time):
            where = f"{rel}:{site.line}: {site.text}"
            if any(s.import_time for s in after):
                notes.append(f"import kept (still used at run time) {where}")
            elif after:
                notes.append(f"import now under TYPE_CHECKING {where}")
            else:
                notes.append(f"import removed {where}")
    return notes


def cycle_notes(report: CycleReport) -> list[str]:
    """The cycles the change breaks, and those it leaves through MODULE."""
    notes = [f"breaks the import cycle of {len(c)} modules: {', '.join(c)}" for c in report.broken]
    notes += [f"import cycle left, of {len(c)} modules: {', '.join(c)}" for c in report.remaining]
    return notes


def member_notes(plan: ProtocolPlan, request: ProtocolRequest) -> list[str]:
    """The protocol's members, and the test that pins CLASS to it."""
    names = ", ".join(m.name for m in plan.members) or "none"
    notes = [f"protocol {request.into}.{request.protocol_name} members: {names}"]
    if plan.test_path is not None:
        notes.append(f"test written: {plan.test_path.relative_to(plan.root).as_posix()}")
    elif not request.with_test:
        notes.append(
            f"suggested: a test that {request.class_name} satisfies {request.protocol_name} "
            "(--with-test writes it next to the dependents' tests)"
        )
    else:
        notes.append("test not written: a file of that name exists next to the tests")
    return notes
