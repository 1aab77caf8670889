"""How results look: versioned JSON documents, or a readable rich view."""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from bot.backtest_runner import BacktestOutcome
from bot.domain.result_json import SCHEMA_VERSION, result_to_dict
from bot.domain.timeframes import iso
from bot.domain.trading import CycleResult, Fill
from bot.errors import BotError
from bot.persistence.queries import AccountStatus

__all__ = [
    "backtest_to_dict",
    "dumps",
    "error_to_dict",
    "render_backtest",
    "render_cycle",
    "render_status",
    "render_trades",
    "status_to_dict",
    "trades_to_dict",
]

_STYLE = {"executed": "bold green", "hold": "cyan", "no_new_candle": "dim", "rejected": "yellow"}


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, sort_keys=True, default=_default)


def _default(value: object) -> object:
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(type(value).__name__)


def error_to_dict(error: BotError) -> dict[str, Any]:
    body = {"type": error.code, "message": error.message, "hint": error.hint}
    return {"schema_version": SCHEMA_VERSION, "status": "error", "error": body}


def _print_error(error: dict[str, Any], console: Console) -> None:
    label = escape(f"[{error['type']}]")
    console.print(f"  [bold red]error{label}[/]: {escape(error['message'])}")
    if error.get("hint"):
        console.print(f"  [yellow]hint[/]: {escape(error['hint'])}")


def render_cycle(result: CycleResult, console: Console) -> None:
    doc = result_to_dict(result)
    style = _STYLE.get(doc["status"], "bold red")
    console.print(
        f"[{style}]{doc['status']}[/] {escape(doc['symbol'])} {doc['timeframe']} "
        f"{doc['strategy']} account={escape(doc['account'])}"
        + (f" candle={doc['candle']}" if doc["candle"] else "")
    )
    if doc["error"]:
        _print_error(doc["error"], console)
        return
    if doc["signal"]:
        s = doc["signal"]
        console.print(f"  signal: [bold]{s['action']}[/] - {escape(s['reason'])}")
        if s["entry"] is not None:
            console.print(
                f"    entry {s['entry']:g} stop {s['stop_loss']:g} target {s['take_profit']:g}"
            )
    if doc["rejection"]:
        r = doc["rejection"]
        console.print(f"  rejected by [yellow]{r['guard']}[/]: {escape(r['reason'])}")
    for fill in doc["fills"]:
        console.print(
            f"  fill: {fill['side']} {fill['amount']:g} @ {fill['fill_price']:g} "
            f"({fill['reason']}), fee {fill['fee']:g}, slippage {fill['slippage']:g}"
        )
    if doc["position"] and doc["equity"]:
        p, e = doc["position"], doc["equity"]
        console.print(
            f"  cash {p['cash_balance']:,.2f}  asset {p['asset_balance']:g} x {p['price']:g} = "
            f"{p['value']:,.2f}  equity {e['total']:,.2f}  realised {e['realised_pnl']:,.2f}  "
            f"fees {e['fees']:,.2f}  drawdown {e['drawdown']:.2%}"
        )


def backtest_to_dict(outcome: BacktestOutcome) -> dict[str, Any]:
    perf = outcome.performance
    config = outcome.config
    doc: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "status": "error" if outcome.error else "completed",
        "symbol": config.symbol,
        "timeframe": config.timeframe.label,
        "strategy": config.strategy,
        "candles": outcome.candles,
        "cycles": outcome.cycles,
        "statuses": outcome.statuses,
        "rejections": outcome.rejections,
        "error": None,
    }
    if outcome.error:
        doc["error"] = {
            "type": outcome.error.type,
            "message": outcome.error.message,
            "hint": outcome.error.hint,
        }
    if perf is not None:
        doc.update(
            starting_cash=perf.starting_cash,
            final_equity=perf.final_equity,
            total_return=perf.total_return,
            max_drawdown=perf.max_drawdown,
            win_rate=perf.win_rate,
            fees=perf.fees,
            trades=[_trade(t) for t in perf.trades],
        )
    return doc


def _trade(t: Any) -> dict[str, Any]:
    return {
        "entry": iso(t.entry_ts),
        "exit": iso(t.exit_ts) if t.exit_ts is not None else None,
        "amount": t.amount,
        "entry_price": t.entry_price,
        "exit_price": t.exit_price,
        "pnl": t.pnl,
        "fees": t.fees,
        "exit_reason": t.exit_reason,
    }


