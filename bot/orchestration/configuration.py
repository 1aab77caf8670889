"""The bot's configuration: one frozen value the builder, the runtime and the monitor share."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from bot.domain.settings import FillRules, RiskLimits
from bot.domain.timeframes import Timeframe

__all__ = ["DEFAULT_STARTING_CASH", "BotConfig"]

DEFAULT_STARTING_CASH = Decimal(10000)


@dataclass(frozen=True, slots=True)
class BotConfig:
    """What one bot trades, how, and with which limits.

    `window` is how many closed candles a cycle gives the strategy (the composition root sets
    it from the strategy's warm-up): the dry-run and the backtest use the same number, so they
    see the same candles and take the same decisions.
    """

    account: str
    symbol: str
    timeframe: Timeframe
    strategy: str
    window: int = 200
    starting_cash: Decimal = DEFAULT_STARTING_CASH
    risk: RiskLimits = field(default_factory=RiskLimits)
    fills: FillRules = field(default_factory=FillRules)
    max_retries: int = 3
    max_consecutive_errors: int = 5
