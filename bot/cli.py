"""`unknot-bot` / `python -m bot`: the paper-trading bot's command line (typer + rich).

Each command parses, calls one use case, renders, and returns an exit code: 0 for a cycle that
executed, held, found no new candle or was rejected by a guard; 1 for an `error` result;
2 for bad input (unknown strategy, symbol, data source, unusable database); 130 on Ctrl-C.
"""

from __future__ import annotations

import logging
import sys
import time
from dataclasses import replace
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from typer._click.exceptions import ClickException

from bot import use_cases
from bot.cli_options import (
    TRADING_RULES,
    Account,
    Data,
    Db,
    FeeRate,
    Json,
    LotSize,
    MinOrderValue,
    Now,
    Params,
    PositionSize,
    Slippage,
    StartingCash,
    Strategy,
    Symbol,
    TimeframeOpt,
    account_name,
    build_options,
    parse_moment,
    size,
)
from bot.domain.result_json import result_to_dict
from bot.domain.trading import CycleResult
from bot.errors import BotError, UsageError
from bot.views import (
    backtest_to_dict,
    dumps,
    error_to_dict,
    render_backtest,
    render_cycle,
    render_status,
    render_trades,
    status_to_dict,
    trades_to_dict,
)

__all__ = ["app", "main"]

app = typer.Typer(
    name="unknot-bot",
    help="The reference paper-trading bot: dry-run cycles, backtests, paper accounts. "
    + TRADING_RULES,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
_state = {"debug": False, "json": False}
#: The most candles a backtest replays from the sample or ccxt source (about 1 GB of memory).
MAX_CANDLES = 1_000_000
_out = Console(highlight=False, soft_wrap=True)
_err = Console(stderr=True, highlight=False, soft_wrap=True)


@app.callback()
def _root(debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False) -> None:
    _state["debug"] = debug
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


def _print_cycle(result: CycleResult) -> None:
    """The result on stdout; in text, an `error` result goes to stderr as any error does."""
    if _state["json"]:
        print(dumps(result_to_dict(result)), flush=True)
    elif result.error is not None:
        error = result.error
        _show_error(_err, BotError(error.message, hint=error.hint, code=error.type))
    else:
        render_cycle(result, _out)


@app.command(
    "dry-run", help="Run one paper-trading cycle (or --daemon: one per interval). " + TRADING_RULES
)
def dry_run(
    *,
    strategy: Strategy = "fib",
    symbol: Symbol = "BTC-USD",
    timeframe: TimeframeOpt = "1h",
    data: Data = "sample",
    db: Db = "bot.sqlite",
    account: Account = "default",
    param: Params = None,
    now: Now = None,
    json_: Json = False,
    daemon: Annotated[bool, typer.Option("--daemon", help="Repeat cycles until Ctrl-C.")] = False,
    interval: Annotated[
        float, typer.Option(min=0.01, help="Seconds between daemon cycles.")
    ] = 60.0,
    max_cycles: Annotated[
        int | None, typer.Option(min=1, help="Stop the daemon after N cycles.")
    ] = None,
    fee_rate: FeeRate = "0.001",
    slippage_bps: Slippage = "5",
    lot_size: LotSize = "0.0001",
    min_order_value: MinOrderValue = "10",
    position_size: PositionSize = "0.25",
) -> int:
    _state["json"] = json_
    rules = {"fee_rate": fee_rate, "slippage_bps": slippage_bps, "lot_size": lot_size,
             "min_order_value": min_order_value, "position_size": position_size}  # fmt: skip
    options = build_options(strategy=strategy, symbol=symbol, timeframe=timeframe, data=data,
                            account=account, params=param, rules=rules)  # fmt: skip
    session = use_cases.open_session(options, db=db, now=parse_moment(now))
    if not daemon:
        result = session.lifecycle.run_once()
        _print_cycle(result)
        if result.error is None:
            return 0
        use_cases.forget_new_database(session)
        return result.error.exit_code
    ran = use_cases.run_daemon(
        session, interval=interval, max_cycles=max_cycles, on_result=_print_cycle
    )
    if not json_:
        Console(stderr=True).print(f"Stopped after {ran} cycle(s).")
    return 0


@app.command(help="Replay history through the dry-run's orchestrator and fill model.")
def backtest(
    *,
    strategy: Strategy = "fib",
    symbol: Symbol = "BTC-USD",
    timeframe: TimeframeOpt = "1h",
    data: Data = "sample",
    param: Params = None,
    candles: Annotated[
        int, typer.Option(min=1, max=MAX_CANDLES, help="Candles to replay (sample and ccxt).")
    ] = 2000,
    end: Annotated[
        str | None, typer.Option(help="End of the history, ISO 8601 (default: now).")
    ] = None,
    json_: Json = False,
    starting_cash: StartingCash = "10000",
    fee_rate: FeeRate = "0.001",
    slippage_bps: Slippage = "5",
    lot_size: LotSize = "0.0001",
    min_order_value: MinOrderValue = "10",
    position_size: PositionSize = "0.25",
) -> int:
    _state["json"] = json_
    rules = {"fee_rate": fee_rate, "slippage_bps": slippage_bps, "lot_size": lot_size,
             "min_order_value": min_order_value, "position_size": position_size}  # fmt: skip
    options = build_options(strategy=strategy, symbol=symbol, timeframe=timeframe, data=data,
                            account="backtest", params=param, rules=rules)  # fmt: skip
    options = replace(options, starting_cash=size(starting_cash, "starting-cash"))
    stop = parse_moment(end, option="--end") or int(time.time())
    outcome = use_cases.backtest(options, candles=candles, end=stop)
    if json_:
        print(dumps(backtest_to_dict(outcome)))
    else:
        render_backtest(outcome, _out)
    return outcome.error.exit_code if outcome.error else 0


@app.command(help="Start a new paper account (the old one is kept in the database's history).")
def reset(
    db: Db = "bot.sqlite",
    account: Account = "default",
    starting_cash: StartingCash = "10000",
    json_: Json = False,
) -> int:
    _state["json"] = json_
    cash = use_cases.reset(
        db=db, account=account_name(account), starting_cash=size(starting_cash, "starting-cash")
    )
    if json_:
        print(
            dumps(
                {"schema_version": 1, "status": "reset", "account": account, "starting_cash": cash}
            )
        )
    else:
        _out.print(f"New paper account {account!r} with {cash:,.2f} in cash.")
    return 0


@app.command(help="Show the account: cash, open positions, equity, last cycles.")
def status(
    db: Db = "bot.sqlite",
    account: Account = "default",
    last: Annotated[int, typer.Option(min=1, max=1000, help="How many recent cycles to show.")] = 5,
    json_: Json = False,
) -> int:
    _state["json"] = json_
    found = use_cases.status(db=db, account=account, last=last)
    if json_:
        print(dumps(status_to_dict(found)))
    else:
        render_status(found, _out)
    return 0


@app.command(help="List the account's last fills (entries and exits), oldest first.")
def trades(
    db: Db = "bot.sqlite",
    account: Account = "default",
    last: Annotated[int, typer.Option(min=1, max=10_000, help="How many fills to list.")] = 20,
    json_: Json = False,
) -> int:
    _state["json"] = json_
    fills = use_cases.trades(db=db, account=account, last=last)
    if json_:
        print(dumps(trades_to_dict(account, fills)))
    else:
        render_trades(account, fills, _out)
    return 0


def _show_error(err: Console, exc: BotError) -> None:
    err.print(f"[bold red]error{escape(f'[{exc.code}]')}[/]: {escape(exc.message)}")
    if exc.hint:
        err.print(f"  [yellow]hint[/]: {escape(exc.hint)}")


def main(argv: list[str] | None = None) -> None:
    """Run the CLI and exit with its code; errors print a code, a message and a hint."""
    err = _err
    try:
        code = app(args=argv, standalone_mode=False)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        err.print("Interrupted.")
        sys.exit(130)
    except ClickException as exc:
        context = getattr(exc, "ctx", None)
        command = getattr(context, "command_path", None) or "unknot-bot"
        _show_error(err, UsageError(exc.format_message(), hint=f"See `{command} --help`."))
        sys.exit(2)
    except BotError as exc:
        if _state["debug"]:
            raise
        if _state["json"]:
            print(dumps(error_to_dict(exc)))
        else:
            _show_error(err, exc)
        sys.exit(exc.exit_code)
    sys.exit(code if isinstance(code, int) else 0)
