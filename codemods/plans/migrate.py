"""`migrate --apply`: each step applied, verified, committed and tagged; on a failure the tree
goes back to the last good step and the run stops.

Pipeline: open the repository and check the plan (order, codemods, tags, verify commands, a
clean tree) -> find the steps already done -> per step: apply -> measure -> verify -> commit
and tag, or restore -> the run's records.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from codemods.engine.errors import CodemodError
from codemods.engine.layout import Layout
from codemods.engine.ports import CycleFinder
from codemods.plans.checks import check_modules_exist, check_order
from codemods.plans.errors import PlanError
from codemods.plans.model import Figures, Plan, Step
from codemods.plans.ports import Measure
from codemods.plans.progress import cache_file, clear_state, done_steps, recover, write_state
from codemods.plans.registry import RunOptions, run_step
from codemods.plans.repo import TRAILER, Repository
from codemods.plans.results import Migration, Mode, Status, StepRecord
from codemods.plans.verify import Check, check_commands_exist, check_figures, run_commands

__all__ = ["MigrateRequest", "apply_plan", "commit_message"]

_BASELINE = "Unknot-Baseline"


@dataclass(frozen=True)
class MigrateRequest:
    """Run `plan` in the git work tree holding `repo`, with `verify` after every step."""

    plan: Plan
    repo: Path
    verify: tuple[str, ...] = ()
    resume: bool = False


def _prepare(request: MigrateRequest) -> tuple[Repository, set[str], str | None]:
    """The repository, the steps done, and what recovering a killed run did; raises before any
    change on bad input."""
    plan = request.plan
    check_order(plan.steps)
    check_commands_exist(request.verify, request.repo)
    repo = Repository.open(request.repo)
    repo.head()
    repo.check_identity()
    note = recover(repo)
    dirty = repo.dirty()
    if dirty:
        shown = ", ".join(dirty[:5]) + (f" and {len(dirty) - 5} more" if len(dirty) > 5 else "")
        raise PlanError(
            f"The git work tree has uncommitted changes: {shown}.",
            hint="Commit or stash them first: every step is committed on top of a clean tree.",
            code="dirty-tree",
        )
    done = done_steps(repo, plan.steps)
    pending = [s for s in plan.steps if s.tag not in done]
    if done and pending and not request.resume:
        raise PlanError(
            f"{len(done)} of the plan's {len(plan.steps)} steps are done already.",
            hint="Pass --resume to go on from there.",
            code="plan-in-progress",
        )
    check_modules_exist(plan.steps, Layout.detect(repo.top), done=frozenset(done))
    return repo, done, note


def apply_plan(
    request: MigrateRequest, *, measure: Measure, cycle_finder: CycleFinder | None = None
) -> Migration:
    """Run the plan's pending steps in order, each committed and tagged once verified."""
    repo, done, note = _prepare(request)
    plan = request.plan
    current = measure.figures(repo.top, plan.target)
    baseline = _recorded_baseline(repo, plan.steps, done) or current
    records: list[StepRecord] = []
    stopped = False
    for number, step in enumerate(plan.steps, start=1):
        if step.tag in done:
            records.append(StepRecord(number, step, Status.DONE_BEFORE, commit=step.tag))
        elif stopped:
            records.append(StepRecord(number, step, Status.NOT_RUN))
        else:
            record = _run(repo, request, number, step, current, baseline, measure, cycle_finder)
            records.append(record)
            stopped = record.status is Status.FAILED
            current = record.after if record.after is not None and not stopped else current
    summary = (note,) if note else ()
    return Migration(
        plan, Mode.APPLY, baseline, tuple(records), current, log_file=_log(repo, records, summary)
    )


def _run(
    repo: Repository,
    request: MigrateRequest,
    number: int,
    step: Step,
    before: Figures,
    baseline: Figures,
    measure: Measure,
    cycle_finder: CycleFinder | None,
) -> StepRecord:
    head = repo.head()
    untracked = repo.untracked()
    write_state(repo, step.tag, head, untracked)
    try:
        outcome = run_step(repo.top, step, RunOptions(apply=True, cycle_finder=cycle_finder))
        repo.stage(untracked)
        after = measure.figures(repo.top, request.plan.target)
    except CodemodError as error:  # the codemod refused, or the layer cannot be measured
        repo.restore(head, untracked)
        clear_state(repo)
        failure = f"error[{error.code}]: {error.message}"
        return StepRecord(number, step, Status.FAILED, before, error=failure)
    checks = check_figures(step, before, after)
    if all(c.passed for c in checks):
        checks += run_commands(request.verify, repo.top)
    summary = tuple(outcome.summary.lines())
    if not all(c.passed for c in checks):
        repo.restore(head, untracked)
        clear_state(repo)
        return StepRecord(number, step, Status.FAILED, before, after, summary, tuple(checks))
    message = commit_message(number, len(request.plan.steps), step, before, after, baseline)
    commit = repo.commit(message)
    repo.tag(step.tag, commit)
    clear_state(repo)
    return StepRecord(number, step, Status.APPLIED, before, after, summary, tuple(checks), commit)


def commit_message(
    number: int, total: int, step: Step, before: Figures, after: Figures, baseline: Figures
) -> str:
    """`move a -> b (step 2/4)`, the figures before -> after, and the trailers that record the
    plan's progress."""
    subject = step.message or f"{step.title} (step {number}/{total})"
    changes = [
        f"{label}: {before.get(key)} -> {after.get(key)}"
        for key, label in (
            ("cycles.import-time", "import-time cycles"),
            ("imports_to_cut", "imports to cut"),
            ("modules", "modules"),
            ("lines", "lines"),
            ("modules_over_limit", "modules over the limit"),
        )
    ]
    lines = [subject, "", f"unknot migrate: {step.command}", *(f"- {c}" for c in changes)]
    if step.why:
        lines += ["", f"Why: {step.why}"]
    lines += ["", f"{_BASELINE}: {baseline.line()}", f"{TRAILER}: {step.tag}"]
    return "\n".join(lines) + "\n"


def _recorded_baseline(repo: Repository, steps: tuple[Step, ...], done: set[str]) -> Figures | None:
    """The baseline an earlier run recorded in its first step's commit."""
    for step in steps:
        if step.tag in done:
            commit = repo.tagged(step.tag)
            for line in repo.message(commit or "HEAD").splitlines():
                if line.startswith(f"{_BASELINE}: "):
                    return Figures.parse(line.removeprefix(f"{_BASELINE}: "))
    return None


def _log(repo: Repository, records: list[StepRecord], notes: tuple[str, ...]) -> str:
    """Write what failed (the checks and the commands' output) under .unknot_cache/migrate."""
    failed = next((r for r in records if r.status is Status.FAILED), None)
    if failed is None and not notes:
        return ""
    path = cache_file(repo, Path(".unknot_cache", "migrate", "last-failure.log"))
    lines = list(notes)
    if failed is not None:
        lines.append(f"step {failed.number} failed: {failed.step.title}")
        if failed.error:
            lines.append(failed.error)
        lines += _check_lines(failed.checks)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path.relative_to(repo.top).as_posix()


def _check_lines(checks: tuple[Check, ...]) -> list[str]:
    lines = []
    for check in checks:
        lines.append(f"{'ok' if check.passed else 'FAILED'}: {check.name} {check.detail}".rstrip())
        if not check.passed and check.log:
            lines.append(check.log.rstrip())
    return lines
