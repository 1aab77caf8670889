"""Order execution: product rules, pre-trade risk checks, and a paper broker that fills.

`LiveExecutionEngine.place` rounds a request to the product's increments, checks it against
the risk limits (leverage, position size, daily loss, slippage, reduce-only, kill switch) and
sends it to the broker. `PaperBroker` fills market orders at the mark moved against the trader
by the slippage, charges a fee on the notional, and keeps positions and realised PnL.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from decimal import ROUND_DOWN, Decimal
from typing import Protocol

from bot_v2.domain.orders import (
    ZERO,
    Balance,
    Order,
    OrderRequest,
    OrderStatus,
    OrderType,
    Position,
    Side,
)

__all__ = [
    "PRODUCTS",
    "Broker",
    "ExecutionError",
    "LiveExecutionEngine",
    "LiveRiskManager",
    "PaperBroker",
    "ProductSpec",
    "RiskLimits",
    "product_for",
]

_BPS = Decimal(10000)


class ExecutionError(RuntimeError):
    """The broker could not take an order at all (not a risk refusal)."""


@dataclass(frozen=True, slots=True)
class ProductSpec:
    symbol: str
    min_size: Decimal
    size_increment: Decimal
    price_increment: Decimal
    max_leverage: int = 1

    def round_size(self, quantity: Decimal) -> Decimal:
        steps = (quantity / self.size_increment).to_integral_value(rounding=ROUND_DOWN)
        return steps * self.size_increment

    def round_price(self, price: Decimal) -> Decimal:
        return price.quantize(self.price_increment)


PRODUCTS: dict[str, ProductSpec] = {
    "BTC": ProductSpec("BTC", Decimal("0.0001"), Decimal("0.0001"), Decimal("0.01"), 10),
    "ETH": ProductSpec("ETH", Decimal("0.001"), Decimal("0.001"), Decimal("0.01"), 10),
    "SOL": ProductSpec("SOL", Decimal("0.01"), Decimal("0.01"), Decimal("0.001"), 5),
    "XRP": ProductSpec("XRP", Decimal(1), Decimal(1), Decimal("0.0001"), 5),
    "DOGE": ProductSpec("DOGE", Decimal(10), Decimal(1), Decimal("0.00001"), 3),
}


def product_for(symbol: str) -> ProductSpec:
    """The rules of `symbol`'s base; a spot symbol trades without leverage."""
    base, _, quote = symbol.partition("-")
    if base not in PRODUCTS:
        raise ExecutionError(f"no product for {symbol!r}")
    spec = PRODUCTS[base]
    return replace(spec, symbol=symbol, max_leverage=spec.max_leverage if quote == "PERP" else 1)


@dataclass(frozen=True, slots=True)
class RiskLimits:
    max_leverage: int = 3
    max_position_notional: Decimal = Decimal(25000)
    daily_loss_limit: Decimal = Decimal(1000)
    min_notional: Decimal = Decimal(10)
    max_slippage_bps: Decimal = Decimal(50)


