"""The backtest orchestrator: replays history through the paper-trading orchestrator.

The same orchestrator, coordinators and fill model as a dry-run; only the clock is simulated
(set to each candle's close in turn) and the store is the one the composition root gives.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from bot.domain.trading import CycleResult, CycleStatus, ErrorInfo, Fill
from bot.orchestration.orchestrators.base import BaseOrchestrator
from bot.orchestration.paper_bot import CycleRunner

__all__ = ["BacktestOrchestrator", "BacktestRun", "SettableClock"]


class SettableClock(Protocol):
    def set(self, now: int) -> None: ...


@dataclass
class BacktestRun:
    """Everything a backtest produced: fills, the equity after each cycle, status counts."""

    fills: list[Fill] = field(default_factory=list)
    equity_curve: list[float] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)
    #: Cycles with a guard's refusal, those that also filled an exit (status executed) included.
    rejections: int = 0
    last: CycleResult | None = None
    error: ErrorInfo | None = None


class BacktestOrchestrator(BaseOrchestrator[BacktestRun]):
    workflow = "backtest"

    def __init__(self, orchestrator: CycleRunner, clock: SettableClock, times: Sequence[int]):
        super().__init__(max_retries=0)
        self._orchestrator = orchestrator
        self._clock = clock
        self._times = times

    def _run(self) -> BacktestRun:
        run = BacktestRun()
        statuses = run.statuses
        for now in self._times:
            self._clock.set(now)
            result = self._orchestrator.execute()
            statuses[result.status.value] = statuses.get(result.status.value, 0) + 1
            if result.status is CycleStatus.ERROR:
                run.error = result.error
                break
            if result.rejection is not None:
                run.rejections += 1
            if result.fills:
                run.fills.extend(result.fills)
            if result.equity is not None:
                run.equity_curve.append(float(result.equity.total))
            run.last = result
        return run

    def _failure(self, error: ErrorInfo) -> BacktestRun:
        return BacktestRun(error=error)
