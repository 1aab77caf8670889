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


# Written as a CSV would: the 3 last closes and the 8 last average exactly 2.30, and a candle
# earlier the fast average was below. In floats the fast one comes out 2.3000000000000003.
TIE = [2.38, 2.27, 2.27, 2.29, 2.36, 2.31, 2.2, 2.36, 2.34]


def test_averages_equal_on_paper_are_not_a_cross() -> None:
    strategy = SmaCross(SmaCrossParams(fast=3, slow=8))

    assert sum(TIE[-3:]) / 3 > sum(TIE[-8:]) / 8  # what floats alone would decide
    assert strategy.signal(_series(TIE), None).action is Action.HOLD


def test_a_real_cross_by_a_cent_still_buys() -> None:
    strategy = SmaCross(SmaCrossParams(fast=3, slow=8))

    assert strategy.signal(_series([*TIE[:-1], 2.35]), None).action is Action.BUY
