"""The last candles of a regular CSV file, parsing only the rows a cycle needs.

A file is regular when it has one row per timeframe from its first row to its last (what
`load_csv` checks row by row): then the row of any moment is found by arithmetic, and a cycle
that needs 120 candles parses 120 rows, not 100,000. Any other file (gaps, blank lines,
quoting, a bad first or last timestamp, bytes that are not UTF-8) gets `None`, and the caller
loads and checks every row, which names the line at fault.
"""

from __future__ import annotations

import csv
from pathlib import Path

from bot.domain.candles import CandleSeries
from bot.domain.timeframes import Timeframe
from bot.features.market_data.sources.csv_rows import (
    HEADER,
    check_row_order,
    parse_row,
    timestamp_of,
)

__all__ = ["read_tail"]


def _rows(path: Path) -> tuple[str, list[str]] | None:
    """The header line and the data lines, or None when the file is not plain and regular."""
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if '"' in text:
        return None
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) < 2 or "" in lines or "\r" in lines:
        return None
    return lines[0], lines[1:]


def _stamp(line: str) -> int | None:
    return timestamp_of(line.split(",", 1)[0].strip())


def read_tail(path: Path, timeframe: Timeframe, *, until: int, limit: int) -> CandleSeries | None:
    """The last `limit` candles that opened at or before `until`, each row checked as
    `load_csv` checks it; None when the file is not regular (see the module)."""
    found = _rows(path)
    if found is None:
        return None
    header, rows = found
    first, last, step = _stamp(rows[0]), _stamp(rows[-1]), timeframe.seconds
    regular = first is not None and last is not None and last - first == (len(rows) - 1) * step
    if not regular or tuple(h.strip().lower() for h in header.split(",")) != HEADER:
        return None
    assert first is not None
    end = min(len(rows), max(0, (until - first) // step + 1))
    start = max(0, end - limit)
    stamps: list[int] = []
    columns: list[list[float]] = [[], [], [], [], []]
    for index, row in enumerate(csv.reader(rows[start:end]), start):
        line = index + 2
        ts, values = parse_row(path, line, row)
        if ts != first + index * step:
            return None
        check_row_order(path, line, stamps[-1] if stamps else None, ts, step)
        stamps.append(ts)
        for column, value in zip(columns, values, strict=True):
            column.append(value)
    return CandleSeries(stamps, *columns)
