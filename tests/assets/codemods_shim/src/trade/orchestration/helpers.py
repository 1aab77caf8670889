"""Not a pure shim: it re-exports, and defines something of its own."""

from trade.shared.symbols import normalize


def shout(symbol: str) -> str:
    return normalize(symbol) + "!"
