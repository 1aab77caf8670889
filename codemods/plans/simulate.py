"""Dry run and simulation: the plan's steps run for real in a scratch copy of the repository,
each followed by a measurement, so the predicted figures are exactly what `--apply` measures.
"""

from __future__ import annotations

from pathlib import Path

from codemods.engine.layout import Layout
from codemods.plans.checks import check_modules_exist, check_order
from codemods.plans.model import Plan
from codemods.plans.ports import Measure
from codemods.plans.results import Migration, Mode, Status, StepRecord
from codemods.plans.scratch import Accept, open_scratch, scratch_copy

__all__ = ["Accept", "predict", "scratch_copy"]


def predict(
    plan: Plan,
    repo: Path,
    *,
    measure: Measure,
    mode: Mode,
    accept: Accept | None = None,
) -> Migration:
    """Every step applied in a scratch copy of `repo`, with the figures after each; a step
    that fails (its codemod refuses, or a check fails, as `--apply` would judge it) stops the
    run (later steps are `not run`). With `accept`, a step it gives a reason against is undone
    in the copy and marked `left out`, and the run goes on."""
    check_order(plan.steps)
    check_modules_exist(plan.steps, Layout.detect(repo))
    with open_scratch(repo, plan.target, measure) as scratch:
        records: list[StepRecord] = []
        for number, step in enumerate(plan.steps, start=1):
            if records and records[-1].status in (Status.FAILED, Status.NOT_RUN):
                records.append(StepRecord(number, step, Status.NOT_RUN))
            elif accept is not None:
                records.append(scratch.attempt(number, step, accept))
            else:
                records.append(scratch.run(number, step))
        return Migration(plan, mode, scratch.baseline, tuple(records), scratch.current)