@dataclass
class LiveRiskManager:
    """Pre-trade checks; a refusal is a sentence saying which limit and by how much."""

    limits: RiskLimits
    reduce_only: bool = False
    kill_switch: bool = False
    day_start_equity: Decimal | None = None
    refusals: list[str] = field(default_factory=list)

    def start_day(self, equity: Decimal) -> None:
        self.day_start_equity = equity

    def check(
        self,
        request: OrderRequest,
        *,
        mark: Decimal,
        position: Position | None,
        equity: Decimal,
        product: ProductSpec,
    ) -> str | None:
        reason = self._first_refusal(request, mark, position, equity, product)
        if reason is not None:
            self.refusals.append(reason)
        return reason

    def _first_refusal(
        self,
        request: OrderRequest,
        mark: Decimal,
        position: Position | None,
        equity: Decimal,
        product: ProductSpec,
    ) -> str | None:
        held = position.quantity if position else ZERO
        after = held + request.side.sign * request.quantity
        reduces = abs(after) < abs(held) and after * held >= 0
        if self.kill_switch:
            return "kill switch is on: no new orders"
        if (self.reduce_only or request.reduce_only) and not reduces:
            return "reduce-only: the order would open or grow a position"
        if reduces:
            return None
        leverage_cap = min(self.limits.max_leverage, product.max_leverage)
        if request.leverage > leverage_cap:
            return f"leverage {request.leverage}x is above the cap {leverage_cap}x"
        notional = request.quantity * mark
        if notional < self.limits.min_notional:
            return f"notional {notional:.2f} is below the minimum {self.limits.min_notional}"
        if abs(after) * mark > self.limits.max_position_notional:
            return (
                f"position of {abs(after) * mark:.2f} would exceed "
                f"{self.limits.max_position_notional}"
            )
        if abs(after) * mark / request.leverage > equity:
            return f"margin of {abs(after) * mark / request.leverage:.2f} exceeds equity {equity}"
        return self._check_slippage(request, mark) or self._check_daily_loss(equity)

    def _check_slippage(self, request: OrderRequest, mark: Decimal) -> str | None:
        if request.order_type is not OrderType.LIMIT or request.limit_price is None:
            return None
        drift = abs(request.limit_price - mark) / mark * _BPS
        if drift > self.limits.max_slippage_bps:
            return f"limit price {drift:.1f} bps from the mark (max {self.limits.max_slippage_bps})"
        return None

    def _check_daily_loss(self, equity: Decimal) -> str | None:
        if self.day_start_equity is None:
            return None
        loss = self.day_start_equity - equity
        if loss >= self.limits.daily_loss_limit:
            self.reduce_only = True
            return f"daily loss {loss:.2f} reached the limit {self.limits.daily_loss_limit}"
        return None


class Broker(Protocol):
    def place_order(self, request: OrderRequest) -> Order: ...

    def position(self, symbol: str) -> Position | None: ...

    def positions(self) -> list[Position]: ...

    def balances(self) -> list[Balance]: ...

    def mark(self, symbol: str) -> Decimal | None: ...

    def cancel_all(self) -> int: ...


class PaperBroker:
    """A broker in memory: market orders fill at once, limit orders when marketable."""

    def __init__(
        self,
        cash: Decimal,
        *,
        fee_bps: Decimal = Decimal(6),
        slippage_bps: Decimal = Decimal(2),
        quote: str = "USD",
    ) -> None:
        self.cash = cash
        self.quote = quote
        self.realised_pnl = ZERO
        self.fees_paid = ZERO
        self._fee = fee_bps / _BPS
        self._slip = slippage_bps / _BPS
        self._positions: dict[str, Position] = {}
        self._marks: dict[str, Decimal] = {}
        self._open: dict[str, OrderRequest] = {}
        self._ids = itertools.count(1)

    def update_mark(self, symbol: str, price: Decimal) -> list[Order]:
        """Set the mark; resting limit orders that became marketable fill (returned)."""
        self._marks[symbol] = price
        filled = []
        for order_id, request in list(self._open.items()):
            if request.symbol == symbol and self._marketable(request, price):
                del self._open[order_id]
                filled.append(self._fill(order_id, request, price))
        return filled

    def mark(self, symbol: str) -> Decimal | None:
        return self._marks.get(symbol)

    def place_order(self, request: OrderRequest) -> Order:
        order_id = f"paper-{next(self._ids):06d}"
        mark = self._marks.get(request.symbol)
        if mark is None:
            raise ExecutionError(f"no mark price for {request.symbol}")
        if request.order_type is OrderType.LIMIT and not self._marketable(request, mark):
            self._open[order_id] = request
            return Order(order_id, request, OrderStatus.OPEN)
        return self._fill(order_id, request, mark)

    @staticmethod
    def _marketable(request: OrderRequest, mark: Decimal) -> bool:
        if request.limit_price is None:
            return True
        if request.side is Side.BUY:
            return mark <= request.limit_price
        return mark >= request.limit_price

    def _fill(self, order_id: str, request: OrderRequest, mark: Decimal) -> Order:
        price = mark * (1 + request.side.sign * self._slip)
        fee = request.quantity * price * self._fee
        realised = self._apply(request, price)
        self.cash += realised - fee
        self.fees_paid += fee
        self.realised_pnl += realised
        return Order(
            order_id,
            request,
            OrderStatus.FILLED,
            filled_quantity=request.quantity,
            average_price=price,
            fee=fee,
            realised_pnl=realised,
        )

    def _apply(self, request: OrderRequest, price: Decimal) -> Decimal:
        """Update the position with a fill; the PnL realised by the part that closes."""
        held = self._positions.get(request.symbol)
        delta = request.side.sign * request.quantity
        if held is None or held.quantity == 0:
            self._positions[request.symbol] = Position(
                request.symbol, delta, price, request.leverage
            )
            return ZERO
        after = held.quantity + delta
        if held.quantity * delta > 0:  # the same direction: average the entry
            entry = (held.entry_price * held.quantity + price * delta) / after
            self._positions[request.symbol] = replace(held, quantity=after, entry_price=entry)
            return ZERO
        closed = min(abs(delta), abs(held.quantity))
        realised = (price - held.entry_price) * closed * (1 if held.quantity > 0 else -1)
        if after == 0:
            del self._positions[request.symbol]
        elif after * held.quantity > 0:
            self._positions[request.symbol] = replace(held, quantity=after)
        else:  # flipped: the rest opens at this price
            self._positions[request.symbol] = Position(
                request.symbol, after, price, request.leverage
            )
        return realised

    def position(self, symbol: str) -> Position | None:
        return self._positions.get(symbol)

    def positions(self) -> list[Position]:
        return [self._positions[s] for s in sorted(self._positions)]

    def balances(self) -> list[Balance]:
        margin = sum(
            (p.margin(self._marks.get(p.symbol, p.entry_price)) for p in self._positions.values()),
            ZERO,
        )
        return [Balance(self.quote, self.cash, self.cash - margin)]

    def cancel_all(self) -> int:
        count = len(self._open)
        self._open.clear()
        return count


