"""The lifecycle service: one cycle, or cycles every `interval` seconds until stopped."""

from __future__ import annotations

from collections.abc import Callable

from bot.domain.trading import CycleResult
from bot.orchestration.core.bot_interface import IBotRuntime
from bot.orchestration.system_monitor import SystemMonitor

__all__ = ["LifecycleService"]


class LifecycleService:
    """Drives a runtime; a stop request takes effect between cycles, never inside one."""

    def __init__(
        self,
        runtime: IBotRuntime,
        *,
        run_cycle: Callable[[], CycleResult],
        wait: Callable[[float], bool],
        monitor: SystemMonitor,
    ) -> None:
        self._runtime = runtime
        self._run_cycle = run_cycle
        self._wait = wait
        self.monitor = monitor

    def run_once(self) -> CycleResult:
        result = self._run_cycle()
        self.monitor.record(result)
        return result

    def run_forever(
        self,
        interval: float,
        on_result: Callable[[CycleResult], None],
        *,
        max_cycles: int | None = None,
    ) -> int:
        """Run cycles until the runtime stops (or `max_cycles`); returns how many ran."""
        count = 0
        while self._runtime.is_running:
            on_result(self.run_once())
            count += 1
            if max_cycles is not None and count >= max_cycles:
                break
            if not self._runtime.is_running or self._wait(interval):
                break
        return count
