"""Property tests of the bot's parsers: whatever text a user passes, each parser either returns
a value inside its declared range or raises the bot's own error, never anything else."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import fields
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.cli_options import SIZE_RANGES, parse_moment, size
from bot.domain.timeframes import Timeframe
from bot.errors import BotError, DataError
from bot.features.market_data.sources.csv_rows import parse_row
from bot.strategies.fibonacci import FibonacciParams
from bot.strategies.registry import build_strategy
from bot.strategies.sma_cross import SmaCrossParams

T = TypeVar("T")


def _attempt(call: Callable[[], T]) -> T | BotError:
    """What `call` returns, or the bot error it raises (any other exception fails the test)."""
    try:
        return call()
    except BotError as error:
        return error


SETTINGS = settings(max_examples=300, deadline=None, database=None, derandomize=True)

# Text that looks like numbers (and what sits near them) finds the range edges; any text
# finds the rest.
NUMBERS = st.one_of(
    st.integers(-(10**12), 10**12).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["nan", "inf", "-inf", "1e400", "0x10", "1_000", " 5 ", "", "true", "no"]),
    st.text(max_size=12),
)
PARAMS = {
    "sma": [spec.name for spec in fields(SmaCrossParams)],
    "fib": [spec.name for spec in fields(FibonacciParams)],
}


@SETTINGS
@given(st.data())
def test_strategy_parameters_are_in_range_or_refused(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(PARAMS)))
    given_params = data.draw(st.dictionaries(st.sampled_from(PARAMS[name]), NUMBERS, max_size=4))
    strategy = _attempt(lambda: build_strategy(name, given_params))
    if isinstance(strategy, BotError):
        assert strategy.code == "bad-parameter"
        assert strategy.hint
        return
    params = strategy.params
    for spec in fields(params):  # type: ignore[arg-type]
        bounds = spec.metadata.get("bounds")
        if bounds is not None:
            assert bounds.contains(float(getattr(params, spec.name))), spec.name
    assert params.relation_error() is None
    assert strategy.warmup <= 10_000


@SETTINGS
@given(st.sampled_from(sorted(SIZE_RANGES)), NUMBERS)
def test_sizes_are_in_range_or_refused(option: str, text: str) -> None:
    low, high, low_open = SIZE_RANGES[option]
    value = _attempt(lambda: size(text, option))
    if isinstance(value, BotError):
        assert value.code == "bad-parameter"
        assert option in value.hint
        return
    assert value.is_finite()
    assert value > low if low_open else value >= low
    assert value <= high


@SETTINGS
@given(st.one_of(st.text(max_size=30), st.datetimes().map(lambda moment: moment.isoformat())))
def test_a_moment_is_in_the_past_from_1970_or_refused(text: str) -> None:
    moment = _attempt(lambda: parse_moment(text))
    if isinstance(moment, BotError):
        assert moment.code in {"bad-parameter", "moment-in-future"}
        return
    assert moment is not None
    assert 0 <= moment <= time.time()


@SETTINGS
@given(st.text(max_size=16))
def test_a_timeframe_is_a_positive_duration_or_none(text: str) -> None:
    timeframe = Timeframe.parse(text)
    assert timeframe is None or timeframe.seconds > 0


@SETTINGS
@given(st.lists(NUMBERS, max_size=8))
def test_a_csv_row_is_a_sane_candle_or_an_error_naming_its_line(row: list[str]) -> None:
    parsed = _attempt(lambda: parse_row(Path("c.csv"), 7, row))
    if isinstance(parsed, BotError):
        assert isinstance(parsed, DataError)
        assert parsed.message.startswith("c.csv:7: ")
        return
    ts, (opened, high, low, close, volume) = parsed
    assert isinstance(ts, int)
    assert 0 < low <= min(opened, close)
    assert max(opened, close) <= high
    assert volume >= 0


@SETTINGS
@given(st.text(max_size=20))
def test_a_starting_cash_of_any_text_is_a_bounded_decimal_or_refused(text: str) -> None:
    cash = _attempt(lambda: size(text, "starting-cash"))
    assert isinstance(cash, BotError) or Decimal(0) < cash <= Decimal(10) ** 12
