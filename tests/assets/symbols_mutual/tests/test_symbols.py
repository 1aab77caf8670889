from unittest import mock

from app.orchestration import symbols
from app.orchestration.configuration import TOP_VOLUME_BASES, BotConfig
from app.orchestration.symbols import normalize_symbols, quote_of


def test_normalize_puts_top_bases_first() -> None:
    assert normalize_symbols(["doge", "eth", "btc"]) == ["BTC", "ETH", "DOGE"]
    assert TOP_VOLUME_BASES[0] == "BTC"


def test_config_uses_the_helpers() -> None:
    with mock.patch("app.orchestration.symbols.derivatives_enabled", return_value=True):
        assert BotConfig(["sol"]).derivatives()
    assert symbols.derivatives_enabled() is False


def test_quote() -> None:
    assert quote_of("btc-eur") == "EUR"
    assert quote_of("btc") == "USD"
