"""The activity monitor: when market data last arrived and how old its newest candle was."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

__all__ = ["ActivityMonitor", "Heartbeat"]


@dataclass(frozen=True, slots=True)
class Heartbeat:
    at: int
    last_candle_ts: int | None


class ActivityMonitor:
    """Keeps the last heartbeats (bounded) so a daemon's status can say data is flowing."""

    def __init__(self, *, keep: int = 100) -> None:
        self._beats: deque[Heartbeat] = deque(maxlen=keep)

    def heartbeat(self, *, now: int, last_candle_ts: int | None) -> None:
        self._beats.append(Heartbeat(now, last_candle_ts))

    @property
    def beats(self) -> tuple[Heartbeat, ...]:
        return tuple(self._beats)

    def last(self) -> Heartbeat | None:
        return self._beats[-1] if self._beats else None
