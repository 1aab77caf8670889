from .symbols import (
    MARKETS,
    normalize,  # the one we need most
    split_symbol,
)


def run() -> list[str]:
    return [normalize(m) for m in MARKETS if split_symbol(m)[1] == "USD"]
