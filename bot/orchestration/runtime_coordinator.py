"""The runtime coordinator: which closed candles are new to this account, and are they sane."""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain.candles import Candle, CandleSeries
from bot.domain.trading import AccountState, Rejection
from bot.orchestration.configuration import BotConfig
from bot.orchestration.core.ports import DataGuard

__all__ = ["RuntimeCoordinator"]


class RuntimeCoordinator:
    def __init__(self, config: BotConfig, guards: Sequence[DataGuard]) -> None:
        self._config = config
        self._guards = tuple(guards)

    def new_candles(self, state: AccountState, window: CandleSeries) -> list[Candle]:
        """Closed candles this account has not processed yet.

        A fresh account starts at the last closed candle: it has no position whose stop or
        targets older candles could have hit.
        """
        if not window.timestamps:
            return []
        if state.last_candle_ts is None:
            return [window.candle(-1)]
        return window.since(state.last_candle_ts)

    def check(self, window: CandleSeries, new: Sequence[Candle], *, now: int) -> Rejection | None:
        """The first data guard's refusal, or None when the candles can be traded on."""
        for guard in self._guards:
            rejection = guard.check_data(window, new, now=now, timeframe=self._config.timeframe)
            if rejection is not None:
                return rejection
        return None
