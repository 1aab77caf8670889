"""Dry run and simulation: the plan's steps run for real in a scratch copy of the repository,
each followed by a measurement, so the predicted figures are exactly what `--apply` measures.

The copy holds the files git knows (tracked, and untracked but not ignored), or every file
outside git; the user's tree is never written.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from codemods.engine.errors import CodemodError
from codemods.engine.layout import Layout, walk_sources
from codemods.plans.checks import check_modules_exist, check_order
from codemods.plans.model import Figures, Plan, Step
from codemods.plans.ports import Measure
from codemods.plans.registry import RunOptions, run_step
from codemods.plans.results import Migration, Mode, Status, StepRecord
from codemods.plans.verify import check_figures

__all__ = ["Accept", "predict", "scratch_copy"]

# Given a step's predicted record, why to leave the step out ("" to keep it).
Accept = Callable[[StepRecord], str]


def _listed(repo: Path) -> list[str] | None:
    try:
        out = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=repo,
            capture_output=True,
            check=False,
        )
    except OSError:
        return None
    if out.returncode != 0:
        return None
    return sorted({name for name in out.stdout.decode().split("\0") if name})


def scratch_copy(repo: Path, scratch: Path) -> Path:
    """Copy the repository's own files (no VCS data, environments or caches) under `scratch`."""
    names = _listed(repo)
    if names is None:
        names = [p.relative_to(repo).as_posix() for p in walk_sources(repo, ("",))]
    copy = scratch / repo.name
    for name in names:
        source = repo / name
        if source.is_file() and "__pycache__" not in name:
            target = copy / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    copy.mkdir(parents=True, exist_ok=True)
    return copy


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
    run (later steps are `not run`). With `accept`, a step it gives a
    reason against is undone in the copy and marked `left out`, and the run goes on."""
    check_order(plan.steps)
    check_modules_exist(plan.steps, Layout.detect(repo))
    with tempfile.TemporaryDirectory(prefix="unknot-plan-") as scratch:
        copy = scratch_copy(repo, Path(scratch))
        baseline = measure.figures(copy, plan.target)
        current = baseline
        records: list[StepRecord] = []
        for number, step in enumerate(plan.steps, start=1):
            if records and records[-1].status in (Status.FAILED, Status.NOT_RUN):
                records.append(StepRecord(number, step, Status.NOT_RUN))
                continue
            checkpoint = _checkpoint(copy) if accept is not None else None
            record = _run(copy, number, step, plan, current, measure)
            reason = accept(record) if accept is not None else ""
            if reason and checkpoint is not None:
                _restore(checkpoint, copy)
                record = replace(record, status=Status.LEFT_OUT, error=reason)
            elif record.status is Status.PREDICTED and record.after is not None:
                current = record.after
            records.append(record)
    return Migration(plan, mode, baseline, tuple(records), current)


def _run(
    copy: Path, number: int, step: Step, plan: Plan, before: Figures, measure: Measure
) -> StepRecord:
    try:
        outcome = run_step(copy, step, RunOptions(apply=True, allow_dirty=True))
        after = measure.figures(copy, plan.target)
    except CodemodError as error:  # the codemod refused, or the layer cannot be measured
        failure = f"error[{error.code}]: {error.message}"
        return StepRecord(number, step, Status.FAILED, before, error=failure)
    checks = tuple(check_figures(step, before, after))
    summary = tuple(_predicted(outcome.summary.lines()))
    failed = "; ".join(f"{c.name}: {c.detail}" for c in checks if not c.passed)
    status = Status.FAILED if failed else Status.PREDICTED
    return StepRecord(number, step, status, before, after, summary, checks, error=failed)


def _checkpoint(copy: Path) -> Path:
    saved = copy.parent / "checkpoint"
    if saved.exists():
        shutil.rmtree(saved)
    shutil.copytree(copy, saved, symlinks=True)
    return saved


def _restore(saved: Path, copy: Path) -> None:
    shutil.rmtree(copy)
    saved.rename(copy)


def _predicted(lines: list[str]) -> list[str]:
    """The codemod's summary, worded as a prediction and with scratch paths left out."""
    return [
        "would run: " + line.removeprefix("Applied: ") if line.startswith("Applied: ") else line
        for line in lines
    ]
