from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.timeframes import Timeframe
from bot.errors import DataError, UsageError
from bot.features.market_data.sources.csv_file import CsvSource, load_csv

HOUR = Timeframe("1h", 3600)
HEADER = "timestamp,open,high,low,close,volume\n"


def _csv(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "candles.csv"
    path.write_text(HEADER + body)
    return path


def test_seconds_milliseconds_and_iso_timestamps_are_read(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "1767225600,1,2,0.5,1.5,10\n1767229200000,1.5,2,1,1.8,11\n"
        "2026-01-01T02:00:00Z,1.8,2,1.7,1.9,0\n",
    )
    series = load_csv(path, HOUR)

    assert list(series.timestamps) == [1767225600, 1767229200, 1767232800]
    assert list(series.closes) == [1.5, 1.8, 1.9]


@pytest.mark.parametrize(
    ("body", "code", "line"),
    [
        ("3600,1,2,0.5,1.5\n", "malformed-csv", 2),
        ("3600,1,2,0.5,abc,10\n", "malformed-csv", 2),
        ("3600,1,2,0.5,nan,10\n", "malformed-csv", 2),
        ("3600,1,2,0.5,0,10\n", "malformed-csv", 2),
        ("3600,1,0.4,0.5,1,10\n", "malformed-csv", 2),
        ("yesterday,1,2,0.5,1,10\n", "malformed-csv", 2),
        ("3600,1,2,0.5,1,10\n10800,1,2,0.5,1,10\n", "csv-gap", 3),
        ("7200,1,2,0.5,1,10\n3600,1,2,0.5,1,10\n", "csv-out-of-order", 3),
        ("3600,1,2,0.5,1,10\n3600,1,2,0.5,1,10\n", "csv-out-of-order", 3),
        ("", "empty-csv", 2),
    ],
)
def test_bad_rows_are_errors_naming_the_line(
    tmp_path: Path, body: str, code: str, line: int
) -> None:
    path = _csv(tmp_path, body)
    with pytest.raises(DataError) as caught:
        load_csv(path, HOUR)

    assert caught.value.code == code
    assert f"candles.csv:{line}:" in caught.value.message
    assert caught.value.hint


def test_a_wrong_header_and_a_missing_file_are_errors(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("time,o,h,l,c,v\n")
    with pytest.raises(DataError):
        load_csv(path, HOUR)
    with pytest.raises(UsageError) as caught:
        load_csv(tmp_path / "missing.csv", HOUR)
    assert caught.value.code == "csv-not-found"


def test_fetch_serves_the_rows_opened_until_the_asked_time(tmp_path: Path) -> None:
    rows = "".join(f"{3600 * i},1,2,0.5,1,1\n" for i in range(1, 11))
    source = CsvSource(_csv(tmp_path, rows))
    window = source.fetch("BTC-USD", HOUR, until=3600 * 5 + 10, limit=3)

    assert list(window.timestamps) == [3600 * 3, 3600 * 4, 3600 * 5]


def test_a_file_that_is_not_utf8_is_an_error_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "candles.csv"
    rows = "".join(f"{3600 * i},1,2,0.5,1,1\n" for i in range(1, 3000)).encode()
    path.write_bytes(HEADER.encode() + rows + b"10800000,1,2,0.5,1,\xe9\n")

    with pytest.raises(DataError) as caught:
        load_csv(path, HOUR)

    assert caught.value.code == "csv-not-utf8"
    assert "candles.csv:3001: not UTF-8 (byte 0xe9)" in caught.value.message


def test_a_missing_file_is_refused_when_the_source_is_made(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as caught:
        CsvSource(tmp_path / "missing.csv")

    assert caught.value.code == "csv-not-found"


def _rows(count: int, start: int = 1) -> str:
    return "".join(f"{3600 * i},1,2,0.5,{1 + i / 1000},1\n" for i in range(start, start + count))


@pytest.mark.parametrize("until", [0, 3600, 3600 * 7 + 5, 3600 * 50, 3600 * 200 + 1, 10**10])
@pytest.mark.parametrize("limit", [1, 5, 120])
def test_a_regular_file_serves_the_same_window_from_its_tail(
    tmp_path: Path, until: int, limit: int
) -> None:
    path = _csv(tmp_path, _rows(200))
    whole = load_csv(path, HOUR)
    expected = whole.slice(max(0, whole.opened_until(until) - limit), whole.opened_until(until))

    assert CsvSource(path).fetch("BTC-USD", HOUR, until=until, limit=limit) == expected


def test_a_gap_anywhere_is_still_found_when_a_cycle_reads_the_file(tmp_path: Path) -> None:
    path = _csv(tmp_path, _rows(5) + _rows(100, start=7))

    with pytest.raises(DataError) as caught:
        CsvSource(path).fetch("BTC-USD", HOUR, until=10**10, limit=3)

    assert caught.value.code == "csv-gap"
    assert "candles.csv:7:" in caught.value.message


def test_a_bad_row_in_the_tail_is_named_by_its_line(tmp_path: Path) -> None:
    path = _csv(tmp_path, _rows(99) + f"{3600 * 100},1,2,0.5,x,1\n")

    with pytest.raises(DataError) as caught:
        CsvSource(path).fetch("BTC-USD", HOUR, until=10**10, limit=3)

    assert "candles.csv:101: a price or the volume is not a number" in caught.value.message


def test_rows_appended_since_the_last_cycle_are_seen(tmp_path: Path) -> None:
    path = _csv(tmp_path, _rows(10))
    source = CsvSource(path)
    before = source.fetch("BTC-USD", HOUR, until=10**10, limit=2)
    with path.open("a") as handle:
        handle.write(_rows(1, start=11))
    after = source.fetch("BTC-USD", HOUR, until=10**10, limit=2)

    assert list(before.timestamps) == [3600 * 9, 3600 * 10]
    assert list(after.timestamps) == [3600 * 10, 3600 * 11]
