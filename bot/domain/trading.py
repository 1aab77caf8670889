"""Shared DTOs of a trading cycle: signals, orders, fills, positions, account state, results.

Money and amounts are `Decimal` (quantised to `QUANTUM`) so that the accounting identities
hold exactly; candle prices stay floats until they become part of an order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Context, Decimal
from enum import StrEnum
from functools import lru_cache

__all__ = [
    "QUANTUM",
    "ZERO",
    "AccountState",
    "Action",
    "CycleResult",
    "CycleStatus",
    "EquityView",
    "ErrorInfo",
    "Fill",
    "OrderRequest",
    "Position",
    "PositionView",
    "Rejection",
    "Signal",
    "quantised",
    "to_decimal",
]

QUANTUM = Decimal("0.00000001")
ZERO = Decimal(0)
# Quantising to 1e-8 in Python's default 28 digits fails from 1e20 on; 60 digits reach 1e52.
_MONEY = Context(prec=60)


def quantised(value: Decimal) -> Decimal:
    """`value` rounded (half even) to `QUANTUM`, at any size an account can reach."""
    return value.quantize(QUANTUM, context=_MONEY)


def to_decimal(value: float | Decimal) -> Decimal:
    """A price or amount as a Decimal quantised to `QUANTUM` (floats go through their repr)."""
    if isinstance(value, Decimal):
        return quantised(value)
    return _float_to_decimal(value)


@lru_cache(maxsize=256)
def _float_to_decimal(value: float) -> Decimal:
    # A cycle converts the same close several times (equity, telemetry, orders).
    return quantised(Decimal(repr(value)))


class Action(StrEnum):
    BUY = "BUY"
    SELL = "SELL"
    HOLD = "HOLD"


class CycleStatus(StrEnum):
    EXECUTED = "executed"
    HOLD = "hold"
    NO_NEW_CANDLE = "no_new_candle"
    REJECTED = "rejected"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Signal:
    """What a strategy wants on the last closed candle, with its levels and its own extras."""

    action: Action
    reason: str
    entry: float | None = None
    stop_loss: float | None = None
    take_profit: float | None = None
    take_profit_2: float | None = None
    extras: Mapping[str, float | str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class OrderRequest:
    """A market order the execution coordinator asks the fill model to simulate."""

    side: str
    symbol: str
    amount: Decimal
    requested_price: Decimal
    reason: str


@dataclass(frozen=True, slots=True)
class Fill:
    """A simulated fill: `slippage` and `fee` are in quote units; `realised_pnl` is gross."""

    side: str
    symbol: str
    reason: str
    amount: Decimal
    requested_price: Decimal
    fill_price: Decimal
    fee: Decimal
    slippage: Decimal
    realised_pnl: Decimal
    candle_ts: int

    @property
    def cash_flow(self) -> Decimal:
        """What the fill adds to (sell) or takes from (buy) the cash balance, fee included."""
        notional = quantised(self.amount * self.fill_price)
        return (notional if self.side == "sell" else -notional) - self.fee


@dataclass(frozen=True, slots=True)
class Position:
    """The one open spot long position of a symbol; `entry_price` is the average fill price."""

    symbol: str
    amount: Decimal
    entry_price: Decimal
    stop_loss: Decimal
    take_profit: Decimal | None
    take_profit_2: Decimal | None
    opened_ts: int
    first_target_done: bool = False


@dataclass(frozen=True, slots=True)
class AccountState:
    """A paper account as one cycle sees it, and as the cycle leaves it."""

    account: str
    symbol: str
    starting_cash: Decimal
    cash: Decimal
    realised_pnl: Decimal
    fees: Decimal
    peak_equity: Decimal
    position: Position | None
    last_candle_ts: int | None
    cooldown_until: int | None

    def advanced(self, *, last_candle_ts: int, peak_equity: Decimal) -> AccountState:
        """This state with its cursor moved to `last_candle_ts` (built directly: a hot path)."""
        return AccountState(
            self.account,
            self.symbol,
            self.starting_cash,
            self.cash,
            self.realised_pnl,
            self.fees,
            peak_equity,
            self.position,
            last_candle_ts,
            self.cooldown_until,
        )


@dataclass(frozen=True, slots=True)
class Rejection:
    """Why a risk guard refused: the guard's name and its reason."""

    guard: str
    reason: str


@dataclass(frozen=True, slots=True)
class PositionView:
    cash_balance: Decimal
    asset_balance: Decimal
    price: Decimal
    value: Decimal


@dataclass(frozen=True, slots=True)
class EquityView:
    total: Decimal
    realised_pnl: Decimal
    fees: Decimal
    drawdown: Decimal
    peak: Decimal


@dataclass(frozen=True, slots=True)
class ErrorInfo:
    type: str
    message: str
    hint: str = ""
    #: The exit code the command ends with: 2 for input to fix, 1 for a run that failed.
    exit_code: int = 1


@dataclass(frozen=True, slots=True)
class CycleResult:
    """The one result a cycle prints and stores."""

    status: CycleStatus
    account: str
    symbol: str
    timeframe: str
    strategy: str
    timestamp: int
    candle_ts: int | None = None
    signal: Signal | None = None
    fills: tuple[Fill, ...] = ()
    rejection: Rejection | None = None
    position: PositionView | None = None
    equity: EquityView | None = None
    error: ErrorInfo | None = None

    @property
    def trade_executed(self) -> bool:
        return bool(self.fills)
