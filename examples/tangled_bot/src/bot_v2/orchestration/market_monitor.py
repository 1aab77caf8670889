"""The market activity monitor: when each symbol's data last arrived, and which went stale."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

__all__ = ["Heartbeat", "MarketActivityMonitor"]


@dataclass(frozen=True, slots=True)
class Heartbeat:
    symbol: str
    at: int
    last_candle_ts: int | None


class MarketActivityMonitor:
    """A bounded log of heartbeats per symbol; a symbol is stale after `max_age` seconds."""

    def __init__(self, *, max_age: int = 900, keep: int = 100) -> None:
        self.max_age = max_age
        self._keep = keep
        self._beats: dict[str, deque[Heartbeat]] = {}

    def heartbeat(self, symbol: str, *, now: int, last_candle_ts: int | None) -> Heartbeat:
        beat = Heartbeat(symbol, now, last_candle_ts)
        self._beats.setdefault(symbol, deque(maxlen=self._keep)).append(beat)
        return beat

    def last(self, symbol: str) -> Heartbeat | None:
        beats = self._beats.get(symbol)
        return beats[-1] if beats else None

    def is_stale(self, symbol: str, *, now: int) -> bool:
        last = self.last(symbol)
        if last is None or last.last_candle_ts is None:
            return True
        return now - last.last_candle_ts > self.max_age

    def stale_symbols(self, symbols: list[str], *, now: int) -> list[str]:
        return [s for s in symbols if self.is_stale(s, now=now)]

    def beats(self, symbol: str) -> tuple[Heartbeat, ...]:
        return tuple(self._beats.get(symbol, ()))
