from __future__ import annotations

from decimal import Decimal
from unittest import mock

from bot_v2.domain.orders import Balance, Position
from bot_v2.orchestration.equity_calculator import EquityCalculator

BALANCES = [Balance("USD", Decimal(1000), Decimal(1000))]
LONG = Position("BTC-PERP", Decimal("0.1"), Decimal(50000), leverage=2)


def test_equity_tracks_its_peak() -> None:
    calculator = EquityCalculator()
    up = calculator.breakdown(BALANCES, [LONG], {"BTC-PERP": Decimal(51000)})
    down = calculator.breakdown(BALANCES, [LONG], {"BTC-PERP": Decimal(49000)})
    assert (up.total, down.total, down.peak) == (Decimal(1100), Decimal(900), Decimal(1100))
    assert down.margin_used == Decimal(2450)
    assert down.drawdown == Decimal(200) / Decimal(1100)


def test_orders_are_sized_from_equity() -> None:
    size = EquityCalculator.target_quantity(
        Decimal(1000), fraction=Decimal("0.5"), leverage=2, mark=Decimal(100)
    )
    assert size == Decimal(10)
    weak = EquityCalculator.target_quantity(
        Decimal(1000), fraction=Decimal("0.5"), leverage=2, mark=Decimal(100), strength=Decimal(9)
    )
    assert weak == size  # the strength is capped at 1


def test_liquidation_and_returns() -> None:
    assert EquityCalculator.liquidation_price(LONG) == Decimal(27500)
    assert EquityCalculator.return_on_equity(Decimal(1000), Decimal(1100)) == Decimal("0.1")


def test_the_bot_reads_equity_through_the_calculator() -> None:
    from bot_v2.orchestration.perps_bot_builder import build_bot

    bot = build_bot("dev")
    with mock.patch(
        "bot_v2.orchestration.equity_calculator.EquityCalculator.total",
        return_value=Decimal(42),
    ):
        assert bot.equity() == Decimal(42)
