_CACHE: dict[str, str] = {}


def normalize(symbol: str) -> str:
    return _CACHE.setdefault(symbol, symbol.upper().replace("/", "-"))


def split(symbol: str) -> tuple[str, str]:
    base, _, quote = normalize(symbol).partition("-")
    return base, quote
