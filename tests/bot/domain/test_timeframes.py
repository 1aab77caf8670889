from __future__ import annotations

from bot.domain.timeframes import Timeframe, iso, parse_iso


def test_timeframes_parse_to_seconds() -> None:
    assert Timeframe.parse("15m") == Timeframe("15m", 900)
    assert Timeframe.parse("4h") == Timeframe("4h", 14400)
    assert Timeframe.parse("1d") == Timeframe("1d", 86400)
    assert Timeframe.parse("0h") is None
    assert Timeframe.parse("1y") is None


def test_iso_round_trips() -> None:
    assert iso(1_767_225_600) == "2026-01-01T00:00:00Z"
    assert parse_iso("2026-01-01T00:00:00Z") == 1_767_225_600
    assert parse_iso("2026-01-01") == 1_767_225_600
    assert parse_iso("2026-01-01T01:00:00+01:00") == 1_767_225_600
    assert parse_iso("soon") is None
