"""The bot: its configuration and state, and the six services that run it."""

from __future__ import annotations

from perps.orchestration.configuration import BotConfig
from perps.orchestration.execution_coordinator import ExecutionCoordinator
from perps.orchestration.lifecycle_service import LifecycleService
from perps.orchestration.perps_bot_builder import PerpsBotBuilder
from perps.orchestration.runtime_coordinator import RuntimeCoordinator
from perps.orchestration.strategy_orchestrator import StrategyOrchestrator
from perps.orchestration.system_monitor import SystemMonitor


class PerpsBot:
    """A paper-trading bot for perpetual futures."""

    MAX_SYMBOLS = 10

    def __init__(self, config: BotConfig) -> None:
        self.config = config
        self.marks: dict[str, float] = {}
        self.fills: list[tuple[str, float, float]] = []
        self.cycles = 0
        self._running = False
        self.stop_reason: str | None = None
        self.builder = PerpsBotBuilder(self)
        self.monitor = SystemMonitor(self)
        self.lifecycle = LifecycleService(self)
        self.runtime = RuntimeCoordinator(self)
        self.strategy = StrategyOrchestrator(self)
        self.execution = ExecutionCoordinator(self)

    @property
    def is_running(self) -> bool:
        """Whether the bot is between start() and stop()."""
        return self._running

    @property
    def symbols(self) -> tuple[str, ...]:
        return self.config.symbols

    def start(self) -> None:
        self._running = True

    def stop(self, reason: str = "requested") -> None:
        self._running = False
        self.stop_reason = reason

    def mark_price(self, symbol: str, *, default: float | None = None) -> float | None:
        """The last price seen for `symbol`, else `default`."""
        return self.marks.get(symbol, default)

    def record_fill(self, symbol: str, quantity: float, price: float) -> None:
        self.fills.append((symbol, quantity, price))

    def run_cycle(self, prices: dict[str, float]) -> list[str]:
        """One trading cycle over `prices`: the symbols traded."""
        self.lifecycle.begin()
        self.runtime.update_marks(prices)
        traded = [s for s in self.strategy.signals() if self.execution.execute(s)]
        self.cycles += 1
        return traded
