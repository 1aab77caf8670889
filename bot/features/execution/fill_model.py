"""The paper fill model: market orders, slippage against the trader, a fee on every fill."""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal

from bot.domain.settings import FillRules
from bot.domain.trading import ZERO, Fill, OrderRequest, quantised, to_decimal

__all__ = ["PaperFillModel", "round_to_lot"]

_BPS = Decimal(10000)


def round_to_lot(amount: Decimal, lot: Decimal) -> Decimal:
    """`amount` rounded down to a whole number of lots."""
    return quantised((amount / lot).to_integral_value(rounding=ROUND_FLOOR) * lot)


class PaperFillModel:
    """Simulates fills under `FillRules` (see its docstring for the rules)."""

    def __init__(self, rules: FillRules) -> None:
        self.rules = rules
        self._slip = rules.slippage_bps / _BPS

    def entry_order(
        self, symbol: str, *, price: float, budget: Decimal, reason: str
    ) -> OrderRequest:
        requested = to_decimal(price)
        unit_cost = requested * (1 + self._slip) * (1 + self.rules.fee_rate)
        amount = round_to_lot(budget / unit_cost, self.rules.lot_size) if budget > 0 else ZERO
        return OrderRequest("buy", symbol, amount, requested, reason)

    def fill(self, order: OrderRequest, *, candle_ts: int, entry_price: Decimal | None) -> Fill:
        direction = 1 if order.side == "buy" else -1
        price = quantised(order.requested_price * (1 + direction * self._slip))
        notional = quantised(order.amount * price)
        fee = quantised(notional * self.rules.fee_rate)
        slippage = quantised(abs(price - order.requested_price) * order.amount)
        realised = ZERO
        if order.side == "sell" and entry_price is not None:
            realised = quantised((price - entry_price) * order.amount)
        return Fill(
            side=order.side,
            symbol=order.symbol,
            reason=order.reason,
            amount=order.amount,
            requested_price=order.requested_price,
            fill_price=price,
            fee=fee,
            slippage=slippage,
            realised_pnl=realised,
            candle_ts=candle_ts,
        )
