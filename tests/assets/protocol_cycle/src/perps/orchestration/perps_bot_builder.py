"""Describes how a bot is put together."""

from __future__ import annotations

from perps.orchestration import perps_bot


class PerpsBotBuilder:
    def __init__(self, bot: perps_bot.PerpsBot) -> None:
        self._bot = bot

    def summary(self) -> str:
        mode = "dry run" if self._bot.config.dry_run else "live"
        return f"{', '.join(self._bot.symbols)} ({mode})"
