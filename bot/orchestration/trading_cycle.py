"""One trading cycle's decisions, free of I/O: the dry-run and the backtest share it.

Order of work on the closed candles: which are new (none: `no_new_candle`), data guards
(refusal: `rejected`, the candles stay unprocessed), exits of the open position against each
new candle, the strategy's signal on the last one, risk guards and the fill.
"""

from __future__ import annotations

from bot.domain.candles import CandleSeries
from bot.domain.trading import (
    AccountState,
    CycleResult,
    CycleStatus,
    EquityView,
    Fill,
    Rejection,
    Signal,
)
from bot.orchestration.configuration import BotConfig
from bot.orchestration.core.ports import CycleOutcome, EquityCalculator, Telemetry
from bot.orchestration.execution_coordinator import ExecutionCoordinator
from bot.orchestration.runtime_coordinator import RuntimeCoordinator
from bot.orchestration.strategy_orchestrator import StrategyOrchestrator

__all__ = ["TradingCycle"]


class TradingCycle:
    def __init__(
        self,
        config: BotConfig,
        *,
        runtime: RuntimeCoordinator,
        strategy: StrategyOrchestrator,
        execution: ExecutionCoordinator,
        equity: EquityCalculator,
        telemetry: Telemetry,
    ) -> None:
        self.config = config
        self._runtime = runtime
        self._strategy = strategy
        self._execution = execution
        self._equity = equity
        self._telemetry = telemetry

    def decide(self, state: AccountState, window: CandleSeries, *, now: int) -> CycleOutcome:
        """What this cycle does to `state` given the closed candles in `window`."""
        new = self._runtime.new_candles(state, window)
        rejection = self._runtime.check(window, new, now=now)
        if rejection is not None:
            return self._unchanged(state, window, now, CycleStatus.REJECTED, rejection)
        if not new:
            return self._unchanged(state, window, now, CycleStatus.NO_NEW_CANDLE, None)
        state, fills = self._execution.enforce_exits(state, new)
        last = window.candle(-1)
        signal = self._strategy.signal(window, state.position)
        state, entries, rejection = self._execution.act(signal, state, last)
        fills.extend(entries)
        equity = self._equity.equity(state, price=last.close)
        state = state.advanced(last_candle_ts=last.ts, peak_equity=equity.peak)
        status = CycleStatus.EXECUTED if fills else CycleStatus.HOLD
        if rejection is not None and not fills:
            status = CycleStatus.REJECTED
        result = self._result(
            state=state,
            window=window,
            now=now,
            status=status,
            signal=signal,
            fills=tuple(fills),
            rejection=rejection,
            equity=equity,
        )
        return CycleOutcome(state, tuple(fills), result, changed=True)

    def _unchanged(
        self,
        state: AccountState,
        window: CandleSeries,
        now: int,
        status: CycleStatus,
        rejection: Rejection | None,
    ) -> CycleOutcome:
        result = self._result(
            state=state,
            window=window,
            now=now,
            status=status,
            signal=None,
            fills=(),
            rejection=rejection,
        )
        return CycleOutcome(state, (), result, changed=False)

    def _result(
        self,
        *,
        state: AccountState,
        window: CandleSeries,
        now: int,
        status: CycleStatus,
        signal: Signal | None,
        fills: tuple[Fill, ...],
        rejection: Rejection | None,
        equity: EquityView | None = None,
    ) -> CycleResult:
        config = self.config
        has_price = bool(window.timestamps)
        price = window.closes[-1] if has_price else 0.0
        return CycleResult(
            status=status,
            account=config.account,
            symbol=config.symbol,
            timeframe=config.timeframe.label,
            strategy=self._strategy.name,
            timestamp=now,
            candle_ts=window.timestamps[-1] if has_price else None,
            signal=signal,
            fills=fills,
            rejection=rejection,
            position=self._telemetry.position_view(state, price=price) if has_price else None,
            equity=equity or (self._equity.equity(state, price=price) if has_price else None),
        )
