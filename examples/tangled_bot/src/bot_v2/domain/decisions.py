"""What a strategy signals, what the bot decides to do, and what one cycle did."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from bot_v2.domain.orders import ZERO, Order, Side

__all__ = ["Action", "CycleReport", "Decision", "Signal", "SymbolOutcome"]


class Action(StrEnum):
    BUY = "buy"
    SELL = "sell"
    HOLD = "hold"
    CLOSE = "close"


@dataclass(frozen=True, slots=True)
class Signal:
    action: Action
    reason: str
    strength: Decimal = Decimal(1)


@dataclass(frozen=True, slots=True)
class Decision:
    """An order the bot means to place (or HOLD: nothing to place), with the reason."""

    symbol: str
    action: Action
    quantity: Decimal = ZERO
    reduce_only: bool = False
    reason: str = ""

    @property
    def side(self) -> Side | None:
        if self.action is Action.BUY:
            return Side.BUY
        return Side.SELL if self.action is Action.SELL else None


@dataclass(frozen=True, slots=True)
class SymbolOutcome:
    symbol: str
    mark: Decimal | None
    decision: Decision
    order: Order | None = None
    rejection: str = ""


@dataclass(frozen=True, slots=True)
class CycleReport:
    cycle: int
    timestamp: int
    outcomes: tuple[SymbolOutcome, ...] = ()
    equity: Decimal = ZERO
    skipped: str = ""
    errors: tuple[str, ...] = field(default_factory=tuple)

    @property
    def orders(self) -> tuple[Order, ...]:
        return tuple(o.order for o in self.outcomes if o.order is not None)
