"""The strategy orchestrator: asks whichever strategy the bot runs for the cycle's signal."""

from __future__ import annotations

from bot.domain.candles import CandleSeries
from bot.domain.trading import Position, Signal
from bot.orchestration.core.ports import TradingStrategy

__all__ = ["StrategyOrchestrator"]


class StrategyOrchestrator:
    def __init__(self, strategy: TradingStrategy) -> None:
        self._strategy = strategy

    @property
    def name(self) -> str:
        return self._strategy.name

    @property
    def warmup(self) -> int:
        return self._strategy.warmup

    def signal(self, window: CandleSeries, position: Position | None) -> Signal:
        return self._strategy.signal(window, position)
