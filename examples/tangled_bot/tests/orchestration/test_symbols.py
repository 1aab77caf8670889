from __future__ import annotations

from unittest import mock

from bot_v2.orchestration import symbols
from bot_v2.orchestration.symbols import (
    default_symbols,
    derivatives_enabled,
    is_perp,
    normalize_symbols,
    spot_equivalent,
)


def test_top_volume_bases_come_first() -> None:
    kept, changed = normalize_symbols(
        ["doge-usd", "eth-usd", "ada-usd", "btc-usd"], allow_derivatives=False
    )
    assert kept == ["BTC-USD", "ETH-USD", "DOGE-USD", "ADA-USD"]
    assert changed == [
        "doge-usd -> DOGE-USD",
        "eth-usd -> ETH-USD",
        "ada-usd -> ADA-USD",
        "btc-usd -> BTC-USD",
    ]


def test_perpetuals_need_derivatives() -> None:
    assert normalize_symbols(["BTC-PERP", "BTC-USD"], allow_derivatives=False)[0] == ["BTC-USD"]
    assert normalize_symbols(["sol"], allow_derivatives=True)[0] == ["SOL-PERP"]
    assert is_perp("eth_perp")
    assert spot_equivalent("ETH-PERP", "EUR") == "ETH-EUR"


def test_derivatives_flag() -> None:
    assert derivatives_enabled({"BOT_ENABLE_DERIVATIVES": "yes"})
    assert not derivatives_enabled({})
    with mock.patch.dict("os.environ", {"BOT_ENABLE_DERIVATIVES": "1"}):
        assert derivatives_enabled()


def test_defaults_follow_the_configured_ranking() -> None:
    with mock.patch("bot_v2.orchestration.configuration.TOP_VOLUME_BASES", ("SOL", "BTC")):
        assert default_symbols(derivatives=True) == ["SOL-PERP", "BTC-PERP"]
    assert symbols.default_symbols(derivatives=False, count=1) == ["BTC-USD"]
