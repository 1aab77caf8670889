"""The bot builder: assembles coordinators and orchestrators from a config and its adapters."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.orchestration.configuration import BotConfig
from bot.orchestration.core.ports import (
    AccountStore,
    ActivityMonitor,
    Clock,
    DataGuard,
    EquityCalculator,
    ExitPolicy,
    FillModel,
    MarketData,
    OrderGuard,
    Telemetry,
    TradingStrategy,
)
from bot.orchestration.execution_coordinator import ExecutionCoordinator
from bot.orchestration.lifecycle import LifecycleService
from bot.orchestration.orchestrators.paper_trading import PaperTradingOrchestrator
from bot.orchestration.paper_bot import PaperBot
from bot.orchestration.runtime_coordinator import RuntimeCoordinator
from bot.orchestration.strategy_orchestrator import StrategyOrchestrator
from bot.orchestration.system_monitor import SystemMonitor
from bot.orchestration.trading_cycle import TradingCycle

__all__ = ["BotAdapters", "BotBuilder"]


@dataclass(frozen=True)
class BotAdapters:
    """One implementation of every port; the composition root (or a test) fills it."""

    clock: Clock
    market: MarketData
    store: AccountStore
    strategy: TradingStrategy
    data_guards: Sequence[DataGuard]
    order_guards: Sequence[OrderGuard]
    fill_model: FillModel
    exits: ExitPolicy
    equity: EquityCalculator
    telemetry: Telemetry
    activity: ActivityMonitor
    sleep: Callable[[float], None]


class BotBuilder:
    def __init__(self, config: BotConfig, adapters: BotAdapters) -> None:
        self._config = config
        self._adapters = adapters

    def build_cycle(self) -> TradingCycle:
        config, a = self._config, self._adapters
        execution = ExecutionCoordinator(
            config,
            fill_model=a.fill_model,
            exits=a.exits,
            guards=a.order_guards,
            equity=a.equity,
        )
        return TradingCycle(
            config,
            runtime=RuntimeCoordinator(config, a.data_guards),
            strategy=StrategyOrchestrator(a.strategy),
            execution=execution,
            equity=a.equity,
            telemetry=a.telemetry,
        )

    def build_orchestrator(self) -> PaperTradingOrchestrator:
        a = self._adapters
        return PaperTradingOrchestrator(
            self.build_cycle(),
            clock=a.clock,
            market=a.market,
            store=a.store,
            activity=a.activity,
            sleep=a.sleep,
        )

    def build(self) -> tuple[PaperBot, LifecycleService]:
        """The bot and the lifecycle that drives it."""
        bot = PaperBot(self._config, self.build_orchestrator())
        lifecycle = LifecycleService(
            bot, run_cycle=bot.run_cycle, wait=bot.wait, monitor=SystemMonitor(bot)
        )
        return bot, lifecycle
