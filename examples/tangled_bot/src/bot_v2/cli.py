"""The command line: `python -m bot_v2 dry-run [--profile dev] [--cycles 20] [--symbols ...]`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from bot_v2.domain.decisions import CycleReport
from bot_v2.orchestration.configuration import ConfigError, describe
from bot_v2.orchestration.perps_bot_builder import BuildError, build_bot

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bot_v2", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    dry = commands.add_parser("dry-run", help="Paper-trade the sample market for a few cycles.")
    dry.add_argument("--profile", default="dev")
    dry.add_argument("--cycles", type=int, default=40)
    dry.add_argument("--symbols", default="", help="Comma-separated, e.g. BTC-PERP,SOL-PERP.")
    dry.add_argument("--strategy", default="")
    dry.add_argument("--quiet", action="store_true", help="Only the summary.")
    return parser


def _line(report: CycleReport) -> str:
    parts = [f"cycle {report.cycle:3d}", f"equity {report.equity:.2f}"]
    for outcome in report.outcomes:
        if outcome.order is not None:
            order = outcome.order
            price = f" @ {order.average_price:.2f}" if order.average_price else ""
            refusal = f" ({outcome.rejection})" if outcome.rejection else ""
            parts.append(
                f"{outcome.symbol} {order.request.side} {order.request.quantity} "
                f"{order.status}{price}{refusal}"
            )
    parts.extend(f"error {e}" for e in report.errors)
    return "  ".join(parts)


def dry_run(args: argparse.Namespace, out: TextIO) -> int:
    overrides = {"dry_run": "yes"}
    if args.symbols:
        overrides["symbols"] = args.symbols
    if args.strategy:
        overrides["strategy"] = args.strategy
    try:
        bot = build_bot(args.profile, overrides=overrides)
    except (ConfigError, BuildError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(describe(bot.config), file=out)
    reports = bot.run(args.cycles)
    for report in reports:
        if not args.quiet:
            print(_line(report), file=out)
    filled = len(bot.engine.filled())
    print(
        f"{len(reports)} cycles, {filled} fills, {len(bot.engine.rejected())} rejected, "
        f"equity {bot.equity():.2f} (started {bot.config.starting_cash})",
        file=out,
    )
    return 0


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    args = _parser().parse_args(argv)
    return dry_run(args, out or sys.stdout)
