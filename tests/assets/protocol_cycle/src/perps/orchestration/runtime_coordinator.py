"""Keeps the bot's market state current."""

from __future__ import annotations

import perps.orchestration.perps_bot as pb


class RuntimeCoordinator:
    def __init__(self, bot: pb.PerpsBot) -> None:
        self.bot: pb.PerpsBot = bot

    def update_marks(self, prices: dict[str, float]) -> int:
        """Store the prices of the bot's symbols; return how many were stored."""
        stored = 0
        for symbol in self.bot.symbols:
            if symbol in prices:
                self.bot.marks[symbol] = prices[symbol]
                stored += 1
        return stored
