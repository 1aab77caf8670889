from __future__ import annotations

from decimal import Decimal

import pytest

from bot_v2.domain.orders import OrderStatus, Side
from bot_v2.orchestration.live_execution import (
    ExecutionError,
    LiveExecutionEngine,
    LiveRiskManager,
    PaperBroker,
    RiskLimits,
    product_for,
)


def _engine(*, cash: str = "10000", **limits: Decimal | int) -> LiveExecutionEngine:
    broker = PaperBroker(Decimal(cash), fee_bps=Decimal(10), slippage_bps=Decimal(0))
    broker.update_mark("BTC-PERP", Decimal(50000))
    risk = LiveRiskManager(RiskLimits(max_position_notional=Decimal(20000)))
    if "max_leverage" in limits:
        risk = LiveRiskManager(RiskLimits(max_leverage=int(limits["max_leverage"])))
    return LiveExecutionEngine(broker, risk, equity=lambda: Decimal(cash))


def test_a_market_order_fills_at_the_mark_with_a_fee() -> None:
    engine = _engine()
    order = engine.place("BTC-PERP", Side.BUY, Decimal("0.10009"), leverage=2)
    assert order.status is OrderStatus.FILLED
    assert order.filled_quantity == Decimal("0.1000")  # rounded down to the increment
    assert order.average_price == Decimal(50000)
    assert order.fee == Decimal("5.000")


def test_closing_realises_the_pnl() -> None:
    engine = _engine()
    engine.place("BTC-PERP", Side.BUY, Decimal("0.1"), leverage=2)
    broker = engine.broker
    assert isinstance(broker, PaperBroker)
    broker.update_mark("BTC-PERP", Decimal(51000))
    closing = engine.close_position("BTC-PERP")
    assert closing is not None
    assert closing.realised_pnl == Decimal(100)
    assert broker.position("BTC-PERP") is None
    assert engine.close_position("BTC-PERP") is None


def test_risk_refusals_say_which_limit() -> None:
    engine = _engine()
    too_big = engine.place("BTC-PERP", Side.BUY, Decimal(1), leverage=3)
    assert too_big.status is OrderStatus.REJECTED
    assert "would exceed 20000" in too_big.reason
    too_levered = engine.place("BTC-PERP", Side.BUY, Decimal("0.01"), leverage=4)
    assert "above the cap 3x" in too_levered.reason
    assert engine.rejected() == [too_big, too_levered]


def test_reduce_only_lets_a_position_shrink_but_not_grow() -> None:
    engine = _engine()
    engine.place("BTC-PERP", Side.SELL, Decimal("0.1"), leverage=2)
    engine.risk.reduce_only = True
    grow = engine.place("BTC-PERP", Side.SELL, Decimal("0.1"), leverage=2)
    shrink = engine.place("BTC-PERP", Side.BUY, Decimal("0.05"), leverage=2)
    assert grow.status is OrderStatus.REJECTED
    assert shrink.status is OrderStatus.FILLED


def test_limit_orders_rest_until_marketable() -> None:
    engine = _engine()
    order = engine.place("BTC-PERP", Side.BUY, Decimal("0.01"), limit_price=Decimal("49900.004"))
    assert order.status is OrderStatus.OPEN
    broker = engine.broker
    assert isinstance(broker, PaperBroker)
    filled = broker.update_mark("BTC-PERP", Decimal(49850))
    assert [o.status for o in filled] == [OrderStatus.FILLED]


def test_daily_loss_switches_to_reduce_only() -> None:
    engine = _engine(cash="500")
    engine.risk.start_day(Decimal(2000))
    order = engine.place("BTC-PERP", Side.BUY, Decimal("0.001"))
    assert "daily loss" in order.reason
    assert engine.risk.reduce_only


def test_products() -> None:
    assert product_for("ETH-USD").max_leverage == 1
    assert product_for("ETH-PERP").max_leverage == 10
    with pytest.raises(ExecutionError):
        product_for("ADA-PERP")
