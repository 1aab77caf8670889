"""The bot's execution coordinator."""

from __future__ import annotations

from trading.orchestration import perps_bot


class ExecutionCoordinator:
    def __init__(self, bot: perps_bot.PerpsBot) -> None:
        self.bot = bot

    def describe(self) -> str:
        return f"execution_coordinator of {self.bot.name}"
