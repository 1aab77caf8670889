"""The equity calculator: how a fill changes the account, and what the account is worth.

Identities it keeps (tested after every cycle): cash + asset x price == equity; realised PnL
and fees are the sums of the fills' own figures; cash moves by exactly each fill's cash flow.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from bot.domain.trading import (
    ZERO,
    AccountState,
    EquityView,
    Fill,
    Position,
    Signal,
    quantised,
    to_decimal,
)

__all__ = ["EquityCalculator"]


class EquityCalculator:
    def apply_fill(self, state: AccountState, fill: Fill, *, signal: Signal | None) -> AccountState:
        cash = state.cash + fill.cash_flow
        fees = state.fees + fill.fee
        if fill.side == "buy":
            return replace(state, cash=cash, fees=fees, position=self._opened(fill, signal))
        position = state.position
        remaining = position.amount - fill.amount if position else ZERO
        if position is None or remaining <= 0:
            kept: Position | None = None
        elif fill.reason == "take_profit":
            stop = max(position.stop_loss, position.entry_price)
            kept = replace(position, amount=remaining, stop_loss=stop, first_target_done=True)
        else:
            kept = replace(position, amount=remaining)
        realised = state.realised_pnl + fill.realised_pnl
        return replace(state, cash=cash, fees=fees, realised_pnl=realised, position=kept)

    @staticmethod
    def _opened(fill: Fill, signal: Signal | None) -> Position:
        def level(value: float | None) -> Decimal | None:
            return None if value is None else to_decimal(value)

        stop = level(signal.stop_loss) if signal else None
        return Position(
            symbol=fill.symbol,
            amount=fill.amount,
            entry_price=fill.fill_price,
            stop_loss=stop if stop is not None else ZERO,
            take_profit=level(signal.take_profit) if signal else None,
            take_profit_2=level(signal.take_profit_2) if signal else None,
            opened_ts=fill.candle_ts,
        )

    def equity(self, state: AccountState, *, price: float) -> EquityView:
        asset = state.position.amount if state.position else ZERO
        value = quantised(asset * to_decimal(price)) if asset else ZERO
        total = state.cash + value
        peak = max(state.peak_equity, total)
        drawdown = quantised((peak - total) / peak) if peak > 0 else ZERO
        return EquityView(total, state.realised_pnl, state.fees, drawdown, peak)
