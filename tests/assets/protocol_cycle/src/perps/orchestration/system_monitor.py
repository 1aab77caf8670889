"""Health figures of a running bot."""

from __future__ import annotations

import perps.orchestration.perps_bot


class SystemMonitor:
    def __init__(self, bot: perps.orchestration.perps_bot.PerpsBot) -> None:
        self.bot = bot

    def health(self) -> dict[str, object]:
        return {"running": self.bot.is_running, "cycles": self.bot.cycles}
