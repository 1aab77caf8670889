"""The bot's strategy orchestrator."""

from __future__ import annotations

from trading.orchestration import perps_bot


class StrategyOrchestrator:
    def __init__(self, bot: perps_bot.PerpsBot) -> None:
        self.bot = bot

    def describe(self) -> str:
        return f"strategy_orchestrator of {self.bot.name}"
