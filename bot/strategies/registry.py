"""Strategies by name, with parameters given as `key=value` strings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, replace
from typing import Any

from bot.errors import UsageError
from bot.strategies.fibonacci import FibonacciGoldenZone, FibonacciParams
from bot.strategies.sma_cross import SmaCross, SmaCrossParams

__all__ = ["STRATEGY_NAMES", "build_strategy"]

STRATEGY_NAMES = ("fib", "sma")


def _convert(name: str, text: str, default: Any) -> Any:
    try:
        if isinstance(default, bool):
            if text.lower() not in {"true", "false", "1", "0", "yes", "no"}:
                raise ValueError(text)
            return text.lower() in {"true", "1", "yes"}
        return type(default)(text)
    except ValueError:
        raise UsageError(
            f"Parameter {name}={text!r} is not a {type(default).__name__}.",
            code="bad-parameter",
            hint="Pass --param NAME=VALUE with a value of the parameter's type.",
        ) from None


def _params(defaults: Any, given: Mapping[str, str]) -> Any:
    known = {f.name: getattr(defaults, f.name) for f in fields(defaults)}
    unknown = sorted(set(given) - set(known))
    if unknown:
        raise UsageError(
            f"Unknown strategy parameter(s): {', '.join(unknown)}.",
            code="bad-parameter",
            hint=f"This strategy's parameters: {', '.join(known)}.",
        )
    return replace(defaults, **{k: _convert(k, v, known[k]) for k, v in given.items()})


def build_strategy(
    name: str, params: Mapping[str, str] | None = None
) -> FibonacciGoldenZone | SmaCross:
    """The strategy called `name` (`fib` or `sma`) with `params` over its defaults."""
    given = params or {}
    if name == "fib":
        return FibonacciGoldenZone(_params(FibonacciParams(), given))
    if name == "sma":
        return SmaCross(_params(SmaCrossParams(), given))
    raise UsageError(
        f"Unknown strategy {name!r}.",
        code="unknown-strategy",
        hint=f"Choose one of: {', '.join(STRATEGY_NAMES)}.",
    )
