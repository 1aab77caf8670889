from __future__ import annotations

from decimal import Decimal

from bot.domain.trading import AccountState, Position
from bot.features.equity.calculator import EquityCalculator

CASH = Decimal("250000000000000000000.12345678")  # 2.5e20, beyond 28 digits once quantised


def test_equity_beyond_1e20_is_computed_not_refused() -> None:
    position = Position(
        "BTC-USD", Decimal("1000000000000.5"), Decimal(1), Decimal(1), None, None, 0
    )
    state = AccountState(
        "a", "BTC-USD", CASH, CASH, Decimal(0), Decimal(0), CASH * 2, position, None, None
    )

    equity = EquityCalculator().equity(state, price=123456789.25)

    assert equity.total == CASH + Decimal("1000000000000.5") * Decimal("123456789.25")
    assert equity.peak == CASH * 2
    assert 0 < equity.drawdown < 1
