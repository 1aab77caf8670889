"""The lifecycle service: starts the bot, runs its cycles until it stops, shuts it down."""

from __future__ import annotations

import logging

from bot_v2.domain.decisions import CycleReport
from bot_v2.orchestration import perps_bot

__all__ = ["LifecycleService"]

_log = logging.getLogger("bot_v2.lifecycle")


class LifecycleService:
    def __init__(self, bot: perps_bot.PerpsBot) -> None:
        self._bot = bot
        self.reports: list[CycleReport] = []

    def run(self, cycles: int | None = None) -> list[CycleReport]:
        """Cycles until the bot stops, `cycles` runs, or the config's `max_cycles` (0: none)."""
        limit = cycles if cycles is not None else self._bot.config.max_cycles or None
        self._bot.runtime.startup()
        ran: list[CycleReport] = []
        while self._bot.is_running and (limit is None or len(ran) < limit):
            report = self._bot.run_cycle()
            ran.append(report)
            self.reports.append(report)
        self.shutdown()
        return ran

    def shutdown(self) -> None:
        """Cancel resting orders; a reduce-only or stopping bot also flattens its positions."""
        bot = self._bot
        cancelled = bot.broker.cancel_all()
        closed = 0
        if bot.config.live and bot.runtime.reduce_only:
            for position in bot.broker.positions():
                if bot.engine.close_position(position.symbol) is not None:
                    closed += 1
        bot.store.append("shutdown", bot.clock.now(), cancelled=cancelled, closed=closed)
        if bot.is_running:
            bot.stop("run finished")
        _log.info("shut down: %d orders cancelled, %d positions closed", cancelled, closed)
