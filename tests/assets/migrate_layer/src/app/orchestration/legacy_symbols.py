"""Deprecated: import from app.orchestration.symbols."""

from app.orchestration.symbols import derivatives_enabled, normalize_symbols

__all__ = ["derivatives_enabled", "normalize_symbols"]
