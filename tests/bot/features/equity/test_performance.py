from __future__ import annotations

from decimal import Decimal

import pytest

from bot.domain.trading import Fill
from bot.features.equity.performance import max_drawdown, round_trips, summarise


def _fill(side: str, amount: str, price: str, pnl: str = "0", reason: str = "entry") -> Fill:
    d = Decimal
    return Fill(side, "BTC-USD", reason, d(amount), d(price), d(price), d("1"), d(0), d(pnl), 0)


def test_fills_group_into_round_trips_net_of_fees() -> None:
    fills = [
        _fill("buy", "2", "100"),
        _fill("sell", "1", "110", "10", "take_profit"),
        _fill("sell", "1", "120", "20", "take_profit_2"),
        _fill("buy", "1", "100"),
        _fill("sell", "1", "90", "-10", "stop_loss"),
        _fill("buy", "1", "100"),
    ]
    trades = round_trips(fills)

    assert [t.pnl for t in trades] == [Decimal(27), Decimal(-12), Decimal(-1)]
    assert trades[0].exit_price == Decimal(115)
    assert trades[0].exit_reason == "take_profit_2"
    assert trades[2].exit_ts is None
    perf = summarise(fills, [1.0], starting_cash=Decimal(100), final_equity=Decimal(110))
    assert perf.win_rate == 0.5
    assert perf.total_return == pytest.approx(0.1)
    assert perf.fees == Decimal(6)


def test_max_drawdown_is_the_largest_fall_from_a_peak() -> None:
    assert max_drawdown([100, 120, 90, 130, 117]) == pytest.approx(0.25)
    assert max_drawdown([]) == 0.0
