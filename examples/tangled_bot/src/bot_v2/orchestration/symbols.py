"""Symbol helpers: which markets the bot trades, written `BASE-QUOTE` or `BASE-PERP`."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

from bot_v2.orchestration import configuration

__all__ = [
    "PERP_SUFFIX",
    "base_of",
    "default_symbols",
    "derivatives_enabled",
    "is_perp",
    "normalize_symbols",
    "spot_equivalent",
]

PERP_SUFFIX = "PERP"
_DERIVATIVES_FLAG = "BOT_ENABLE_DERIVATIVES"
_TRUE = frozenset({"1", "true", "yes", "on"})


def _clean(symbol: str) -> str:
    return symbol.strip().upper().replace("/", "-").replace("_", "-")


def _split(symbol: str) -> tuple[str, str]:
    base, _, quote = _clean(symbol).partition("-")
    return base, quote


def _rank(symbol: str) -> tuple[int, str]:
    # The most traded bases first, the others alphabetically.
    base = _split(symbol)[0]
    tops = configuration.TOP_VOLUME_BASES
    return (tops.index(base) if base in tops else len(tops), symbol)


def derivatives_enabled(env: Mapping[str, str] | None = None) -> bool:
    """Are perpetuals switched on (`BOT_ENABLE_DERIVATIVES=1`)?"""
    source = os.environ if env is None else env
    return source.get(_DERIVATIVES_FLAG, "0").strip().lower() in _TRUE


def is_perp(symbol: str) -> bool:
    return _split(symbol)[1] == PERP_SUFFIX


def base_of(symbol: str) -> str:
    return _split(symbol)[0]


def spot_equivalent(symbol: str, quote: str = "USD") -> str:
    """`BTC-PERP` traded as spot: `BTC-USD`."""
    base, own_quote = _split(symbol)
    return f"{base}-{quote if own_quote in ('', PERP_SUFFIX) else own_quote}"


def normalize_symbols(
    symbols: Iterable[str], *, allow_derivatives: bool, quote: str = "USD"
) -> tuple[list[str], list[str]]:
    """The symbols to trade, cleaned, deduplicated and ranked; and the ones changed on the way.

    Without derivatives a perpetual becomes its spot equivalent; a bare base gets `quote`.
    """
    kept: set[str] = set()
    changed: list[str] = []
    for raw in symbols:
        symbol = _clean(raw)
        if not symbol:
            continue
        base, own_quote = _split(symbol)
        if not own_quote:
            symbol = f"{base}-{PERP_SUFFIX if allow_derivatives else quote}"
        elif own_quote == PERP_SUFFIX and not allow_derivatives:
            symbol = spot_equivalent(symbol, quote)
        if symbol != raw:
            changed.append(f"{raw} -> {symbol}")
        kept.add(symbol)
    return sorted(kept, key=_rank), changed


def default_symbols(*, derivatives: bool, count: int = 2) -> list[str]:
    """The top `count` bases, as perpetuals when derivatives are on."""
    suffix = PERP_SUFFIX if derivatives else "USD"
    return [f"{base}-{suffix}" for base in configuration.TOP_VOLUME_BASES[:count]]
