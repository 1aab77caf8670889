from __future__ import annotations

from decimal import Decimal

import pytest

from bot.domain.candles import Candle, CandleSeries
from bot.domain.trading import Action, Position
from bot.strategies.sma_cross import SmaCross, SmaCrossParams


def _series(closes: list[float]) -> CandleSeries:
    return CandleSeries.from_candles(
        [Candle(i * 3600, c, c + 1, c - 1, c, 1.0) for i, c in enumerate(closes)]
    )


STRATEGY = SmaCross(SmaCrossParams(fast=2, slow=4))
POSITION = Position("BTC-USD", Decimal(1), Decimal(100), Decimal(90), None, None, 0)


def test_a_cross_up_buys_with_percentage_stop_and_target() -> None:
    signal = STRATEGY.signal(_series([10, 10, 10, 10, 9, 9, 12]), None)

    assert signal.action is Action.BUY
    assert signal.stop_loss == pytest.approx(12 * 0.97)
    assert signal.take_profit == pytest.approx(12 * 1.06)


def test_a_cross_down_sells_an_open_position() -> None:
    signal = STRATEGY.signal(_series([10, 10, 10, 10, 11, 11, 8]), POSITION)

    assert signal.action is Action.SELL


def test_no_cross_holds() -> None:
    assert STRATEGY.signal(_series([10, 11, 12, 13, 14, 15, 16]), None).action is Action.HOLD
    assert STRATEGY.signal(_series([10, 11, 12, 13, 14, 15, 16]), POSITION).action is Action.HOLD


def test_warm_up() -> None:
    assert STRATEGY.signal(_series([10, 11]), None).reason.startswith("warming up")
