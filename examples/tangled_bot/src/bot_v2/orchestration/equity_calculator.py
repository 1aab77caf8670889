"""The equity calculator: what the account is worth, its margin, drawdown, and order sizes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from bot_v2.domain.orders import ZERO, Balance, Position

__all__ = ["EquityBreakdown", "EquityCalculator"]


@dataclass(frozen=True, slots=True)
class EquityBreakdown:
    cash: Decimal
    unrealised_pnl: Decimal
    margin_used: Decimal
    total: Decimal
    peak: Decimal
    drawdown: Decimal

    @property
    def free_margin(self) -> Decimal:
        return self.total - self.margin_used


class EquityCalculator:
    """Keeps the peak of the equity it has seen, so the drawdown is measured from it."""

    def __init__(self, *, peak: Decimal = ZERO) -> None:
        self._peak = peak

    @property
    def peak(self) -> Decimal:
        return self._peak

    def breakdown(
        self,
        balances: Iterable[Balance],
        positions: Iterable[Position],
        marks: Mapping[str, Decimal],
    ) -> EquityBreakdown:
        cash = sum((b.total for b in balances), ZERO)
        unrealised = ZERO
        margin = ZERO
        for position in positions:
            mark = marks.get(position.symbol, position.entry_price)
            unrealised += position.unrealised_pnl(mark)
            margin += position.margin(mark)
        total = cash + unrealised
        self._peak = max(self._peak, total)
        drawdown = (self._peak - total) / self._peak if self._peak > 0 else ZERO
        return EquityBreakdown(cash, unrealised, margin, total, self._peak, drawdown)

    def total(
        self,
        balances: Iterable[Balance],
        positions: Iterable[Position],
        marks: Mapping[str, Decimal],
    ) -> Decimal:
        return self.breakdown(balances, positions, marks).total

    @staticmethod
    def target_quantity(
        equity: Decimal,
        *,
        fraction: Decimal,
        leverage: int,
        mark: Decimal,
        strength: Decimal = Decimal(1),
    ) -> Decimal:
        """How much to buy or sell: `fraction` of equity, levered, scaled by the signal's strength.

        The strength is capped at 1: a strong signal never sizes above the fraction.
        """
        if mark <= 0 or equity <= 0:
            return ZERO
        scale = min(max(strength, ZERO), Decimal(1))
        notional = equity * fraction * leverage * scale
        return (notional / mark).quantize(Decimal("0.00000001"), rounding=ROUND_DOWN)

    @staticmethod
    def return_on_equity(start: Decimal, end: Decimal) -> Decimal:
        if start <= 0:
            return ZERO
        return ((end - start) / start).quantize(Decimal("0.0001"))

    @staticmethod
    def liquidation_price(position: Position, *, maintenance: Decimal = Decimal("0.05")) -> Decimal:
        """Where the position's margin would be gone, less the maintenance fraction."""
        move = position.entry_price * (Decimal(1) / position.leverage - maintenance)
        if position.quantity > 0:
            return max(position.entry_price - move, ZERO)
        return position.entry_price + move
