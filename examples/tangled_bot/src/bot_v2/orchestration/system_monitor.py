"""The system monitor: counts cycle outcomes, records account snapshots, stops a failing bot."""

from __future__ import annotations

from collections import Counter

from bot_v2.domain.decisions import CycleReport
from bot_v2.orchestration import perps_bot
from bot_v2.orchestration.account_telemetry import AccountTelemetryService

__all__ = ["SystemMonitor"]


class SystemMonitor:
    def __init__(self, bot: perps_bot.PerpsBot, telemetry: AccountTelemetryService) -> None:
        self._bot = bot
        self.telemetry = telemetry
        self.counts: Counter[str] = Counter()
        self.consecutive_errors = 0

    def record(self, report: CycleReport) -> None:
        """Count `report`, snapshot the account; after `max_errors` failed cycles, stop the bot."""
        self.counts["cycles"] += 1
        self.counts["orders"] += len(report.orders)
        self.counts["rejections"] += sum(1 for o in report.outcomes if o.rejection)
        snapshot = self.telemetry.collect(report.timestamp)
        self._bot.store.append(
            "cycle",
            report.timestamp,
            cycle=report.cycle,
            orders=len(report.orders),
            equity=f"{snapshot.equity:.2f}" if snapshot else "",
        )
        if not report.errors:
            self.consecutive_errors = 0
            return
        self.counts["errors"] += 1
        self.consecutive_errors += 1
        if self.consecutive_errors >= self._bot.config.max_errors:
            self._bot.stop(f"{self.consecutive_errors} failed cycles in a row")

    def status(self) -> dict[str, int]:
        return {
            **dict(sorted(self.counts.items())),
            "consecutive_errors": self.consecutive_errors,
            "running": int(self._bot.is_running),
        }
