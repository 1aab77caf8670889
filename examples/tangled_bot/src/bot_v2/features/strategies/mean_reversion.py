"""Mean reversion: fade a close that strays `entry_z` deviations from its average."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from bot_v2.domain.decisions import Action, Signal
from bot_v2.features.strategies.momentum import average

__all__ = ["MeanReversionStrategy"]


@dataclass(frozen=True, slots=True)
class MeanReversionStrategy:
    lookback: int = 20
    entry_z: Decimal = Decimal(2)
    exit_z: Decimal = Decimal("0.5")
    allow_short: bool = True
    name: str = "mean_reversion"

    @property
    def warmup(self) -> int:
        return self.lookback

    def signal(self, closes: Sequence[Decimal], position: Decimal) -> Signal:
        if len(closes) < self.warmup:
            return Signal(Action.HOLD, f"warming up: {len(closes)} of {self.warmup} closes")
        window = closes[-self.lookback :]
        mean = average(window)
        deviation = (sum(((c - mean) ** 2 for c in window), Decimal(0)) / len(window)).sqrt()
        if deviation == 0:
            return Signal(Action.HOLD, "flat market")
        z = (closes[-1] - mean) / deviation
        if position != 0 and abs(z) <= self.exit_z:
            return Signal(Action.CLOSE, f"back to the mean (z={z:.2f})")
        if position == 0 and z <= -self.entry_z:
            return Signal(Action.BUY, f"stretched below the mean (z={z:.2f})", abs(z))
        if position == 0 and z >= self.entry_z and self.allow_short:
            return Signal(Action.SELL, f"stretched above the mean (z={z:.2f})", abs(z))
        return Signal(Action.HOLD, f"z={z:.2f} within the band")
