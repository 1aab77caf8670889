"""Symbol helpers."""

from __future__ import annotations

import os

import app.orchestration.configuration as configuration


def derivatives_enabled() -> bool:
    """Are derivatives switched on (`DERIVATIVES=1`)?"""
    return os.environ.get("DERIVATIVES", "0") == "1"


def normalize_symbols(symbols: list[str]) -> list[str]:
    """Upper-cased, without duplicates; the top-volume bases first."""
    cleaned = {s.strip().upper() for s in symbols}
    top = [b for b in configuration.TOP_VOLUME_BASES if b in cleaned]
    return top + sorted(cleaned - set(top))
