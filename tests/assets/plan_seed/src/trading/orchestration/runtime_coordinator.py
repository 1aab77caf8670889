"""The bot's runtime coordinator."""

from __future__ import annotations

from trading.orchestration import perps_bot


class RuntimeCoordinator:
    def __init__(self, bot: perps_bot.PerpsBot) -> None:
        self.bot = bot

    def describe(self) -> str:
        return f"runtime_coordinator of {self.bot.name}"
