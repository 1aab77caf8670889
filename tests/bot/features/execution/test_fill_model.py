from __future__ import annotations

from decimal import Decimal

from bot.domain.settings import FillRules
from bot.domain.trading import OrderRequest
from bot.features.execution.fill_model import PaperFillModel, round_to_lot

MODEL = PaperFillModel(FillRules())


def test_an_entry_spends_at_most_its_budget_with_slippage_and_fee() -> None:
    order = MODEL.entry_order("BTC-USD", price=100.0, budget=Decimal(1000), reason="entry")
    fill = MODEL.fill(order, candle_ts=0, entry_price=None)

    assert order.amount == Decimal("9.9850")
    assert -fill.cash_flow <= Decimal(1000)
    assert fill.fill_price == Decimal("100.05")
    assert fill.fee == Decimal("0.99899925")  # 0.1% of 9.985 x 100.05
    assert fill.slippage == Decimal("0.49925")


def test_a_sell_fills_below_the_requested_price_and_realises_against_the_entry() -> None:
    order = OrderRequest("sell", "BTC-USD", Decimal(2), Decimal(110), "take_profit")
    fill = MODEL.fill(order, candle_ts=0, entry_price=Decimal(100))

    assert fill.fill_price == Decimal("109.945")
    assert fill.realised_pnl == Decimal("19.89")
    assert fill.cash_flow == Decimal("219.89") - Decimal("0.21989")


def test_amounts_round_down_to_the_lot() -> None:
    assert round_to_lot(Decimal("1.23456"), Decimal("0.001")) == Decimal("1.234")
    assert round_to_lot(Decimal("0.0009"), Decimal("0.001")) == 0
