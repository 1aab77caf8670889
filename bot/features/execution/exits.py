"""The exit policy: stop-loss and take-profit checked against each candle's low and high.

Within one candle the path between high and low is unknown, so when a candle reaches both the
stop and a target the stop is assumed to have filled first (the conservative reading). A level
the candle opened beyond fills at the open. With a second target, the first target sells
`first_target_fraction` of the position and the stop moves up to the entry price.
"""

from __future__ import annotations

from decimal import Decimal

from bot.domain.candles import Candle
from bot.domain.settings import FillRules, RiskLimits
from bot.domain.trading import OrderRequest, Position, to_decimal
from bot.features.execution.fill_model import round_to_lot

__all__ = ["StopAndTargetExits"]


class StopAndTargetExits:
    def __init__(self, rules: FillRules, limits: RiskLimits) -> None:
        self._lot = rules.lot_size
        self._first_fraction = limits.first_target_fraction

    def exit_orders(self, position: Position, candle: Candle) -> list[OrderRequest]:
        opened = to_decimal(candle.open)
        if to_decimal(candle.low) <= position.stop_loss:
            price = min(position.stop_loss, opened)
            return [self._sell(position, position.amount, price, "stop_loss")]
        high = to_decimal(candle.high)
        return self._targets(position, high, opened)

    def _targets(self, position: Position, high: Decimal, opened: Decimal) -> list[OrderRequest]:
        first, second = position.take_profit, position.take_profit_2
        remaining = position.amount
        orders: list[OrderRequest] = []
        if first is not None and not position.first_target_done and high >= first:
            part = remaining
            if second is not None:
                part = round_to_lot(remaining * self._first_fraction, self._lot)
                part = part if 0 < part < remaining else remaining
            orders.append(self._sell(position, part, max(first, opened), "take_profit"))
            remaining -= part
        second_due = remaining > 0 and second is not None and high >= second
        if second_due and second is not None and (orders or position.first_target_done):
            orders.append(self._sell(position, remaining, max(second, opened), "take_profit_2"))
        return orders

    def signal_exit(self, position: Position, *, price: float) -> OrderRequest:
        return self._sell(position, position.amount, to_decimal(price), "signal_exit")

    @staticmethod
    def _sell(position: Position, amount: Decimal, price: Decimal, reason: str) -> OrderRequest:
        return OrderRequest("sell", position.symbol, amount, price, reason)
