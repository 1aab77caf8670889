"""The moving-average crossover strategy.

Rules, on the window's last closed candle (parameters in `SmaCrossParams`):
- No position: buy when the `fast` SMA of closes crosses above the `slow` SMA on this candle
  (at or below one candle earlier, above now); stop at close x (1 - stop_loss), take profit at
  close x (1 + take_profit).
- Position open: sell when the fast SMA crosses below the slow SMA; otherwise hold.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.candles import CandleSeries
from bot.domain.trading import Action, Position, Signal
from bot.strategies.indicators import compare_sma, sma
from bot.strategies.params import bounded

__all__ = ["SmaCross", "SmaCrossParams"]


@dataclass(frozen=True, slots=True)
class SmaCrossParams:
    fast: int = bounded(20, 1, 5_000)
    slow: int = bounded(50, 2, 10_000)
    stop_loss: float = bounded(0.03, 0, 1, low_open=True, high_open=True)
    take_profit: float = bounded(0.06, 0, 10, low_open=True)

    def relation_error(self) -> str | None:
        if self.fast >= self.slow:
            return f"fast={self.fast} and slow={self.slow}: fast must be below slow"
        return None


class SmaCross:
    name = "sma"

    def __init__(self, params: SmaCrossParams | None = None) -> None:
        self.params = params or SmaCrossParams()

    @property
    def warmup(self) -> int:
        return self.params.slow + 1

    def signal(self, window: CandleSeries, position: Position | None) -> Signal:
        p = self.params
        if len(window.timestamps) < self.warmup:
            return Signal(Action.HOLD, f"warming up: {len(window)} of {self.warmup} candles")
        closes = window.closes
        fast, slow = sma(closes, p.fast), sma(closes, p.slow)
        extras: dict[str, float | str] = {"fast_sma": round(fast, 8), "slow_sma": round(slow, 8)}
        now = compare_sma(closes, p.fast, p.slow)
        before = compare_sma(closes, p.fast, p.slow, back=1)
        if position is not None:
            if before >= 0 and now < 0:
                return Signal(Action.SELL, "fast SMA crossed below slow SMA", extras=extras)
            return Signal(Action.HOLD, "position open, no cross down", extras=extras)
        if before <= 0 and now > 0:
            close = closes[-1]
            return Signal(
                Action.BUY,
                "fast SMA crossed above slow SMA",
                entry=close,
                stop_loss=round(close * (1 - p.stop_loss), 8),
                take_profit=round(close * (1 + p.take_profit), 8),
                extras=extras,
            )
        return Signal(Action.HOLD, "no cross up", extras=extras)
