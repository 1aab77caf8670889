from __future__ import annotations

import pytest

from bot.errors import UsageError
from bot.strategies.fibonacci import FibonacciGoldenZone
from bot.strategies.registry import build_strategy


def test_parameters_are_converted_to_their_types() -> None:
    strategy = build_strategy("fib", {"golden_max": "0.65", "stop_at_swing_low": "true"})

    assert isinstance(strategy, FibonacciGoldenZone)
    assert strategy.params.golden_max == 0.65
    assert strategy.params.stop_at_swing_low is True


@pytest.mark.parametrize(
    ("name", "params", "code"),
    [
        ("grid", {}, "unknown-strategy"),
        ("fib", {"nope": "1"}, "bad-parameter"),
        ("sma", {"fast": "abc"}, "bad-parameter"),
    ],
)
def test_bad_strategies_and_parameters_are_usage_errors(
    name: str, params: dict[str, str], code: str
) -> None:
    with pytest.raises(UsageError) as caught:
        build_strategy(name, params)

    assert caught.value.code == code
    assert caught.value.hint
