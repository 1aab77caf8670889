"""Deprecated: symbol utilities moved to trade.shared; this wrapper re-exports them."""

import warnings

from trade.shared.symbols import _CACHE, normalize
from trade.shared.symbols import split as split_symbol

from ..shared.markets import *  # noqa: F403

__all__ = ["MARKETS", "normalize", "split_symbol"]

warnings.warn("use trade.shared.symbols", DeprecationWarning, stacklevel=2)
