"""The bot's system monitor."""

from __future__ import annotations

from trading.orchestration import perps_bot


class SystemMonitor:
    def __init__(self, bot: perps_bot.PerpsBot) -> None:
        self.bot = bot

    def describe(self) -> str:
        return f"system_monitor of {self.bot.name}"
