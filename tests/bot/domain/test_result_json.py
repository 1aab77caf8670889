from __future__ import annotations

import json
from decimal import Decimal

from bot.domain.result_json import SCHEMA_VERSION, result_to_dict
from bot.domain.trading import (
    Action,
    CycleResult,
    CycleStatus,
    EquityView,
    Fill,
    PositionView,
    Signal,
)


def test_a_result_has_every_documented_field_and_is_plain_json() -> None:
    d = Decimal
    fill = Fill("buy", "BTC-USD", "entry", d("0.5"), d(100), d("100.05"), d("0.05"), d("0.025"),
                d(0), 3600)  # fmt: skip
    result = CycleResult(
        CycleStatus.EXECUTED, "default", "BTC-USD", "1h", "fib", 7200, candle_ts=3600,
        signal=Signal(Action.BUY, "why", 100.0, 95.0, 110.0, None, {"swing_low": 90.0}),
        fills=(fill,), position=PositionView(d(9949), d("0.5"), d(100), d(50)),
        equity=EquityView(d(9999), d(0), d("0.05"), d("0.0001"), d(10000)),
    )  # fmt: skip
    doc = json.loads(json.dumps(result_to_dict(result)))

    assert doc["schema_version"] == SCHEMA_VERSION
    fields = "schema_version status account symbol timeframe strategy timestamp candle signal"
    fields += " trade_executed fill fills rejection position equity error"
    assert sorted(doc) == sorted(fields.split())
    assert doc["timestamp"] == "1970-01-01T02:00:00Z"
    assert doc["signal"]["extras"] == {"swing_low": 90.0}
    assert doc["fill"]["fill_price"] == 100.05
    assert doc["trade_executed"] is True
    assert doc["position"] == {
        "cash_balance": 9949,
        "asset_balance": 0.5,
        "price": 100,
        "value": 50,
    }
