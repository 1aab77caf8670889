"""Moving-average momentum: long when the fast average crosses above the slow, short below."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from bot_v2.domain.decisions import Action, Signal

__all__ = ["MomentumStrategy", "average"]


def average(values: Sequence[Decimal]) -> Decimal:
    return sum(values, Decimal(0)) / len(values)


@dataclass(frozen=True, slots=True)
class MomentumStrategy:
    fast: int = 5
    slow: int = 20
    allow_short: bool = True
    name: str = "momentum"

    @property
    def warmup(self) -> int:
        return self.slow + 1

    def signal(self, closes: Sequence[Decimal], position: Decimal) -> Signal:
        """A signal on the last close given the signed position held in the symbol."""
        if len(closes) < self.warmup:
            return Signal(Action.HOLD, f"warming up: {len(closes)} of {self.warmup} closes")
        fast, slow = average(closes[-self.fast :]), average(closes[-self.slow :])
        before = closes[:-1]
        was_above = average(before[-self.fast :]) > average(before[-self.slow :])
        strength = abs(fast - slow) / slow
        if fast > slow and not was_above:
            if position < 0:
                return Signal(Action.CLOSE, "fast average crossed above: cover the short")
            return Signal(Action.BUY, "fast average crossed above the slow", strength)
        if fast < slow and was_above:
            if position > 0:
                return Signal(Action.CLOSE, "fast average crossed below: close the long")
            if self.allow_short:
                return Signal(Action.SELL, "fast average crossed below the slow", strength)
        return Signal(Action.HOLD, "no cross")
