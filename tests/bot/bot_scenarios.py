"""Hand-made markets for the bot's scenario tests, and the accounting invariants they check.

`golden_zone_candles()` is a clean swing from 92 up to 112 followed by a pull-back that closes
at 101, inside the 0.5-0.618 zone [99.64, 102]; with the default Fibonacci parameters its
last candle is a BUY with stop (112 - 0.786 x 20) x 0.995 = 95.7986, target 112 and second
target 92 + 1.272 x 20 = 117.44.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

from bot.domain.candles import Candle, CandleSeries
from bot.domain.trading import CycleResult

RunCycle = Callable[..., CycleResult]

T0 = 1_767_225_600  # 2026-01-01T00:00:00Z
HOUR = 3600
GOLDEN_STOP = 95.7986
GOLDEN_TARGET = 112.0
GOLDEN_TARGET_2 = 117.44


def _candle(i: int, close: float, *, low: float | None = None, high: float | None = None,
            open_: float | None = None) -> Candle:  # fmt: skip
    o = close if open_ is None else open_
    return Candle(
        T0 + i * HOUR,
        o,
        high if high is not None else max(o, close) + 0.2,
        low if low is not None else min(o, close) - 0.2,
        close,
        1000.0,
    )


def golden_zone_candles() -> list[Candle]:
    """120 hourly candles ending with a close in the golden zone (see the module docstring)."""
    candles = [_candle(i, 90 + 0.05 * i) for i in range(90)]
    candles.append(_candle(90, 93.0, low=92.0))
    for i in range(91, 110):
        candles.append(_candle(i, 93 + (i - 90) * 0.85))
    candles.append(_candle(110, 110.0, high=112.0))
    for k, close in enumerate([109, 108, 107, 106, 105, 104.5, 104, 103, 102, 101]):
        candles.append(_candle(111 + k, float(close)))
    return candles


def after(candles: Sequence[Candle], *moves: tuple[float, float, float]) -> list[Candle]:
    """`candles` followed by candles with the given (low, high, close)."""
    out = list(candles)
    for low, high, close in moves:
        out.append(_candle(len(out), close, low=low, high=high, open_=out[-1].close))
    return out


def series(candles: Sequence[Candle]) -> CandleSeries:
    return CandleSeries.from_candles(candles)


def close_time(candles: Sequence[Candle], index: int = -1) -> int:
    """The moment candle `index` has just closed."""
    return candles[index].ts + HOUR


def write_csv(path: Path, candles: Sequence[Candle]) -> Path:
    lines = ["timestamp,open,high,low,close,volume"]
    lines += [f"{c.ts},{c.open!r},{c.high!r},{c.low!r},{c.close!r},{c.volume!r}" for c in candles]
    path.write_text("\n".join(lines) + "\n")
    return path


def check_invariants(db: Path) -> None:
    """The accounting identities, checked on what the database holds.

    - cash moved by exactly the fills' cash flows; realised PnL and fees are the fills' sums;
    - cash - starting cash + open cost basis == realised PnL - fees (to a 1e-8 rounding per fill);
    - every equity snapshot: cash + asset x price == equity.
    """
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    for account in conn.execute("SELECT * FROM accounts"):
        fills = conn.execute(
            "SELECT * FROM fills WHERE account_id = ?", (account["id"],)
        ).fetchall()
        flows = Decimal(0)
        for f in fills:
            notional = (Decimal(f["amount"]) * Decimal(f["fill_price"])).quantize(Decimal("1e-8"))
            flows += (notional if f["side"] == "sell" else -notional) - Decimal(f["fee"])
        start, cash = Decimal(account["starting_cash"]), Decimal(account["cash"])
        realised, fees = Decimal(account["realised_pnl"]), Decimal(account["fees"])
        assert cash == start + flows
        assert realised == sum((Decimal(f["realised_pnl"]) for f in fills), Decimal(0))
        assert fees == sum((Decimal(f["fee"]) for f in fills), Decimal(0))
        positions = conn.execute("SELECT * FROM positions WHERE account_id = ?", (account["id"],))
        basis = sum(
            (Decimal(p["amount"]) * Decimal(p["entry_price"]) for p in positions), Decimal(0)
        )
        assert abs((cash - start + basis) - (realised - fees)) <= Decimal("1e-8") * (len(fills) + 1)
    for snap in conn.execute("SELECT * FROM equity_snapshots"):
        value = (Decimal(snap["asset"]) * Decimal(snap["price"])).quantize(Decimal("1e-8"))
        assert Decimal(snap["cash"]) + value == Decimal(snap["equity"])
    conn.close()
