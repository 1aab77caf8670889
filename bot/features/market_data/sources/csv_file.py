"""Candles from a CSV file `timestamp,open,high,low,close,volume`, validated row by row.

`timestamp` is the candle's open time: epoch seconds, epoch milliseconds or ISO 8601 (UTC
unless a zone is given). Every malformed row, gap or out-of-order row is an error naming the
file and the line: a strategy must never trade on silently repaired data.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, TextIO

from bot.domain.candles import CandleSeries
from bot.domain.timeframes import Timeframe
from bot.errors import DataError, UsageError
from bot.features.market_data.sources.csv_rows import HEADER, bad_row, check_row_order, parse_row
from bot.features.market_data.sources.csv_tail import read_tail
from bot.features.market_data.windows import last_window

__all__ = ["HEADER", "CsvSource", "load_csv"]


def _open(path: Path) -> TextIO:
    try:
        return path.open(newline="", encoding="utf-8")
    except OSError as exc:
        raise UsageError(
            f"Cannot read {path}: {exc.strerror}.",
            code="csv-not-found",
            hint="Check --data csv:PATH.",
        ) from None


def _not_utf8(path: Path) -> DataError:
    """The error naming the line of the file's first byte that is not UTF-8 (the text reader
    decodes ahead of the rows, so its own line count is no guide)."""
    data, line, what = path.read_bytes(), 1, "not UTF-8"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, what = data.count(b"\n", 0, exc.start) + 1, f"not UTF-8 (byte {data[exc.start]:#04x})"
    return DataError(
        f"{path}:{line}: {what}.",
        code="csv-not-utf8",
        hint="Save the file as UTF-8 (an export in Latin-1 or Windows-1252 is not).",
    )


def load_csv(path: Path, timeframe: Timeframe) -> CandleSeries:
    """Every candle of `path`, checked: one per `timeframe`, in order, with sane values."""
    columns: list[list[float]] = [[], [], [], [], []]
    stamps: list[int] = []
    with _open(path) as handle:
        reader = csv.reader(handle)
        try:
            _read_rows(path, reader, timeframe, stamps, columns)
        except UnicodeDecodeError:
            raise _not_utf8(path) from None
        except csv.Error as exc:
            raise bad_row(path, reader.line_num, str(exc)) from None
    if not stamps:
        raise bad_row(path, 2, "the file has no candles", "empty-csv")
    return CandleSeries(stamps, *columns)


def _read_rows(
    path: Path,
    reader: Any,
    timeframe: Timeframe,
    stamps: list[int],
    columns: list[list[float]],
) -> None:
    header = next(reader, None)
    if header is None or tuple(h.strip().lower() for h in header) != HEADER:
        raise bad_row(path, 1, f"the header must be {','.join(HEADER)}")
    for row in reader:
        if not row:
            continue
        ts, values = parse_row(path, reader.line_num, row)
        check_row_order(
            path, reader.line_num, stamps[-1] if stamps else None, ts, timeframe.seconds
        )
        stamps.append(ts)
        for column, value in zip(columns, values, strict=True):
            column.append(value)


class CsvSource:
    """Candles of one CSV file, loaded and validated once per timeframe."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():  # refused before a database is opened
            _open(path).close()
            raise UsageError(
                f"Cannot read {path}: not a file.",
                code="csv-not-found",
                hint="Check --data csv:PATH.",
            )
        self.path = path
        self._cache: dict[int, CandleSeries] = {}

    def series(self, timeframe: Timeframe) -> CandleSeries:
        if timeframe.seconds not in self._cache:
            self._cache[timeframe.seconds] = load_csv(self.path, timeframe)
        return self._cache[timeframe.seconds]

    def fetch(self, symbol: str, timeframe: Timeframe, *, until: int, limit: int) -> CandleSeries:
        """The window a cycle needs: from the file's tail when it is regular (read afresh each
        time, so a daemon sees rows appended since), else from every row, checked."""
        if timeframe.seconds not in self._cache:
            tail = read_tail(self.path, timeframe, until=until, limit=limit)
            if tail is not None:
                return tail
        return last_window(self.series(timeframe), until=until, limit=limit)