class LiveExecutionEngine:
    """Rounds, checks and sends orders; keeps every order and refusal, in order."""

    def __init__(
        self,
        broker: Broker,
        risk: LiveRiskManager,
        *,
        equity: Callable[[], Decimal],
        products: Mapping[str, ProductSpec] | None = None,
    ) -> None:
        self.broker = broker
        self.risk = risk
        self._equity = equity
        self._products = products
        self.orders: list[Order] = []

    def _product(self, symbol: str) -> ProductSpec:
        if self._products is not None and symbol in self._products:
            return self._products[symbol]
        return product_for(symbol)

    def place(
        self,
        symbol: str,
        side: Side,
        quantity: Decimal,
        *,
        leverage: int = 1,
        reduce_only: bool = False,
        limit_price: Decimal | None = None,
    ) -> Order:
        """The order as the broker took it, or a REJECTED order carrying the refusal."""
        product = self._product(symbol)
        request = OrderRequest(
            symbol=symbol,
            side=side,
            quantity=product.round_size(quantity),
            order_type=OrderType.LIMIT if limit_price is not None else OrderType.MARKET,
            limit_price=product.round_price(limit_price) if limit_price is not None else None,
            reduce_only=reduce_only,
            leverage=leverage,
            client_id=f"{symbol}-{len(self.orders) + 1}",
        )
        order = self._submit(request, product)
        self.orders.append(order)
        return order

    def _submit(self, request: OrderRequest, product: ProductSpec) -> Order:
        rejected = f"rejected-{len(self.orders) + 1:06d}"
        if request.quantity < product.min_size:
            reason = f"size {request.quantity} is below the minimum {product.min_size}"
            return Order(rejected, request, OrderStatus.REJECTED, reason=reason)
        mark = self.broker.mark(request.symbol)
        if mark is None:
            return Order(rejected, request, OrderStatus.REJECTED, reason="no mark price yet")
        refusal = self.risk.check(
            request,
            mark=mark,
            position=self.broker.position(request.symbol),
            equity=self._equity(),
            product=product,
        )
        if refusal is not None:
            return Order(rejected, request, OrderStatus.REJECTED, reason=refusal)
        return self.broker.place_order(request)

    def close_position(self, symbol: str) -> Order | None:
        """A reduce-only market order that flattens `symbol`; None when nothing is held."""
        position = self.broker.position(symbol)
        if position is None or position.side is None:
            return None
        return self.place(
            symbol,
            position.side.opposite(),
            abs(position.quantity),
            leverage=position.leverage,
            reduce_only=True,
        )

    def filled(self) -> list[Order]:
        return [o for o in self.orders if o.status is OrderStatus.FILLED]

    def rejected(self) -> list[Order]:
        return [o for o in self.orders if o.status is OrderStatus.REJECTED]
