"""The perpetuals bot: owns the broker, the data and the store, and builds its six services.

Each service is handed the bot itself and reaches back for what it needs (the config, the
broker, the store, `is_running`, `stop`): the services import this module and this module
imports them.
"""

from __future__ import annotations

import logging
from decimal import Decimal

from bot_v2.domain.decisions import Action, CycleReport, Decision, SymbolOutcome
from bot_v2.features.clock import SteppingClock
from bot_v2.orchestration import (
    execution_coordinator,
    lifecycle_service,
    perps_bot_builder,
    runtime_coordinator,
    strategy_orchestrator,
    system_monitor,
)
from bot_v2.orchestration.configuration import BotConfig
from bot_v2.orchestration.live_execution import LiveExecutionEngine, PaperBroker
from bot_v2.orchestration.market_data_service import MarketDataService
from bot_v2.orchestration.market_monitor import MarketActivityMonitor
from bot_v2.persistence.event_store import EventStore

__all__ = ["PerpsBot"]

_log = logging.getLogger("bot_v2.perps_bot")


class PerpsBot:
    def __init__(self, config: BotConfig, components: perps_bot_builder.BotComponents) -> None:
        self.config = config
        self.broker: PaperBroker = components.broker
        self.store: EventStore = components.store
        self.market_data: MarketDataService = components.market_data
        self.market_monitor: MarketActivityMonitor = components.market_monitor
        self.engine: LiveExecutionEngine = components.engine
        self.clock: SteppingClock = components.clock
        self.cycle_count = 0
        self.stop_reason = ""
        self._running = True
        self.system_monitor = system_monitor.SystemMonitor(self, components.telemetry)
        self.lifecycle = lifecycle_service.LifecycleService(self)
        self.runtime = runtime_coordinator.RuntimeCoordinator(self)
        self.strategy = strategy_orchestrator.StrategyOrchestrator(
            self, components.strategy, profiles=components.profiles, equity=components.equity
        )
        self.execution = execution_coordinator.ExecutionCoordinator(self)

    @classmethod
    def from_config(cls, config: BotConfig) -> PerpsBot:
        """A dry-run bot on the sample market, wired by the builder."""
        return perps_bot_builder.PerpsBotBuilder(config).build()

    @property
    def is_running(self) -> bool:
        return self._running

    def stop(self, reason: str = "") -> None:
        if self._running:
            self._running = False
            self.stop_reason = reason
            self.store.append("stop", self.clock.now(), reason=reason)
            _log.info("stopping: %s", reason or "asked to")

    def equity(self) -> Decimal:
        return self.strategy.equity.total(
            self.broker.balances(), self.broker.positions(), self.market_data.marks()
        )

    def run_cycle(self) -> CycleReport:
        """One cycle at the clock's time: data, then per symbol a decision and its order."""
        self.cycle_count += 1
        now = self.clock.now()
        errors: list[str] = []
        outcomes: list[SymbolOutcome] = []
        stale = self.runtime.refresh_markets(now)
        for symbol in self.config.symbols:
            if symbol in stale:
                hold = Decision(symbol, Action.HOLD, reason="market data is stale")
                outcomes.append(SymbolOutcome(symbol, self.market_data.mark(symbol), hold))
                continue
            try:
                outcomes.append(self.execution.execute(self.strategy.decide(symbol)))
            except Exception as error:  # one symbol failing must not stop the others
                errors.append(f"{symbol}: {type(error).__name__}: {error}")
        report = CycleReport(
            cycle=self.cycle_count,
            timestamp=now,
            outcomes=tuple(outcomes),
            equity=self.equity(),
            errors=tuple(errors),
        )
        self.system_monitor.record(report)
        self.clock.advance()
        return report

    def run(self, cycles: int | None = None) -> list[CycleReport]:
        return self.lifecycle.run(cycles)
