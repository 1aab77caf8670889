"""Risk guards: each one checks one rule and, when it refuses, says why.

Data guards run on every new candle before anything trades (exits included); order guards run
on every entry order. A refusal becomes a `rejected` result carrying the guard's reason.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal

from bot.domain.candles import Candle, CandleSeries
from bot.domain.settings import RiskLimits
from bot.domain.timeframes import Timeframe, iso
from bot.domain.trading import AccountState, OrderRequest, Rejection

__all__ = [
    "BadDataGuard",
    "CooldownGuard",
    "DrawdownKillSwitch",
    "MaxPositionFractionGuard",
    "MinOrderValueGuard",
    "OnePositionGuard",
    "StaleDataGuard",
]


class StaleDataGuard:
    """Refuses when the last closed candle closed `stale_after_timeframes` timeframes ago."""

    name = "stale_data"

    def __init__(self, limits: RiskLimits) -> None:
        self._timeframes = limits.stale_after_timeframes

    def check_data(
        self, window: CandleSeries, new: Sequence[Candle], *, now: int, timeframe: Timeframe
    ) -> Rejection | None:
        if not window.timestamps:
            return Rejection(self.name, "no closed candle in the data")
        closed_at = window.timestamps[-1] + timeframe.seconds
        if now - closed_at >= self._timeframes * timeframe.seconds:
            return Rejection(
                self.name,
                f"the last closed candle closed at {iso(closed_at)}, "
                f"{self._timeframes} timeframes or more before {iso(now)}",
            )
        return None


class BadDataGuard:
    """Refuses candles with a NaN, a zero or negative price, or a high below the low."""

    name = "bad_data"

    def check_data(
        self, window: CandleSeries, new: Sequence[Candle], *, now: int, timeframe: Timeframe
    ) -> Rejection | None:
        for candle in new:
            prices = (candle.open, candle.high, candle.low, candle.close)
            if not (math.isfinite(sum(prices)) and min(prices) > 0):
                return Rejection(self.name, f"candle {iso(candle.ts)} has a missing or zero price")
            if candle.high < candle.low:
                return Rejection(self.name, f"candle {iso(candle.ts)} has its high below its low")
        return None


class MaxPositionFractionGuard:
    """Refuses an entry worth more than `max_position_fraction` of equity."""

    name = "max_position_fraction"

    def __init__(self, limits: RiskLimits) -> None:
        self._fraction = limits.max_position_fraction

    def check_order(
        self, order: OrderRequest, state: AccountState, *, equity: Decimal, candle_ts: int
    ) -> Rejection | None:
        value = order.amount * order.requested_price
        if value > equity * self._fraction:
            return Rejection(
                self.name,
                f"order value {value:.2f} exceeds {self._fraction} of equity {equity:.2f}",
            )
        return None


class OnePositionGuard:
    """Refuses a second position in a symbol: spot, long only, one position at a time."""

    name = "one_position_per_symbol"

    def check_order(
        self, order: OrderRequest, state: AccountState, *, equity: Decimal, candle_ts: int
    ) -> Rejection | None:
        if state.position is not None:
            return Rejection(self.name, f"a position in {state.symbol} is already open")
        return None


class MinOrderValueGuard:
    """Refuses an order worth less than `min_order_value` quote units (after lot rounding)."""

    name = "min_order_value"

    def __init__(self, limits: RiskLimits) -> None:
        self._minimum = limits.min_order_value

    def check_order(
        self, order: OrderRequest, state: AccountState, *, equity: Decimal, candle_ts: int
    ) -> Rejection | None:
        value = order.amount * order.requested_price
        if value < self._minimum:
            return Rejection(self.name, f"order value {value:.2f} is below {self._minimum}")
        return None


class DrawdownKillSwitch:
    """Refuses every entry once equity is `max_drawdown` or more below its peak."""

    name = "max_drawdown"

    def __init__(self, limits: RiskLimits) -> None:
        self._limit = limits.max_drawdown

    def check_order(
        self, order: OrderRequest, state: AccountState, *, equity: Decimal, candle_ts: int
    ) -> Rejection | None:
        peak = max(state.peak_equity, equity)
        drawdown = (peak - equity) / peak if peak > 0 else Decimal(0)
        if drawdown >= self._limit:
            return Rejection(
                self.name, f"drawdown {drawdown:.2%} reached the kill switch at {self._limit:.0%}"
            )
        return None


class CooldownGuard:
    """Refuses entries for `cooldown_candles` candles after a stop-out."""

    name = "cooldown"

    def check_order(
        self, order: OrderRequest, state: AccountState, *, equity: Decimal, candle_ts: int
    ) -> Rejection | None:
        if state.cooldown_until is not None and candle_ts < state.cooldown_until:
            return Rejection(
                self.name, f"cooling down after a stop-out until {iso(state.cooldown_until)}"
            )
        return None
