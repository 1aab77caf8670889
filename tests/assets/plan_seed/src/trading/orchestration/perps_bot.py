"""The central bot: it owns one of each service."""

from __future__ import annotations

from trading.orchestration.configuration import BotConfig
from trading.orchestration.execution_coordinator import ExecutionCoordinator
from trading.orchestration.lifecycle_service import LifecycleService
from trading.orchestration.perps_bot_builder import PerpsBotBuilder
from trading.orchestration.runtime_coordinator import RuntimeCoordinator
from trading.orchestration.strategy_orchestrator import StrategyOrchestrator
from trading.orchestration.system_monitor import SystemMonitor


class PerpsBot:
    def __init__(self, config: BotConfig, name: str = "perps") -> None:
        self.config = config
        self.name = name
        self.perps_bot_builder = PerpsBotBuilder(self)
        self.system_monitor = SystemMonitor(self)
        self.lifecycle_service = LifecycleService(self)
        self.runtime_coordinator = RuntimeCoordinator(self)
        self.strategy_orchestrator = StrategyOrchestrator(self)
        self.execution_coordinator = ExecutionCoordinator(self)

    def services(self) -> list[str]:
        return [
            self.perps_bot_builder.describe(),
            self.system_monitor.describe(),
            self.lifecycle_service.describe(),
            self.runtime_coordinator.describe(),
            self.strategy_orchestrator.describe(),
            self.execution_coordinator.describe(),
        ]
