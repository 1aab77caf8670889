"""The paper bot: the runtime behind `IBotRuntime`, running one orchestrator's cycles."""

from __future__ import annotations

import threading
from typing import Protocol

from bot.domain.trading import CycleResult
from bot.orchestration.configuration import BotConfig

__all__ = ["CycleRunner", "PaperBot"]


class CycleRunner(Protocol):
    def execute(self) -> CycleResult: ...


class PaperBot:
    """Runs cycles until stopped; `stop` may come from a signal handler or another thread."""

    def __init__(self, config: BotConfig, orchestrator: CycleRunner) -> None:
        self._config = config
        self._orchestrator = orchestrator
        self._stopped = threading.Event()

    @property
    def config(self) -> BotConfig:
        return self._config

    @property
    def is_running(self) -> bool:
        return not self._stopped.is_set()

    def stop(self) -> None:
        self._stopped.set()

    def run_cycle(self) -> CycleResult:
        return self._orchestrator.execute()

    def wait(self, seconds: float) -> bool:
        """Sleep up to `seconds`; True when woken early by `stop`."""
        return self._stopped.wait(seconds)
