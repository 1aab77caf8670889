from __future__ import annotations

from collections.abc import Iterator

from bot.domain.trading import CycleResult, CycleStatus, Rejection
from bot.features.clock import SimulatedClock
from bot.orchestration.backtesting import BacktestOrchestrator

COOLING = Rejection("cooldown", "cooling down after a stop-out")


class ScriptedRunner:
    """Hands out the given results in turn, as a paper-trading orchestrator would."""

    def __init__(self, results: list[CycleResult]) -> None:
        self._results: Iterator[CycleResult] = iter(results)

    def execute(self) -> CycleResult:
        return next(self._results)


def _result(status: CycleStatus, rejection: Rejection | None = None) -> CycleResult:
    return CycleResult(status, "backtest", "BTC-USD", "1h", "fib", 0, rejection=rejection)


def test_a_refusal_on_a_candle_that_also_filled_an_exit_is_counted() -> None:
    results = [
        _result(CycleStatus.HOLD),
        _result(CycleStatus.EXECUTED, COOLING),  # the stop-out candle: exit filled, entry refused
        _result(CycleStatus.REJECTED, COOLING),
        _result(CycleStatus.EXECUTED),
    ]
    run = BacktestOrchestrator(ScriptedRunner(results), SimulatedClock(), [1, 2, 3, 4]).execute()

    assert run.statuses == {"hold": 1, "executed": 2, "rejected": 1}
    assert run.rejections == 2
