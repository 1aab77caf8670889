from __future__ import annotations

from decimal import Decimal

from bot.domain.candles import Candle
from bot.domain.settings import FillRules, RiskLimits
from bot.domain.trading import Position
from bot.features.execution.exits import StopAndTargetExits

EXITS = StopAndTargetExits(FillRules(), RiskLimits())
POSITION = Position(
    "BTC-USD", Decimal("1.0"), Decimal(100), Decimal(95), Decimal(110), Decimal(120), 0
)


def _reasons(position: Position, candle: Candle) -> list[tuple[str, Decimal, Decimal]]:
    return [(o.reason, o.amount, o.requested_price) for o in EXITS.exit_orders(position, candle)]


def test_a_low_through_the_stop_sells_everything_at_the_stop() -> None:
    assert _reasons(POSITION, Candle(0, 100, 101, 94, 96, 1)) == [
        ("stop_loss", Decimal("1.0"), Decimal(95))
    ]


def test_a_gap_below_the_stop_fills_at_the_open() -> None:
    assert _reasons(POSITION, Candle(0, 90, 91, 89, 90, 1)) == [
        ("stop_loss", Decimal("1.0"), Decimal(90))
    ]


def test_both_levels_in_one_candle_assume_the_stop() -> None:
    assert [r[0] for r in _reasons(POSITION, Candle(0, 100, 125, 90, 100, 1))] == ["stop_loss"]


def test_the_first_target_sells_a_fraction_and_both_targets_in_one_candle_sell_all() -> None:
    assert _reasons(POSITION, Candle(0, 100, 111, 99, 110, 1)) == [
        ("take_profit", Decimal("0.5"), Decimal(110))
    ]
    assert _reasons(POSITION, Candle(0, 100, 121, 99, 120, 1)) == [
        ("take_profit", Decimal("0.5"), Decimal(110)),
        ("take_profit_2", Decimal("0.5"), Decimal(120)),
    ]


def test_without_a_second_target_the_first_sells_everything() -> None:
    single = Position("BTC-USD", Decimal(1), Decimal(100), Decimal(95), Decimal(110), None, 0)
    assert _reasons(single, Candle(0, 100, 111, 99, 110, 1)) == [
        ("take_profit", Decimal(1), Decimal(110))
    ]


def test_nothing_happens_between_the_levels() -> None:
    assert _reasons(POSITION, Candle(0, 100, 105, 96, 101, 1)) == []
