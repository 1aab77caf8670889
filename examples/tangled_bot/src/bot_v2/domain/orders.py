"""Orders, fills and positions of a perpetuals account (quantities signed: short is negative)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

__all__ = [
    "ZERO",
    "Balance",
    "Order",
    "OrderRequest",
    "OrderStatus",
    "OrderType",
    "Position",
    "Side",
]

ZERO = Decimal(0)


class Side(StrEnum):
    BUY = "buy"
    SELL = "sell"

    @property
    def sign(self) -> int:
        return 1 if self is Side.BUY else -1

    def opposite(self) -> Side:
        return Side.SELL if self is Side.BUY else Side.BUY


class OrderType(StrEnum):
    MARKET = "market"
    LIMIT = "limit"


class OrderStatus(StrEnum):
    FILLED = "filled"
    OPEN = "open"
    REJECTED = "rejected"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class OrderRequest:
    symbol: str
    side: Side
    quantity: Decimal
    order_type: OrderType = OrderType.MARKET
    limit_price: Decimal | None = None
    reduce_only: bool = False
    leverage: int = 1
    client_id: str = ""


@dataclass(frozen=True, slots=True)
class Order:
    """What the broker did with a request; a filled order carries its price and fee."""

    id: str
    request: OrderRequest
    status: OrderStatus
    filled_quantity: Decimal = ZERO
    average_price: Decimal | None = None
    fee: Decimal = ZERO
    realised_pnl: Decimal = ZERO
    reason: str = ""

    @property
    def notional(self) -> Decimal:
        return self.filled_quantity * (self.average_price or ZERO)


@dataclass(frozen=True, slots=True)
class Position:
    symbol: str
    quantity: Decimal
    entry_price: Decimal
    leverage: int = 1

    @property
    def side(self) -> Side | None:
        if self.quantity > 0:
            return Side.BUY
        return Side.SELL if self.quantity < 0 else None

    def notional(self, mark: Decimal) -> Decimal:
        return abs(self.quantity) * mark

    def unrealised_pnl(self, mark: Decimal) -> Decimal:
        return (mark - self.entry_price) * self.quantity

    def margin(self, mark: Decimal) -> Decimal:
        return self.notional(mark) / max(self.leverage, 1)


@dataclass(frozen=True, slots=True)
class Balance:
    asset: str
    total: Decimal
    available: Decimal
