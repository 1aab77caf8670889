"""What a migration run did, as data: one record per step, the figures along the way."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from codemods.plans.model import Figures, Plan, Step
from codemods.plans.verify import Check

__all__ = ["Migration", "Mode", "Status", "StepRecord"]


class Mode(StrEnum):
    DRY_RUN = "dry-run"
    SIMULATE = "simulate"
    APPLY = "apply"


class Status(StrEnum):
    DONE_BEFORE = "done before"  # committed and tagged by an earlier run
    APPLIED = "applied"  # committed and tagged by this run
    PREDICTED = "predicted"  # run in a scratch copy (dry run, simulation)
    FAILED = "failed"
    LEFT_OUT = "left out"  # run in a scratch copy, then undone there (the planner's choice)
    NOT_RUN = "not run"


@dataclass(frozen=True)
class StepRecord:
    """One step of the plan: what happened, its figures before and after, its checks."""

    number: int
    step: Step
    status: Status
    before: Figures | None = None
    after: Figures | None = None
    summary: tuple[str, ...] = ()
    checks: tuple[Check, ...] = ()
    commit: str = ""
    error: str = ""


@dataclass(frozen=True)
class Migration:
    """A run of a plan: the baseline, each step, and the figures now."""

    plan: Plan
    mode: Mode
    baseline: Figures
    records: tuple[StepRecord, ...]
    current: Figures
    log_file: str = ""

    @property
    def failed(self) -> StepRecord | None:
        return next((r for r in self.records if r.status is Status.FAILED), None)

    @property
    def failing_gates(self) -> tuple[str, ...]:
        """The target's gates the layer fails after a run with no failed step: the plan
        did not take the layer to its gates."""
        return () if self.failed is not None else self.current.failed_gates

    @property
    def nothing_to_do(self) -> bool:
        return all(r.status is Status.DONE_BEFORE for r in self.records)
