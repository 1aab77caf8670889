"""The bot's lifecycle service."""

from __future__ import annotations

from trading.orchestration import perps_bot


class LifecycleService:
    def __init__(self, bot: perps_bot.PerpsBot) -> None:
        self.bot = bot

    def describe(self) -> str:
        return f"lifecycle_service of {self.bot.name}"
