"""Decides what to trade."""

from __future__ import annotations

from perps.orchestration import perps_bot


class StrategyOrchestrator:
    def __init__(self, bot: perps_bot.PerpsBot) -> None:
        self._bot = bot

    @property
    def bot(self) -> perps_bot.PerpsBot:
        return self._bot

    def signals(self) -> list[str]:
        """The symbols with a known price."""
        return [s for s in self._bot.symbols if self._bot.mark_price(s) is not None]


def cheapest(bot: perps_bot.PerpsBot) -> str | None:
    """The symbol with the lowest known price."""
    priced = [(bot.mark_price(s, default=0.0) or 0.0, s) for s in bot.symbols]
    return min(priced)[1] if priced else None
