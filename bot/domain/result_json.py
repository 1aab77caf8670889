"""The versioned JSON form of a cycle result (printed with `--json`, stored per cycle).

Numbers are JSON numbers (Decimals become floats when printed); keys are sorted by the
printer. `SCHEMA_VERSION` changes whenever a field changes meaning or disappears.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from bot.domain.timeframes import iso
from bot.domain.trading import CycleResult, EquityView, Fill, PositionView, Signal

__all__ = ["SCHEMA_VERSION", "fill_to_dict", "result_to_dict"]

SCHEMA_VERSION = 1


def _num(value: Decimal | float) -> float:
    return float(value)


def _signal(signal: Signal | None) -> dict[str, Any] | None:
    if signal is None:
        return None
    body: dict[str, Any] = {
        "action": signal.action.value,
        "reason": signal.reason,
        "entry": signal.entry,
        "stop_loss": signal.stop_loss,
        "take_profit": signal.take_profit,
        "take_profit_2": signal.take_profit_2,
    }
    body["extras"] = dict(signal.extras)
    return body


def fill_to_dict(fill: Fill) -> dict[str, Any]:
    return {
        "side": fill.side,
        "reason": fill.reason,
        "amount": _num(fill.amount),
        "requested_price": _num(fill.requested_price),
        "fill_price": _num(fill.fill_price),
        "fee": _num(fill.fee),
        "slippage": _num(fill.slippage),
        "realised_pnl": _num(fill.realised_pnl),
        "candle": iso(fill.candle_ts),
    }


def _position(view: PositionView | None) -> dict[str, Any] | None:
    if view is None:
        return None
    return {
        "cash_balance": _num(view.cash_balance),
        "asset_balance": _num(view.asset_balance),
        "price": _num(view.price),
        "value": _num(view.value),
    }


def _equity(view: EquityView | None) -> dict[str, Any] | None:
    if view is None:
        return None
    return {
        "total": _num(view.total),
        "realised_pnl": _num(view.realised_pnl),
        "fees": _num(view.fees),
        "drawdown": _num(view.drawdown),
        "peak": _num(view.peak),
    }


def result_to_dict(result: CycleResult) -> dict[str, Any]:
    """The result as the JSON document users read; `fill` is the cycle's last fill."""
    fills = [fill_to_dict(f) for f in result.fills]
    rejection = result.rejection
    error = result.error
    return {
        "schema_version": SCHEMA_VERSION,
        "status": result.status.value,
        "account": result.account,
        "symbol": result.symbol,
        "timeframe": result.timeframe,
        "strategy": result.strategy,
        "timestamp": iso(result.timestamp),
        "candle": iso(result.candle_ts) if result.candle_ts is not None else None,
        "signal": _signal(result.signal),
        "trade_executed": result.trade_executed,
        "fill": fills[-1] if fills else None,
        "fills": fills,
        "rejection": {"guard": rejection.guard, "reason": rejection.reason} if rejection else None,
        "position": _position(result.position),
        "equity": _equity(result.equity),
        "error": {"type": error.type, "message": error.message, "hint": error.hint}
        if error
        else None,
    }
