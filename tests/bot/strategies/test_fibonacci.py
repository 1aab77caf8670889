from __future__ import annotations

import pytest

from bot.domain.trading import Action, Position
from bot.strategies.fibonacci import FibonacciGoldenZone, FibonacciParams
from tests.bot.bot_scenarios import (
    GOLDEN_STOP,
    GOLDEN_TARGET,
    GOLDEN_TARGET_2,
    after,
    golden_zone_candles,
    series,
)


def test_a_close_in_the_golden_zone_of_a_completed_swing_is_a_buy() -> None:
    signal = FibonacciGoldenZone().signal(series(golden_zone_candles()), None)

    assert signal.action is Action.BUY
    assert signal.entry == 101.0
    assert signal.stop_loss == pytest.approx(GOLDEN_STOP)
    assert signal.take_profit == pytest.approx(GOLDEN_TARGET)
    assert signal.take_profit_2 == pytest.approx(GOLDEN_TARGET_2)
    assert signal.extras["swing_low"] == 92.0
    assert signal.extras["swing_high"] == 112.0
    assert signal.extras["zone_low"] == pytest.approx(99.64)
    assert signal.extras["zone_high"] == pytest.approx(102.0)
    assert signal.extras["reward_risk"] == pytest.approx(11 / (101 - GOLDEN_STOP), abs=1e-4)


def test_the_stop_can_sit_below_the_swing_low() -> None:
    params = FibonacciParams(stop_at_swing_low=True, min_reward_risk=1.0)
    signal = FibonacciGoldenZone(params).signal(series(golden_zone_candles()), None)

    assert signal.action is Action.BUY
    assert signal.stop_loss == pytest.approx(92.0 * 0.995)


def test_a_close_above_the_zone_holds() -> None:
    candles = after(golden_zone_candles(), (101.0, 104.0, 103.5))
    signal = FibonacciGoldenZone().signal(series(candles), None)

    assert signal.action is Action.HOLD
    assert "outside the golden zone" in signal.reason


def test_the_upper_edge_of_the_zone_is_a_parameter() -> None:
    candles = after(golden_zone_candles(), (99.0, 101.0, 99.2))
    assert FibonacciGoldenZone().signal(series(candles), None).action is Action.HOLD
    wide = FibonacciGoldenZone(FibonacciParams(golden_max=0.65, min_reward_risk=1.0))
    assert wide.signal(series(candles), None).action is Action.BUY


def test_a_minimum_reward_to_risk_holds_a_poor_entry() -> None:
    strict = FibonacciGoldenZone(FibonacciParams(min_reward_risk=3.0))
    signal = strict.signal(series(golden_zone_candles()), None)

    assert signal.action is Action.HOLD
    assert "reward:risk" in signal.reason


def test_a_swing_high_without_confirmation_holds() -> None:
    candles = golden_zone_candles()[:112]
    signal = FibonacciGoldenZone().signal(series(candles), None)

    assert signal.action is Action.HOLD


def test_a_downtrend_holds() -> None:
    candles = golden_zone_candles()
    signal = FibonacciGoldenZone(FibonacciParams(trend_period=20)).signal(series(candles), None)

    assert signal.action is Action.HOLD
    assert "trend down" in signal.reason


def test_too_few_candles_hold_while_warming_up() -> None:
    signal = FibonacciGoldenZone().signal(series(golden_zone_candles()[:50]), None)

    assert signal.action is Action.HOLD
    assert "warming up" in signal.reason


def test_an_open_position_holds() -> None:
    from decimal import Decimal

    position = Position("BTC-USD", Decimal(1), Decimal(100), Decimal(95), None, None, 0)
    signal = FibonacciGoldenZone().signal(series(golden_zone_candles()), position)

    assert signal.action is Action.HOLD
