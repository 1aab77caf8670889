"""Account telemetry: what the account holds at a price, as a result shows it."""

from __future__ import annotations

from bot.domain.trading import ZERO, AccountState, PositionView, quantised, to_decimal

__all__ = ["AccountTelemetry"]


class AccountTelemetry:
    def position_view(self, state: AccountState, *, price: float) -> PositionView:
        asset = state.position.amount if state.position else ZERO
        mark = to_decimal(price)
        value = quantised(asset * mark) if asset else ZERO
        return PositionView(cash_balance=state.cash, asset_balance=asset, price=mark, value=value)
