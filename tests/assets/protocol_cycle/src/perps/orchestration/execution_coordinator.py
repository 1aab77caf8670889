"""Places (simulated) orders."""

from __future__ import annotations

from perps.orchestration import perps_bot


class ExecutionCoordinator:
    def __init__(self, bot: perps_bot.PerpsBot) -> None:
        self.bot = bot

    def execute(self, symbol: str) -> bool:
        """Buy the configured quantity of `symbol` at its mark; False without a price."""
        price = self.bot.mark_price(symbol)
        if price is None:
            return False
        self.bot.record_fill(symbol, self.bot.config.quantity, price)
        return True
