"""The planner's workbench and `migrate --simulate` in memory: each step applied to the
layer's import graph by its predicted effect, then the analyzer's figures read back, so no
file is copied or written and no codemod runs."""

from __future__ import annotations

from dataclasses import replace

from codemods.engine.errors import CodemodError
from codemods.plans.checks import check_order
from codemods.plans.facts import LayerFacts
from codemods.plans.model import Plan, Step
from codemods.plans.results import Migration, Mode, Status, StepRecord
from codemods.plans.scratch import Accept
from codemods.plans.verify import check_figures
from codemods.plans.virtual.effects import Reader, Unpredictable, after_step
from codemods.plans.virtual.graph import VirtualGraph

__all__ = ["VirtualBench", "simulate"]


class VirtualBench:
    """The layer's graph as the kept steps left it, its figures, and steps tried on it."""

    def __init__(self, graph: VirtualGraph) -> None:
        self.graph = graph
        self.read = Reader()
        self.baseline = graph.figures()
        self.current = self.baseline

    def facts(self) -> LayerFacts:
        return self.graph.facts()

    def run(self, number: int, step: Step) -> StepRecord:
        """The step's predicted record, judged as `--apply` judges it; a step that can be
        predicted moves the graph on."""
        record, graph = self._predict(number, step)
        if graph is not None:
            self.graph, self.current = graph, record.after or self.current
        return record

    def attempt(self, number: int, step: Step, accept: Accept) -> StepRecord:
        """`run`, left out (the graph as it was) when it failed or `accept` gives a reason
        against it."""
        record, graph = self._predict(number, step)
        reason = record.error if record.status is Status.FAILED else accept(record)
        if reason or graph is None:
            return replace(record, status=Status.LEFT_OUT, error=reason or record.error)
        self.graph, self.current = graph, record.after or self.current
        return record

    def _predict(self, number: int, step: Step) -> tuple[StepRecord, VirtualGraph | None]:
        before = self.current
        try:
            graph = after_step(self.graph, step, self.read)
            after = graph.figures()
        except Unpredictable as error:
            return StepRecord(number, step, Status.FAILED, before, error=str(error)), None
        except CodemodError as error:  # the layer cannot be measured after it
            failure = f"error[{error.code}]: {error.message}"
            return StepRecord(number, step, Status.FAILED, before, error=failure), None
        checks = tuple(check_figures(step, before, after))
        failed = "; ".join(f"{c.name}: {c.detail}" for c in checks if not c.passed)
        status = Status.FAILED if failed else Status.PREDICTED
        summary = (f"would run: {step.command}",)
        record = StepRecord(number, step, status, before, after, summary, checks, error=failed)
        return record, graph


def simulate(plan: Plan, graph: VirtualGraph) -> Migration:
    """The plan's steps predicted in memory, the figures after each; a step that fails stops
    the run (later steps are `not run`). Raises `Unpredictable` when a step's effect cannot be
    told without running it."""
    check_order(plan.steps)
    bench = VirtualBench(graph)
    records: list[StepRecord] = []
    for number, step in enumerate(plan.steps, start=1):
        if records and records[-1].status in (Status.FAILED, Status.NOT_RUN):
            records.append(StepRecord(number, step, Status.NOT_RUN))
            continue
        record = bench.run(number, step)
        if record.status is Status.FAILED and record.after is None:
            raise Unpredictable(record.error)
        records.append(record)
    return Migration(plan, Mode.SIMULATE, bench.baseline, tuple(records), bench.current)
