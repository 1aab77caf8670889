from __future__ import annotations

from decimal import Decimal
from unittest import mock

import pytest

from bot_v2.orchestration import configuration
from bot_v2.orchestration.configuration import (
    TOP_VOLUME_BASES,
    ConfigError,
    Profile,
    describe,
    load_config,
    parse_interval,
    to_mapping,
    validate,
)


def test_dev_profile_trades_perpetuals_by_default() -> None:
    config = load_config("dev", env={})
    assert config.profile is Profile.DEV
    assert config.symbols == ("BTC-PERP", "ETH-PERP")
    assert config.derivatives
    assert config.dry_run


def test_environment_overrides_are_parsed() -> None:
    env = {
        "BOT_SYMBOLS": "sol, btc-perp, eth/perp",
        "BOT_INTERVAL": "15m",
        "BOT_MAX_LEVERAGE": "5",
        "BOT_LEVERAGE": "4",
        "BOT_FEE_BPS": "4.5",
    }
    config = load_config("dev", env=env)
    assert config.symbols == ("BTC-PERP", "ETH-PERP", "SOL-PERP")
    assert config.interval_seconds == 900
    assert config.leverage == 4
    assert config.fees.fee_bps == Decimal("4.5")
    assert "symbol sol -> SOL-PERP" in config.notes


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(ConfigError) as caught:
        load_config("dev", env={"BOT_LEVERAGE": "x", "BOT_INTERVAL": "soon", "BOT_COLOUR": "red"})
    keys = [issue.key for issue in caught.value.issues]
    assert keys == ["colour", "interval", "leverage"]
    assert "BOT_*" in caught.value.hint


def test_spot_profile_turns_perpetuals_into_spot_and_drops_leverage() -> None:
    config = load_config("spot", env={}, overrides={"symbols": "BTC-PERP,XRP"})
    assert config.symbols == ("BTC-USD", "XRP-USD")
    assert config.leverage == 1
    assert not config.perps


def test_derivatives_flag_decides_outside_dev() -> None:
    off = load_config("demo", env={})
    on = load_config("demo", env={"BOT_ENABLE_DERIVATIVES": "1"})
    assert off.symbols == ("BTC-USD", "ETH-USD")
    assert on.symbols == ("BTC-PERP", "ETH-PERP")


def test_the_symbol_helpers_are_looked_up_on_the_symbols_module() -> None:
    with mock.patch("bot_v2.orchestration.symbols.derivatives_enabled", return_value=True) as flag:
        config = load_config("demo", env={"BOT_ENABLE_DERIVATIVES": "0"})
    assert flag.called
    assert config.derivatives


def test_validation_sees_the_whole_configuration() -> None:
    config = load_config("dev", env={})
    from dataclasses import replace

    broken = replace(config, leverage=9, strategy="astrology", history=1)
    keys = {issue.key for issue in validate(broken)}
    assert keys == {"leverage", "strategy", "history"}


def test_prod_refuses_a_dry_run() -> None:
    with pytest.raises(ConfigError, match="dry_run"):
        load_config("prod", env={"BOT_DRY_RUN": "yes"})


@pytest.mark.parametrize(
    ("text", "seconds"), [("300", 300), ("45s", 45), ("5m", 300), ("1h", 3600)]
)
def test_intervals(text: str, seconds: int) -> None:
    assert parse_interval("interval", text) == seconds


def test_the_mapping_form_reads_back() -> None:
    config = load_config("canary", env={})
    again = configuration.apply_overrides(load_config("canary", env={}), to_mapping(config))
    assert again == config
    assert "reduce-only" in describe(config)
    assert TOP_VOLUME_BASES[0] == "BTC"
