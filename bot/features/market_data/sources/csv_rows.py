"""One row of a candle CSV file, parsed and checked: the rules every reader of the file shares."""

from __future__ import annotations

import math
from pathlib import Path

from bot.domain.timeframes import iso, parse_iso
from bot.errors import DataError

__all__ = ["HEADER", "bad_row", "check_row_order", "parse_row", "timestamp_of"]

HEADER = ("timestamp", "open", "high", "low", "close", "volume")
_MS_THRESHOLD = 100_000_000_000


def timestamp_of(text: str) -> int | None:
    try:
        value = int(text)
    except ValueError:
        return parse_iso(text)
    return value // 1000 if value >= _MS_THRESHOLD else value


def bad_row(path: Path, line: int, what: str, code: str = "malformed-csv") -> DataError:
    return DataError(
        f"{path}:{line}: {what}.",
        code=code,
        hint=f"Fix the row; the columns are {','.join(HEADER)} with one row per candle.",
    )


def parse_row(path: Path, line: int, row: list[str]) -> tuple[int, list[float]]:
    if len(row) != len(HEADER):
        raise bad_row(path, line, f"expected {len(HEADER)} columns, found {len(row)}")
    ts = timestamp_of(row[0].strip())
    if ts is None:
        raise bad_row(path, line, f"timestamp {row[0]!r} is neither epoch seconds nor ISO 8601")
    try:
        values = [float(cell) for cell in row[1:]]
    except ValueError:
        raise bad_row(path, line, "a price or the volume is not a number") from None
    o, h, low, c, v = values
    if not all(math.isfinite(x) for x in values) or min(o, h, low, c) <= 0 or v < 0:
        raise bad_row(path, line, "prices must be positive finite numbers and volume not negative")
    if h < max(o, c, low) or low > min(o, c):
        raise bad_row(path, line, "high must be the highest and low the lowest price of the candle")
    return ts, values


def check_row_order(path: Path, line: int, previous: int | None, ts: int, step: int) -> None:
    if previous is None:
        return
    if ts <= previous:
        raise bad_row(path, line, f"{iso(ts)} is not after the previous row", "csv-out-of-order")
    if ts - previous != step:
        raise bad_row(path, line, f"gap: {iso(previous)} is followed by {iso(ts)}", "csv-gap")
