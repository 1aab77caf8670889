"""The paper-trading orchestrator: one cycle of any strategy on a paper account.

Steps: fetch the closed candles (outside the lock, retried when the source is briefly
unavailable), then in one exclusive transaction: load the account, decide, save. A failure
anywhere before the commit leaves the account as it was.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.domain.candles import CandleSeries
from bot.domain.trading import CycleResult, CycleStatus, ErrorInfo
from bot.orchestration.core.ports import AccountStore, ActivityMonitor, Clock, MarketData
from bot.orchestration.orchestrators.base import BaseOrchestrator
from bot.orchestration.trading_cycle import TradingCycle

__all__ = ["PaperTradingOrchestrator"]


class PaperTradingOrchestrator(BaseOrchestrator[CycleResult]):
    workflow = "paper-trading"

    def __init__(
        self,
        cycle: TradingCycle,
        *,
        clock: Clock,
        market: MarketData,
        store: AccountStore,
        activity: ActivityMonitor,
        sleep: Callable[[float], None],
    ) -> None:
        super().__init__(max_retries=cycle.config.max_retries, sleep=sleep)
        self.cycle = cycle
        self._clock = clock
        self._market = market
        self._store = store
        self._activity = activity
        self._now = 0

    def _run(self) -> CycleResult:
        config = self.cycle.config
        self._now = now = self._clock.now()
        window = self._step("fetch market data", self._fetch, retry=True)
        self._activity.heartbeat(
            now=now, last_candle_ts=window.timestamps[-1] if window.timestamps else None
        )
        with self._store.cycle(config.account, config.symbol) as tx:
            state = tx.load(starting_cash=config.starting_cash)
            outcome = self.cycle.decide(state, window, now=now)
            tx.save(outcome)
        return outcome.result

    def _fetch(self) -> CandleSeries:
        config = self.cycle.config
        return self._market.closed_candles(
            config.symbol, config.timeframe, now=self._now, limit=config.window
        )

    def _failure(self, error: ErrorInfo) -> CycleResult:
        config = self.cycle.config
        return CycleResult(
            status=CycleStatus.ERROR,
            account=config.account,
            symbol=config.symbol,
            timeframe=config.timeframe.label,
            strategy=config.strategy,
            timestamp=self._now or self._clock.now(),
            error=error,
        )
