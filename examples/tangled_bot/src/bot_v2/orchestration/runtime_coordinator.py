"""The runtime coordinator: fresh market data every cycle, the reduce-only switch, day start."""

from __future__ import annotations

import contextlib

import bot_v2.orchestration.perps_bot

__all__ = ["RuntimeCoordinator"]


class RuntimeCoordinator:
    def __init__(self, bot: bot_v2.orchestration.perps_bot.PerpsBot) -> None:
        self._bot = bot
        self._reduce_only_reason = ""

    @property
    def reduce_only(self) -> bool:
        return self._bot.engine.risk.reduce_only

    def startup(self) -> None:
        """Start the trading day from the current equity; honour the profile's reduce-only."""
        bot = self._bot
        bot.engine.risk.start_day(bot.equity())
        if bot.config.risk.reduce_only:
            self.set_reduce_only(True, reason=f"profile {bot.config.profile}")
        bot.store.append("startup", bot.clock.now(), profile=bot.config.profile)

    def set_reduce_only(self, enabled: bool, *, reason: str) -> None:
        self._bot.engine.risk.reduce_only = enabled
        self._reduce_only_reason = reason if enabled else ""
        self._bot.store.append("reduce_only", self._bot.clock.now(), enabled=enabled, reason=reason)

    def refresh_markets(self, now: int) -> list[str]:
        """Fetch the new candles of every symbol; the symbols whose data is stale."""
        bot = self._bot
        for symbol in bot.config.symbols:
            # No data for a symbol: the monitor reports it stale below.
            with contextlib.suppress(KeyError):
                bot.market_data.refresh(symbol, now=now)
            bot.market_monitor.heartbeat(
                symbol, now=now, last_candle_ts=bot.market_data.last_candle_ts(symbol)
            )
        return bot.market_monitor.stale_symbols(list(bot.config.symbols), now=now)
