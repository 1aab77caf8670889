from __future__ import annotations

from dataclasses import fields

import pytest

from bot.errors import UsageError
from bot.strategies.fibonacci import FibonacciParams
from bot.strategies.registry import build_strategy
from bot.strategies.sma_cross import SmaCrossParams

OUT_OF_RANGE = [
    ("sma", "fast", "0", "[1, 5000]"),
    ("sma", "slow", "0", "[2, 10000]"),
    ("sma", "slow", "100000000", "[2, 10000]"),
    ("sma", "stop_loss", "nan", "(0, 1)"),
    ("sma", "stop_loss", "-0.5", "(0, 1)"),
    ("sma", "take_profit", "inf", "(0, 10]"),
    ("sma", "fast", "2.5", "[1, 5000]"),
    ("fib", "trend_period", "0", "[1, 10000]"),
    ("fib", "golden_max", "2", "(0.5, 1]"),
    ("fib", "min_reward_risk", "inf", "[0, 100]"),
    ("fib", "lookback", "0", "[3, 10000]"),
    ("fib", "confirm", "-1", "[1, 1000]"),
    ("fib", "stop_buffer", "0.5", "[0, 0.5)"),
]


@pytest.mark.parametrize(("strategy", "name", "value", "span"), OUT_OF_RANGE)
def test_a_value_out_of_range_is_refused_with_the_range_in_the_hint(
    strategy: str, name: str, value: str, span: str
) -> None:
    with pytest.raises(UsageError) as caught:
        build_strategy(strategy, {name: value})

    assert caught.value.code == "bad-parameter"
    assert span in caught.value.message
    assert caught.value.hint.startswith(f"{name} is ")
    assert span in caught.value.hint


@pytest.mark.parametrize(
    ("strategy", "params", "words"),
    [
        ("sma", {"fast": "50"}, "fast must be below slow"),
        ("sma", {"fast": "30", "slow": "20"}, "fast must be below slow"),
        ("fib", {"confirm": "60"}, "confirm must be below lookback"),
        ("fib", {"golden_max": "0.9"}, "at or above the stop level"),
    ],
)
def test_parameters_that_contradict_each_other_are_refused(
    strategy: str, params: dict[str, str], words: str
) -> None:
    with pytest.raises(UsageError) as caught:
        build_strategy(strategy, params)

    assert words in caught.value.message
    assert "in [" in caught.value.hint


@pytest.mark.parametrize("defaults", [SmaCrossParams(), FibonacciParams()])
def test_every_number_has_a_declared_range_its_default_is_in(defaults: object) -> None:
    for spec in fields(defaults):  # type: ignore[arg-type]
        default = getattr(defaults, spec.name)
        if isinstance(default, bool):
            continue
        bounds = spec.metadata["bounds"]
        assert bounds.contains(float(default)), spec.name


def test_values_at_the_edges_of_their_ranges_are_accepted() -> None:
    strategy = build_strategy("sma", {"fast": "1", "slow": "10000", "take_profit": "10"})

    assert (strategy.params.fast, strategy.params.slow) == (1, 10000)
