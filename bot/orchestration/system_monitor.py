"""The system monitor: counts cycle outcomes and stops a bot that keeps failing."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass

from bot.domain.trading import CycleResult, CycleStatus
from bot.orchestration.core.bot_interface import IBotRuntime

__all__ = ["MonitorSummary", "SystemMonitor"]


@dataclass(frozen=True, slots=True)
class MonitorSummary:
    cycles: int
    by_status: dict[str, int]
    consecutive_errors: int
    last_error: str | None


class SystemMonitor:
    def __init__(self, runtime: IBotRuntime, *, logger: logging.Logger | None = None) -> None:
        self._runtime = runtime
        self._counts: Counter[str] = Counter()
        self._consecutive_errors = 0
        self._last_error: str | None = None
        self._log = logger or logging.getLogger("bot.monitor")

    def record(self, result: CycleResult) -> None:
        """Count `result`; after `max_consecutive_errors` errors in a row, stop the bot."""
        self._counts[result.status.value] += 1
        if result.status is not CycleStatus.ERROR:
            self._consecutive_errors = 0
            return
        self._consecutive_errors += 1
        self._last_error = result.error.message if result.error else None
        limit = self._runtime.config.max_consecutive_errors
        if self._consecutive_errors >= limit:
            self._log.error("%d errors in a row: stopping the bot", self._consecutive_errors)
            self._runtime.stop()

    def summary(self) -> MonitorSummary:
        return MonitorSummary(
            cycles=sum(self._counts.values()),
            by_status=dict(sorted(self._counts.items())),
            consecutive_errors=self._consecutive_errors,
            last_error=self._last_error,
        )
