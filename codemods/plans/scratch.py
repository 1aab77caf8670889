"""A scratch copy of a repository where a plan's steps run for real, one at a time, each
followed by a measurement: the dry run, `--simulate` and the planner all stand on it, so what
they predict is what `--apply` then measures.

The copy holds the files git knows (tracked, and untracked but not ignored), or every file
outside git; the user's tree is never written.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from codemods.engine.errors import CodemodError
from codemods.engine.layout import walk_sources
from codemods.plans.model import PlanTarget, Step
from codemods.plans.ports import Measure
from codemods.plans.registry import RunOptions, run_step
from codemods.plans.results import Status, StepRecord
from codemods.plans.verify import check_figures

__all__ = ["Accept", "Scratch", "open_scratch", "scratch_copy"]

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


class Scratch:
    """The copy at `path`, the layer's figures at its start (`baseline`) and now (`current`)."""

    def __init__(self, path: Path, target: PlanTarget, measure: Measure) -> None:
        self.path = path
        self.target = target
        self.measure = measure
        self.baseline = measure.figures(path, target)
        self.current = self.baseline

    def run(self, number: int, step: Step) -> StepRecord:
        """Apply `step` in the copy and measure it, judged as `--apply` judges it (a check
        that fails fails the step); a step that runs moves `current` on."""
        before = self.current
        try:
            outcome = run_step(self.path, step, RunOptions(apply=True, allow_dirty=True))
            after = self.measure.figures(self.path, self.target)
        except CodemodError as error:  # the codemod refused, or the layer cannot be measured
            failure = f"error[{error.code}]: {error.message}"
            return StepRecord(number, step, Status.FAILED, before, error=failure)
        checks = tuple(check_figures(step, before, after))
        summary = tuple(_predicted(outcome.summary.lines()))
        failed = "; ".join(f"{c.name}: {c.detail}" for c in checks if not c.passed)
        self.current = after
        status = Status.FAILED if failed else Status.PREDICTED
        return StepRecord(number, step, status, before, after, summary, checks, error=failed)

    def attempt(self, number: int, step: Step, accept: Accept) -> StepRecord:
        """`run`, then undo the step in the copy (status `left out`, the reason as its error)
        when it failed or `accept` gives a reason against it."""
        saved = self._checkpoint()
        before = self.current
        record = self.run(number, step)
        reason = accept(record)
        if not reason:
            shutil.rmtree(saved)
            return record
        shutil.rmtree(self.path)
        saved.rename(self.path)
        self.current = before
        return replace(record, status=Status.LEFT_OUT, error=reason)

    def _checkpoint(self) -> Path:
        saved = self.path.parent / "checkpoint"
        if saved.exists():
            shutil.rmtree(saved)
        shutil.copytree(self.path, saved, symlinks=True)
        return saved


@contextmanager
def open_scratch(repo: Path, target: PlanTarget, measure: Measure) -> Iterator[Scratch]:
    """A scratch copy of `repo`, removed on leaving the block."""
    with tempfile.TemporaryDirectory(prefix="unknot-plan-") as scratch:
        yield Scratch(scratch_copy(repo, Path(scratch)), target, measure)


def _predicted(lines: list[str]) -> list[str]:
    """The codemod's summary, worded as a prediction and with scratch paths left out."""
    return [
        "would run: " + line.removeprefix("Applied: ") if line.startswith("Applied: ") else line
        for line in lines
    ]
