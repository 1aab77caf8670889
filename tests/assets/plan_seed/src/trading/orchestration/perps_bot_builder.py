"""The bot's perps bot builder."""

from __future__ import annotations

from trading.orchestration import perps_bot


class PerpsBotBuilder:
    def __init__(self, bot: perps_bot.PerpsBot) -> None:
        self.bot = bot

    def describe(self) -> str:
        return f"perps_bot_builder of {self.bot.name}"
