"""The ports the orchestration layer talks to; the composition root plugs adapters into them.

Every port is a `typing.Protocol`, so adapters (features, persistence, tests' fakes) conform
by shape and never import this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from bot.domain.candles import Candle, CandleSeries
from bot.domain.timeframes import Timeframe
from bot.domain.trading import (
    AccountState,
    CycleResult,
    EquityView,
    Fill,
    OrderRequest,
    Position,
    PositionView,
    Rejection,
    Signal,
)

__all__ = [
    "AccountStore",
    "ActivityMonitor",
    "Clock",
    "CycleOutcome",
    "CycleTransaction",
    "DataGuard",
    "EquityCalculator",
    "ExitPolicy",
    "FillModel",
    "MarketData",
    "OrderGuard",
    "Telemetry",
    "TradingStrategy",
]


class Clock(Protocol):
    def now(self) -> int:
        """The current time in epoch seconds."""
        ...


class MarketData(Protocol):
    def closed_candles(
        self, symbol: str, timeframe: Timeframe, *, now: int, limit: int
    ) -> CandleSeries:
        """The last `limit` candles that closed at or before `now`, oldest first."""
        ...


class ActivityMonitor(Protocol):
    def heartbeat(self, *, now: int, last_candle_ts: int | None) -> None:
        """Record that market data arrived at `now` with its newest closed candle."""
        ...


class TradingStrategy(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def warmup(self) -> int:
        """How many closed candles the strategy needs before it can signal."""
        ...

    def signal(self, window: CandleSeries, position: Position | None) -> Signal:
        """The action on the window's last candle; pure and deterministic."""
        ...


class DataGuard(Protocol):
    def check_data(
        self, window: CandleSeries, new: Sequence[Candle], *, now: int, timeframe: Timeframe
    ) -> Rejection | None:
        """Why the candles cannot be traded on (stale, bad values), or None."""
        ...


class OrderGuard(Protocol):
    def check_order(
        self, order: OrderRequest, state: AccountState, *, equity: Decimal, candle_ts: int
    ) -> Rejection | None:
        """Why this entry order must not be placed, or None."""
        ...


class FillModel(Protocol):
    def entry_order(
        self, symbol: str, *, price: float, budget: Decimal, reason: str
    ) -> OrderRequest:
        """A market buy of about `budget` quote units, its amount rounded down to the lot."""
        ...

    def fill(self, order: OrderRequest, *, candle_ts: int, entry_price: Decimal | None) -> Fill:
        """The simulated fill of `order`, with slippage and fee."""
        ...


class ExitPolicy(Protocol):
    def exit_orders(self, position: Position, candle: Candle) -> list[OrderRequest]:
        """The stop-loss or take-profit sells `candle` triggers (the stop wins when both do)."""
        ...

    def signal_exit(self, position: Position, *, price: float) -> OrderRequest:
        """A market sell of the whole position at `price` (a strategy's SELL)."""
        ...


class EquityCalculator(Protocol):
    def apply_fill(self, state: AccountState, fill: Fill, *, signal: Signal | None) -> AccountState:
        """The account after `fill` (cash, position, realised PnL, fees)."""
        ...

    def equity(self, state: AccountState, *, price: float) -> EquityView:
        """Equity at `price`: cash + asset x price, realised PnL, fees, drawdown from the peak."""
        ...


class Telemetry(Protocol):
    def position_view(self, state: AccountState, *, price: float) -> PositionView: ...


@dataclass(frozen=True, slots=True)
class CycleOutcome:
    """What a cycle decided: the account after it, its fills and its printed result."""

    state: AccountState
    fills: tuple[Fill, ...]
    result: CycleResult
    changed: bool


class CycleTransaction(Protocol):
    def load(self, *, starting_cash: Decimal) -> AccountState:
        """The account and its position in this symbol (created on first use)."""
        ...

    def save(self, outcome: CycleOutcome) -> None:
        """Store the outcome; it becomes visible when the transaction commits."""
        ...


class AccountStore(Protocol):
    def cycle(self, account: str, symbol: str) -> AbstractContextManager[CycleTransaction]:
        """One exclusive transaction: commits on normal exit, rolls back on an exception."""
        ...
