"""Strategy parameters with a declared type and range, parsed from `NAME=VALUE` strings.

Every field of a strategy's parameter dataclass is declared with `bounded(default, low, high)`;
a value of the wrong type, outside its range (NaN and infinities included) or breaking a
relation between parameters is refused before any candle is read, with the range in the hint.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any, Protocol, TypeVar

from bot.errors import UsageError

__all__ = ["Bounds", "Checked", "bounded", "parse_params", "ranges"]

_TRUE, _FALSE = {"true", "1", "yes"}, {"false", "0", "no"}
_KINDS = {bool: "true or false", int: "an integer", float: "a number"}


@dataclass(frozen=True, slots=True)
class Bounds:
    """A closed range, or open at an end when `low_open` / `high_open` is set."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def contains(self, value: float) -> bool:
        above = value > self.low if self.low_open else value >= self.low
        below = value < self.high if self.high_open else value <= self.high
        return math.isfinite(value) and above and below

    def describe(self) -> str:
        return (
            f"{'(' if self.low_open else '['}{self.low:g}, "
            f"{self.high:g}{')' if self.high_open else ']'}"
        )


def bounded(
    default: Any, low: float, high: float, *, low_open: bool = False, high_open: bool = False
) -> Any:
    """A dataclass field whose values must lie in [low, high] (or an open end)."""
    return field(default=default, metadata={"bounds": Bounds(low, high, low_open, high_open)})


class Checked(Protocol):
    def relation_error(self) -> str | None:
        """Why the values together make no sense, or None."""


P = TypeVar("P", bound=Checked)


def ranges(defaults: Checked) -> str:
    """Each parameter as `name: type in [low, high] (default d)`, for hints and help."""
    parts = []
    for spec in fields(defaults):  # type: ignore[arg-type]
        default = getattr(defaults, spec.name)
        bounds = spec.metadata.get("bounds")
        span = f" in {bounds.describe()}" if bounds is not None else ""
        parts.append(f"{spec.name}: {_KINDS[type(default)]}{span} (default {default})")
    return "; ".join(parts)


def _convert(name: str, text: str, default: Any, bounds: Bounds | None) -> Any:
    kind = type(default)
    wanted = _KINDS[kind] + (f" in {bounds.describe()}" if bounds is not None else "")
    problem = UsageError(
        f"Parameter {name}={text!r} is not {wanted}.",
        code="bad-parameter",
        hint=f"{name} is {wanted} (default {default}).",
    )
    lowered = text.strip().lower()
    if kind is bool:
        if lowered not in _TRUE | _FALSE:
            raise problem
        return lowered in _TRUE
    try:
        value = kind(text)
    except ValueError:
        raise problem from None
    if bounds is not None and not bounds.contains(float(value)):
        raise problem
    return value


def parse_params(defaults: P, given: Mapping[str, str]) -> P:
    """`defaults` with the `given` values, each checked against its type and range."""
    specs = {spec.name: spec for spec in fields(defaults)}  # type: ignore[arg-type]
    unknown = sorted(set(given) - set(specs))
    if unknown:
        raise UsageError(
            f"Unknown strategy parameter(s): {', '.join(unknown)}.",
            code="bad-parameter",
            hint=f"This strategy's parameters: {ranges(defaults)}.",
        )
    values = {
        name: _convert(name, text, getattr(defaults, name), specs[name].metadata.get("bounds"))
        for name, text in given.items()
    }
    params = replace(defaults, **values)  # type: ignore[type-var]
    problem = params.relation_error()
    if problem is not None:
        raise UsageError(
            f"Strategy parameters {problem}.",
            code="bad-parameter",
            hint=f"This strategy's parameters: {ranges(defaults)}.",
        )
    return params