def _short(moment: str) -> str:
    return moment[2:16].replace("T", " ")  # 26-02-04 09:00: a table row fits 80 columns


def render_backtest(outcome: BacktestOutcome, console: Console) -> None:
    doc = json.loads(dumps(backtest_to_dict(outcome)))
    console.print(
        f"[bold]backtest[/] {doc['symbol']} {doc['timeframe']} {doc['strategy']}: "
        f"{doc['candles']} candles, {doc['cycles']} cycles"
    )
    if doc["error"]:
        _print_error(doc["error"], console)
        return
    table = Table(box=None)
    for header in ("entry", "exit", "in", "out", "pnl", "reason"):
        table.add_column(header, no_wrap=True, justify="left" if header != "pnl" else "right")
    for t in doc.get("trades", []):
        exit_price = "" if t["exit_price"] is None else f"{t['exit_price']:g}"
        ended = _short(t["exit"]) if t["exit"] else "open"
        table.add_row(
            _short(t["entry"]), ended, f"{t['entry_price']:g}", exit_price,
            f"{t['pnl']:,.2f}", t["exit_reason"] or "",
        )  # fmt: skip
    console.print(table)
    win = "n/a" if doc.get("win_rate") is None else f"{doc['win_rate']:.1%}"
    console.print(
        f"  trades {len(doc.get('trades', []))}  total return {doc.get('total_return', 0):.2%}"
        f"  max drawdown {doc.get('max_drawdown', 0):.2%}  win rate {win}"
        f"  fees {doc.get('fees', 0):,.2f}  rejected {doc['rejections']}"
    )


def status_to_dict(status: AccountStatus) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "account": status.account,
        "created_at": iso(status.created_at),
        "starting_cash": status.starting_cash,
        "cash": status.cash,
        "realised_pnl": status.realised_pnl,
        "fees": status.fees,
        "peak_equity": status.peak_equity,
        "equity": status.last_equity,
        "fills": status.fills,
        "positions": [
            {
                "symbol": p.symbol,
                "amount": p.amount,
                "entry_price": p.entry_price,
                "stop_loss": p.stop_loss,
                "take_profit": p.take_profit,
                "take_profit_2": p.take_profit_2,
                "opened": iso(p.opened_ts),
            }
            for p in status.positions
        ],
        "last_cycles": list(status.last_cycles),
    }


def render_status(status: AccountStatus, console: Console) -> None:
    doc = json.loads(dumps(status_to_dict(status)))
    equity = "n/a" if doc["equity"] is None else f"{doc['equity']:,.2f}"
    console.print(
        f"[bold]account {escape(doc['account'])}[/] since {doc['created_at']}:"
        f" cash {doc['cash']:,.2f}"
        f"  equity {equity}  realised {doc['realised_pnl']:,.2f}  fees {doc['fees']:,.2f}"
        f"  fills {doc['fills']}"
    )
    for p in doc["positions"]:
        console.print(
            f"  position {p['symbol']}: {p['amount']:g} @ {p['entry_price']:g},"
            f" stop {p['stop_loss']:g}"
        )
    for c in doc["last_cycles"]:
        console.print(f"  cycle {c['candle']} {c['symbol']} {c['strategy']}: {c['status']}")


def trades_to_dict(account: str, fills: Sequence[Fill]) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "account": account,
        "fills": [
            {
                "time": iso(f.candle_ts),
                "symbol": f.symbol,
                "side": f.side,
                "reason": f.reason,
                "amount": f.amount,
                "fill_price": f.fill_price,
                "fee": f.fee,
                "realised_pnl": f.realised_pnl,
            }
            for f in fills
        ],
    }


def render_trades(account: str, fills: Sequence[Fill], console: Console) -> None:
    doc = json.loads(dumps(trades_to_dict(account, fills)))
    if not doc["fills"]:
        console.print(f"No fills in paper account {escape(account)!r} yet.")
        return
    table = Table(box=None)
    for header in ("time", "symbol", "side", "reason", "amount", "price", "fee", "pnl"):
        table.add_column(header, no_wrap=True)
    for f in doc["fills"]:
        table.add_row(
            _short(f["time"]), f["symbol"], f["side"], f["reason"], f"{f['amount']:g}",
            f"{f['fill_price']:g}", f"{f['fee']:,.2f}", f"{f['realised_pnl']:,.2f}",
        )  # fmt: skip
    console.print(table)
