"""Starting and stopping the bot."""

from __future__ import annotations

from . import perps_bot as bot_module


class LifecycleService:
    def __init__(self, bot: bot_module.PerpsBot) -> None:
        self._bot = bot

    def begin(self) -> None:
        if not self._bot.is_running:
            self._bot.start()

    def shutdown(self, reason: str) -> None:
        if self._bot.is_running:
            self._bot.stop(reason)
