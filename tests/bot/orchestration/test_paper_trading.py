"""Scenario tests of the paper-trading orchestrator: one cycle after another on SQLite."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from bot.domain.trading import AccountState, CycleStatus, OrderRequest
from bot.features.risk.guards import CooldownGuard
from bot.persistence.queries import account_status
from bot.persistence.sqlite_store import SqliteStore
from tests.bot.bot_scenarios import (
    GOLDEN_STOP,
    GOLDEN_TARGET,
    GOLDEN_TARGET_2,
    RunCycle,
    after,
    golden_zone_candles,
)


def _fills(db: Path) -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT side, reason, fill_price FROM fills ORDER BY id").fetchall()
    conn.close()
    return rows


def test_a_retracement_into_the_golden_zone_buys_with_the_documented_levels(
    run_cycle: RunCycle,
) -> None:
    result = run_cycle(golden_zone_candles())

    assert result.status is CycleStatus.EXECUTED
    assert result.signal is not None
    assert result.signal.action == "BUY"
    assert result.signal.stop_loss == pytest.approx(GOLDEN_STOP)
    assert result.signal.take_profit == pytest.approx(GOLDEN_TARGET)
    assert result.signal.take_profit_2 == pytest.approx(GOLDEN_TARGET_2)
    (fill,) = result.fills
    assert fill.side == "buy"
    assert fill.requested_price == Decimal("101")
    assert fill.fill_price == Decimal("101.0505")  # 5 bps against the buyer
    assert fill.fee == (fill.amount * fill.fill_price * Decimal("0.001")).quantize(Decimal("1e-8"))
    assert fill.amount % Decimal("0.0001") == 0
    assert result.position is not None
    assert result.position.value <= Decimal("2500")  # 25% of 10,000 equity


def test_the_same_closed_candle_is_never_traded_twice(run_cycle: RunCycle, db: Path) -> None:
    candles = golden_zone_candles()
    first = run_cycle(candles)
    second = run_cycle(candles)

    assert first.status is CycleStatus.EXECUTED
    assert second.status is CycleStatus.NO_NEW_CANDLE
    assert not second.trade_executed
    assert len(_fills(db)) == 1


def test_a_stop_out_sells_at_the_stop_and_starts_the_cooldown(
    run_cycle: RunCycle, db: Path
) -> None:
    candles = golden_zone_candles()
    run_cycle(candles)
    result = run_cycle(after(candles, (95.0, 101.5, 95.5)))

    assert result.status is CycleStatus.EXECUTED
    (fill,) = result.fills
    assert (fill.side, fill.reason) == ("sell", "stop_loss")
    assert fill.requested_price == Decimal(str(GOLDEN_STOP))
    assert fill.fill_price == (Decimal(str(GOLDEN_STOP)) * Decimal("0.9995")).quantize(
        Decimal("1e-8")
    )
    assert fill.realised_pnl < 0
    assert result.position is not None
    assert result.position.asset_balance == 0


def test_take_profit_sells_half_at_the_swing_high_then_the_rest_at_the_extension(
    run_cycle: RunCycle, db: Path
) -> None:
    candles = golden_zone_candles()
    run_cycle(candles)
    candles = after(candles, (100.5, 112.5, 111.0))
    first = run_cycle(candles)
    second = run_cycle(after(candles, (110.5, 118.0, 117.0)))

    assert [f.reason for f in first.fills] == ["take_profit"]
    assert first.fills[0].requested_price == Decimal("112")
    assert first.position is not None
    assert first.position.asset_balance > 0
    assert [f.reason for f in second.fills] == ["take_profit_2"]
    assert second.fills[0].requested_price == Decimal("117.44")
    assert second.position is not None
    assert second.position.asset_balance == 0
    assert second.equity is not None
    assert second.equity.realised_pnl > 0


def test_a_candle_reaching_both_stop_and_target_is_a_stop(run_cycle: RunCycle, db: Path) -> None:
    candles = golden_zone_candles()
    run_cycle(candles)
    result = run_cycle(after(candles, (95.0, 118.0, 100.0)))

    assert [f.reason for f in result.fills] == ["stop_loss"]


def test_exits_are_checked_on_every_candle_missed_since_the_last_cycle(
    run_cycle: RunCycle, db: Path
) -> None:
    candles = golden_zone_candles()
    run_cycle(candles)
    later = after(candles, (100.5, 102.0, 101.0), (95.0, 101.0, 96.0), (96.0, 99.0, 98.0))
    result = run_cycle(later)

    assert [f.reason for f in result.fills] == ["stop_loss"]
    assert result.fills[0].candle_ts == later[-2].ts


def test_stale_data_is_rejected_and_the_candle_stays_unprocessed(
    run_cycle: RunCycle, db: Path
) -> None:
    candles = golden_zone_candles()
    result = run_cycle(candles, late=2 * 3600)

    assert result.status is CycleStatus.REJECTED
    assert result.rejection is not None
    assert result.rejection.guard == "stale_data"
    assert run_cycle(candles).status is CycleStatus.EXECUTED


def test_bad_data_is_rejected_before_any_exit(run_cycle: RunCycle, db: Path) -> None:
    candles = golden_zone_candles()
    run_cycle(candles)
    bad = after(candles, (95.0, 101.5, 95.5))
    broken = bad[-1]
    bad[-1] = type(broken)(broken.ts, broken.open, broken.low - 1, broken.low, broken.close, 1.0)
    result = run_cycle(bad)

    assert result.status is CycleStatus.REJECTED
    assert result.rejection is not None
    assert result.rejection.guard == "bad_data"
    assert len(_fills(db)) == 1


def test_a_stop_out_records_the_cooldown(run_cycle: RunCycle, db: Path) -> None:
    candles = golden_zone_candles()
    run_cycle(candles)
    candles = after(candles, (95.0, 101.5, 95.5))
    run_cycle(candles)
    conn = sqlite3.connect(db)
    (cooldown,) = conn.execute("SELECT cooldown_until FROM cursors").fetchone()
    conn.close()

    assert cooldown == candles[-1].ts + 3 * 3600
    refused = [
        CooldownGuard().check_order(ORDER, _cooling(cooldown), equity=Decimal(1), candle_ts=ts)
        for ts in (candles[-1].ts + step * 3600 for step in range(4))
    ]
    assert [rejection is not None for rejection in refused] == [True, True, True, False]


ORDER = OrderRequest("buy", "BTC-USD", Decimal(1), Decimal(100), "entry")


def _cooling(until: int) -> AccountState:
    return AccountState(
        "default", "BTC-USD", Decimal(1), Decimal(1), Decimal(0), Decimal(0), Decimal(1),
        None, None, until,
    )  # fmt: skip


def test_a_restart_between_cycles_loses_nothing(run_cycle: RunCycle, db: Path) -> None:
    candles = golden_zone_candles()
    bought = run_cycle(candles)  # the fixture opens and closes the store: a process each time
    store = SqliteStore(db)
    status = account_status(store.connection, "default")
    store.close()

    assert status is not None
    assert bought.position is not None
    assert status.cash == bought.position.cash_balance
    assert [p.amount for p in status.positions] == [bought.position.asset_balance]
    assert status.positions[0].stop_loss == Decimal(str(GOLDEN_STOP))
    stopped = run_cycle(after(candles, (95.0, 101.5, 95.5)))
    assert [f.reason for f in stopped.fills] == ["stop_loss"]
    assert stopped.fills[0].amount == bought.fills[0].amount
