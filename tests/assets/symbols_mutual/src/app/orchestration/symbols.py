"""Symbol helpers."""

from __future__ import annotations

import os

import app.orchestration.configuration as configuration

__all__ = ["derivatives_enabled", "normalize_symbols", "quote_of"]

_DEFAULT_QUOTE = "USD"


def _clean(symbol: str) -> str:
    return symbol.strip().upper()


def derivatives_enabled() -> bool:
    """Are derivatives switched on (`DERIVATIVES=1`)?"""
    return os.environ.get("DERIVATIVES", "0") == "1"


def normalize_symbols(symbols: list[str]) -> list[str]:
    """Upper-cased, without duplicates; the top-volume bases first."""
    cleaned = {_clean(s) for s in symbols}
    top = [b for b in configuration.TOP_VOLUME_BASES if b in cleaned]
    return top + sorted(cleaned - set(top))


def quote_of(symbol: str) -> str:
    """The quote currency of `BASE-QUOTE`, the default quote when there is none."""
    _, _, quote = _clean(symbol).partition("-")
    return quote or _DEFAULT_QUOTE
