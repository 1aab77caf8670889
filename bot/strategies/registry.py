"""Strategies by name, with parameters given as `key=value` strings."""

from __future__ import annotations

from collections.abc import Mapping

from bot.errors import UsageError
from bot.strategies.fibonacci import FibonacciGoldenZone, FibonacciParams
from bot.strategies.params import parse_params
from bot.strategies.sma_cross import SmaCross, SmaCrossParams

__all__ = ["STRATEGY_NAMES", "build_strategy"]

STRATEGY_NAMES = ("fib", "sma")


def build_strategy(
    name: str, params: Mapping[str, str] | None = None
) -> FibonacciGoldenZone | SmaCross:
    """The strategy called `name` (`fib` or `sma`) with `params` over its defaults."""
    given = params or {}
    if name == "fib":
        return FibonacciGoldenZone(parse_params(FibonacciParams(), given))
    if name == "sma":
        return SmaCross(parse_params(SmaCrossParams(), given))
    raise UsageError(
        f"Unknown strategy {name!r}.",
        code="unknown-strategy",
        hint=f"Choose one of: {', '.join(STRATEGY_NAMES)}.",
    )
