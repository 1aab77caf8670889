"""The bot: one cycle over the configured symbols."""

from __future__ import annotations

from app.orchestration.account_telemetry import AccountTelemetry
from app.orchestration.configuration import BotConfig
from app.orchestration.equity_calculator import EquityCalculator
from app.orchestration.market_monitor import MarketMonitor


class Bot:
    def __init__(self, config: BotConfig) -> None:
        self.config = config
        self.monitor = MarketMonitor()
        self.equity = EquityCalculator()
        self.telemetry = AccountTelemetry()

    def run_cycle(self) -> float:
        positions = {}
        for base in self.config.normalized():
            symbol = f"{base}-USD"
            positions[symbol] = (1.0, self.monitor.beat(symbol))
        total = self.equity.total(positions)
        self.telemetry.snapshot(total)
        return total
