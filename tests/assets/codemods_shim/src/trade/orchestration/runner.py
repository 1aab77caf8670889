from trade.orchestration import symbols


def first() -> str:
    return symbols.normalize("btc/usd")
