"""The Fibonacci golden-zone strategy: buy a pull-back into 0.5-0.618 of the last swing up.

Rules, on the window's last closed candle (parameters in `FibonacciParams`):
1. With a position open, hold: the stop and the targets manage the exit.
2. Trend filter: the close must be above the `trend_period` simple moving average.
3. Swing: within the last `lookback` candles the swing high H is the highest high, completed
   when at least `confirm` candles followed it; the swing low L is the lowest low before H.
   The swing must rise at least `min_swing` (as a fraction of L). R = H - L.
4. Since H, no low may have gone below the `stop_level` retracement (H - 0.786 R).
5. Buy when the close is inside the golden zone [H - golden_max R, H - 0.5 R].
6. Stop: (H - stop_level R) x (1 - stop_buffer), or L x (1 - stop_buffer) with
   `stop_at_swing_low`; take profit at H; second target at the `extension` (L + 1.272 R).
7. Reward:risk = (H - close) / (close - stop) must be at least `min_reward_risk`.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.candles import CandleSeries
from bot.domain.trading import Action, Position, Signal
from bot.strategies.indicators import compare_to_sma, sma
from bot.strategies.params import bounded

__all__ = ["FibonacciGoldenZone", "FibonacciParams"]


@dataclass(frozen=True, slots=True)
class FibonacciParams:
    lookback: int = bounded(60, 3, 10_000)
    confirm: int = bounded(3, 1, 1_000)
    trend_period: int = bounded(100, 1, 10_000)
    min_swing: float = bounded(0.03, 0, 10)
    golden_max: float = bounded(0.618, 0.5, 1, low_open=True)
    stop_level: float = bounded(0.786, 0.5, 1, low_open=True)
    stop_buffer: float = bounded(0.005, 0, 0.5, high_open=True)
    stop_at_swing_low: bool = False
    extension: float = bounded(1.272, 1, 10)
    min_reward_risk: float = bounded(1.5, 0, 100)

    def relation_error(self) -> str | None:
        if self.confirm >= self.lookback:
            return (
                f"confirm={self.confirm} and lookback={self.lookback}: confirm must be below "
                "lookback"
            )
        if self.golden_max > self.stop_level:
            return (
                f"golden_max={self.golden_max} and stop_level={self.stop_level}: the zone must "
                "end at or above the stop level"
            )
        return None


_GOLDEN_MIN = 0.5


class FibonacciGoldenZone:
    name = "fib"

    def __init__(self, params: FibonacciParams | None = None) -> None:
        self.params = params or FibonacciParams()

    @property
    def warmup(self) -> int:
        return max(self.params.lookback, self.params.trend_period)

    def signal(self, window: CandleSeries, position: Position | None) -> Signal:
        p = self.params
        if len(window.timestamps) < self.warmup:
            return Signal(Action.HOLD, f"warming up: {len(window)} of {self.warmup} candles")
        if position is not None:
            return Signal(Action.HOLD, "position open: the stop and the targets manage the exit")
        close = window.closes[-1]
        trend = sma(window.closes, p.trend_period)
        if compare_to_sma(close, window.closes, p.trend_period) <= 0:
            return Signal(Action.HOLD, f"trend down: close {close:g} <= SMA{p.trend_period}")
        return self._swing_signal(window, close, trend)

    def _swing_signal(self, window: CandleSeries, close: float, trend: float) -> Signal:
        p = self.params
        highs, lows = window.highs[-p.lookback :], window.lows[-p.lookback :]
        top = max(highs)
        h = highs.index(top)
        if h > len(highs) - 1 - p.confirm:
            return Signal(Action.HOLD, "swing high not completed yet")
        if h == 0:
            return Signal(Action.HOLD, "no swing low before the swing high")
        bottom = min(lows[:h])
        rng = top - bottom
        if rng < p.min_swing * bottom:
            return Signal(Action.HOLD, f"swing smaller than {p.min_swing:.0%}")
        if min(lows[h + 1 :]) < top - p.stop_level * rng:
            return Signal(Action.HOLD, f"swing broken: a low went below the {p.stop_level} level")
        zone_low, zone_high = top - p.golden_max * rng, top - _GOLDEN_MIN * rng
        extras: dict[str, float | str] = {
            "swing_low": bottom,
            "swing_high": top,
            "zone_low": round(zone_low, 8),
            "zone_high": round(zone_high, 8),
            "trend_sma": round(trend, 8),
            "retracement": round((top - close) / rng, 4),
        }
        if not zone_low <= close <= zone_high:
            return Signal(Action.HOLD, "close outside the golden zone", extras=extras)
        return self._entry(close, top, bottom, extras)

    def _entry(
        self, close: float, top: float, bottom: float, extras: dict[str, float | str]
    ) -> Signal:
        p = self.params
        rng = top - bottom
        anchor = bottom if p.stop_at_swing_low else top - p.stop_level * rng
        stop = round(anchor * (1 - p.stop_buffer), 8)
        second = round(bottom + p.extension * rng, 8)
        reward_risk = (top - close) / (close - stop)
        extras["reward_risk"] = round(reward_risk, 4)
        if reward_risk < p.min_reward_risk:
            return Signal(
                Action.HOLD,
                f"reward:risk {reward_risk:.2f} below {p.min_reward_risk}",
                extras=extras,
            )
        return Signal(
            Action.BUY,
            f"close in the golden zone of swing {bottom:g} -> {top:g}, trend up",
            entry=close,
            stop_loss=stop,
            take_profit=top,
            take_profit_2=second,
            extras=extras,
        )
