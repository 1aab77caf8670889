"""The trading rules' parameters, with their documented defaults."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

__all__ = ["FillRules", "RiskLimits"]


@dataclass(frozen=True, slots=True)
class FillRules:
    """How a paper market order fills.

    A market order fills at the last closed candle's close (an exit: at its trigger level, or at
    the candle's open when the candle opened beyond it), moved against the trader by
    `slippage_bps`; `fee_rate` of the notional is charged on every fill; amounts are rounded
    down to `lot_size`.
    """

    slippage_bps: Decimal = Decimal(5)
    fee_rate: Decimal = Decimal("0.001")
    lot_size: Decimal = Decimal("0.0001")


@dataclass(frozen=True, slots=True)
class RiskLimits:
    """The risk guards' limits; each guard refuses an entry with its own reason."""

    position_size: Decimal = Decimal("0.25")
    max_position_fraction: Decimal = Decimal("0.5")
    min_order_value: Decimal = Decimal(10)
    stale_after_timeframes: int = 2
    max_drawdown: Decimal = Decimal("0.25")
    cooldown_candles: int = 3
    first_target_fraction: Decimal = Decimal("0.5")
