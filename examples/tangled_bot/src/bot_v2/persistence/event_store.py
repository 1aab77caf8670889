"""The event store: what the bot did, in order, in memory (a list a test can read)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["Event", "EventStore"]


@dataclass(frozen=True, slots=True)
class Event:
    kind: str
    ts: int
    data: Mapping[str, str] = field(default_factory=dict)


class EventStore:
    def __init__(self) -> None:
        self._events: list[Event] = []

    def append(self, kind: str, ts: int, **data: object) -> Event:
        event = Event(kind, ts, {key: str(value) for key, value in sorted(data.items())})
        self._events.append(event)
        return event

    def events(self, kind: str | None = None) -> list[Event]:
        return [e for e in self._events if kind is None or e.kind == kind]

    def last(self, kind: str) -> Event | None:
        found = self.events(kind)
        return found[-1] if found else None

    def __len__(self) -> int:
        return len(self._events)
