"""Benchmarks of the reference bot: a dry-run cycle as a whole process, a 100,000-candle backtest.

Targets (issue 3): one dry-run cycle under 0.5 s; a backtest of 100,000 1h candles under 5 s.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 7
CANDLES = 100_000
START = 1_790_000_000 - 1_790_000_000 % 3600  # a fixed hour, so every run sees the same market


def _process(*args: str) -> float:
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bot", *args], check=True, capture_output=True)
    return time.perf_counter() - began


def _iso(ts: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))


def bench_dry_run() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "bench.sqlite")
        times = [
            # each run is one hour later: a new closed candle, a full cycle every time
            _process("dry-run", "-s", "fib", "--db", db, "--now", _iso(START + i * 3600))
            for i in range(RUNS)
        ]
    median = statistics.median(times)
    print(
        f"dry-run cycle, whole process: median {median:.3f} s over {RUNS} runs "
        f"(min {min(times):.3f}, max {max(times):.3f}); target < 0.5 s: "
        f"{'met' if median < 0.5 else 'MISSED'}"
    )


def bench_backtest() -> None:
    from bot.backtest_runner import run_backtest
    from bot.composition import RunOptions

    for strategy in ("fib", "sma"):
        options = RunOptions(strategy=strategy, symbol="BTC-USD", timeframe="1h")
        began, cpu = time.perf_counter(), time.process_time()
        outcome = run_backtest(options, candles=CANDLES, end=START)
        wall, cpu = time.perf_counter() - began, time.process_time() - cpu
        print(
            f"backtest {strategy}, {CANDLES:,} 1h candles in process: {wall:.2f} s wall, "
            f"{cpu:.2f} s CPU, {outcome.cycles:,} cycles, {len(outcome.fills)} fills; "
            f"target < 5 s: {'met' if wall < 5 else 'MISSED'}"
        )
    whole = _process("backtest", "-s", "fib", "--candles", str(CANDLES), "--end", _iso(START))
    print(f"backtest fib, {CANDLES:,} candles, whole process: {whole:.2f} s")


def main() -> None:
    bench_dry_run()
    bench_backtest()


if __name__ == "__main__":
    main()
