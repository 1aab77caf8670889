"""Timeframes such as `1m`, `15m`, `1h`, `4h`, `1d` as a number of seconds."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

__all__ = ["Timeframe", "iso", "parse_iso"]

_UNITS = {"m": 60, "h": 3600, "d": 86400, "w": 604800}
_PATTERN = re.compile(r"^([1-9][0-9]*)([mhdw])$")


@dataclass(frozen=True, slots=True)
class Timeframe:
    """A candle duration; `label` is what the user typed, `seconds` what the bot computes with."""

    label: str
    seconds: int

    @classmethod
    def parse(cls, text: str) -> Timeframe | None:
        """The timeframe `text` names, or None when it is not of the form `<n><m|h|d|w>`."""
        match = _PATTERN.match(text.strip())
        if match is None:
            return None
        return cls(text.strip(), int(match.group(1)) * _UNITS[match.group(2)])


def iso(ts: int | float) -> str:
    """Epoch seconds as an ISO 8601 UTC string (`2026-01-01T00:00:00Z`)."""
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(text: str) -> int | None:
    """Epoch seconds of an ISO 8601 date or date-time (UTC when no zone is given), else None."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp())
