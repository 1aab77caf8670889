"""The bot's configuration: profiles, environment overrides, parsing and validation.

A configuration starts from a profile's defaults (`dev`, `demo`, `spot`, `canary`, `prod`),
takes `BOT_*` environment variables, then explicit overrides, and is validated as a whole: every
problem is collected, so a bad deployment hears about all of them at once.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from bot_v2.orchestration import symbols

__all__ = [
    "TOP_VOLUME_BASES",
    "BotConfig",
    "ConfigError",
    "ConfigIssue",
    "FeeSettings",
    "Profile",
    "RiskSettings",
    "describe",
    "load_config",
    "parse_bool",
    "parse_decimal",
    "parse_interval",
    "parse_positive_int",
    "validate",
]

# The bases with the deepest books, most traded first: defaults and ordering of symbol lists.
TOP_VOLUME_BASES = ("BTC", "ETH", "SOL", "XRP", "DOGE")

_ENV_PREFIX = "BOT_"
_INTERVAL = re.compile(r"^\s*(\d+)\s*([smhd]?)\s*$")
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off", ""})
_STRATEGIES = ("momentum", "mean_reversion")


class Profile(StrEnum):
    DEV = "dev"
    DEMO = "demo"
    SPOT = "spot"
    CANARY = "canary"
    PROD = "prod"


class ConfigError(ValueError):
    """A configuration that cannot be used, with every problem found and a hint."""

    def __init__(self, issues: Iterable[ConfigIssue]) -> None:
        self.issues = tuple(issues)
        super().__init__("; ".join(f"{i.key}: {i.message}" for i in self.issues))

    @property
    def hint(self) -> str:
        return "Fix the BOT_* variables or the overrides named above."


@dataclass(frozen=True, slots=True)
class ConfigIssue:
    key: str
    message: str


@dataclass(frozen=True, slots=True)
class RiskSettings:
    """Limits the execution engine checks before every order."""

    max_leverage: int = 3
    max_position_notional: Decimal = Decimal(25000)
    daily_loss_limit: Decimal = Decimal(1000)
    min_notional: Decimal = Decimal(10)
    max_slippage_bps: Decimal = Decimal(50)
    position_fraction: Decimal = Decimal("0.2")
    reduce_only: bool = False


@dataclass(frozen=True, slots=True)
class FeeSettings:
    fee_bps: Decimal = Decimal(6)
    slippage_bps: Decimal = Decimal(2)


@dataclass(frozen=True, slots=True)
class BotConfig:
    """Everything one bot runs with; built by `load_config`, never edited after."""

    profile: Profile = Profile.DEV
    symbols: tuple[str, ...] = ("BTC-PERP", "ETH-PERP")
    interval_seconds: int = 300
    dry_run: bool = True
    derivatives: bool = True
    leverage: int = 2
    starting_cash: Decimal = Decimal(10000)
    strategy: str = "momentum"
    history: int = 60
    max_cycles: int = 0
    max_errors: int = 3
    risk: RiskSettings = field(default_factory=RiskSettings)
    fees: FeeSettings = field(default_factory=FeeSettings)
    notes: tuple[str, ...] = ()

    @property
    def perps(self) -> tuple[str, ...]:
        return tuple(s for s in self.symbols if symbols.is_perp(s))

    @property
    def live(self) -> bool:
        return not self.dry_run


_PROFILES: dict[Profile, BotConfig] = {
    Profile.DEV: BotConfig(),
    Profile.DEMO: BotConfig(
        profile=Profile.DEMO,
        starting_cash=Decimal(1000),
        risk=RiskSettings(max_position_notional=Decimal(2500), daily_loss_limit=Decimal(100)),
    ),
    Profile.SPOT: BotConfig(
        profile=Profile.SPOT,
        symbols=("BTC-USD", "ETH-USD"),
        derivatives=False,
        leverage=1,
        interval_seconds=3600,
        risk=RiskSettings(max_leverage=1, position_fraction=Decimal("0.25")),
    ),
    Profile.CANARY: BotConfig(
        profile=Profile.CANARY,
        symbols=("BTC-PERP",),
        dry_run=False,
        leverage=1,
        starting_cash=Decimal(500),
        risk=RiskSettings(
            max_leverage=1,
            max_position_notional=Decimal(500),
            daily_loss_limit=Decimal(50),
            reduce_only=True,
        ),
    ),
    Profile.PROD: BotConfig(profile=Profile.PROD, dry_run=False, interval_seconds=60),
}


def parse_bool(key: str, text: str) -> bool:
    value = text.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ConfigError([ConfigIssue(key, f"expected a yes/no value, got {text!r}")])


def parse_decimal(key: str, text: str, *, minimum: Decimal = Decimal(0)) -> Decimal:
    try:
        value = Decimal(text.strip().replace("_", ""))
    except InvalidOperation:
        raise ConfigError([ConfigIssue(key, f"expected a number, got {text!r}")]) from None
    if not value.is_finite() or value < minimum:
        raise ConfigError([ConfigIssue(key, f"expected a number of at least {minimum}")])
    return value


def parse_positive_int(key: str, text: str) -> int:
    if not text.strip().isdigit() or int(text) <= 0:
        raise ConfigError([ConfigIssue(key, f"expected a positive whole number, got {text!r}")])
    return int(text)


def parse_interval(key: str, text: str) -> int:
    """`300`, `300s`, `5m`, `1h` and `1d` as seconds."""
    match = _INTERVAL.match(text.lower())
    if match is None or int(match.group(1)) == 0:
        raise ConfigError([ConfigIssue(key, f"expected an interval like 5m or 1h, got {text!r}")])
    return int(match.group(1)) * _UNIT_SECONDS[match.group(2)]


def _parse_symbol_list(text: str) -> tuple[str, ...]:
    return tuple(part for part in (p.strip() for p in text.split(",")) if part)


def _env_overrides(env: Mapping[str, str]) -> dict[str, str]:
    """The `BOT_*` variables as lower-case keys (`BOT_MAX_LEVERAGE` -> `max_leverage`)."""
    return {
        key[len(_ENV_PREFIX) :].lower(): value
        for key, value in env.items()
        if key.startswith(_ENV_PREFIX) and key != "BOT_ENABLE_DERIVATIVES"
    }


def _apply_top_level(config: BotConfig, key: str, text: str) -> BotConfig:
    if key == "symbols":
        return replace(config, symbols=_parse_symbol_list(text))
    if key == "interval":
        return replace(config, interval_seconds=parse_interval(key, text))
    if key == "dry_run":
        return replace(config, dry_run=parse_bool(key, text))
    if key == "leverage":
        return replace(config, leverage=parse_positive_int(key, text))
    if key == "starting_cash":
        return replace(config, starting_cash=parse_decimal(key, text, minimum=Decimal(1)))
    if key == "strategy":
        return replace(config, strategy=text.strip().lower())
    if key == "history":
        return replace(config, history=parse_positive_int(key, text))
    if key == "max_cycles":
        cycles = 0 if text.strip() == "0" else parse_positive_int(key, text)
        return replace(config, max_cycles=cycles)
    if key == "max_errors":
        return replace(config, max_errors=parse_positive_int(key, text))
    raise KeyError(key)


def _apply_risk(risk: RiskSettings, key: str, text: str) -> RiskSettings:
    if key == "max_leverage":
        return replace(risk, max_leverage=parse_positive_int(key, text))
    if key == "max_position_notional":
        return replace(risk, max_position_notional=parse_decimal(key, text))
    if key == "daily_loss_limit":
        return replace(risk, daily_loss_limit=parse_decimal(key, text))
    if key == "min_notional":
        return replace(risk, min_notional=parse_decimal(key, text))
    if key == "max_slippage_bps":
        return replace(risk, max_slippage_bps=parse_decimal(key, text))
    if key == "position_fraction":
        return replace(risk, position_fraction=parse_decimal(key, text))
    if key == "reduce_only":
        return replace(risk, reduce_only=parse_bool(key, text))
    raise KeyError(key)


def _apply_fees(fees: FeeSettings, key: str, text: str) -> FeeSettings:
    if key == "fee_bps":
        return replace(fees, fee_bps=parse_decimal(key, text))
    if key == "slippage_bps":
        return replace(fees, slippage_bps=parse_decimal(key, text))
    raise KeyError(key)


def apply_overrides(config: BotConfig, overrides: Mapping[str, str]) -> BotConfig:
    """`config` with each override applied; unknown keys and bad values are all reported."""
    issues: list[ConfigIssue] = []
    for key, text in sorted(overrides.items()):
        try:
            config = _apply_one(config, key, text)
        except ConfigError as error:
            issues.extend(error.issues)
        except KeyError:
            issues.append(ConfigIssue(key, "unknown setting"))
    if issues:
        raise ConfigError(issues)
    return config


def _apply_one(config: BotConfig, key: str, text: str) -> BotConfig:
    try:
        return _apply_top_level(config, key, text)
    except KeyError:
        pass
    try:
        return replace(config, risk=_apply_risk(config.risk, key, text))
    except KeyError:
        return replace(config, fees=_apply_fees(config.fees, key, text))


def load_config(
    profile: Profile | str = Profile.DEV,
    *,
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, str] | None = None,
) -> BotConfig:
    """The profile's defaults, then `BOT_*` variables of `env`, then `overrides`; validated.

    Raises `ConfigError` with every issue found.
    """
    environment = dict(os.environ if env is None else env)
    try:
        chosen = Profile(str(profile).lower())
    except ValueError:
        names = ", ".join(p.value for p in Profile)
        raise ConfigError([ConfigIssue("profile", f"unknown profile; one of {names}")]) from None
    config = _PROFILES[chosen]
    config = apply_overrides(config, _env_overrides(environment))
    config = apply_overrides(config, overrides or {})
    derivatives = config.derivatives and (
        chosen is not Profile.SPOT and symbols.derivatives_enabled(environment)
    )
    if chosen is Profile.DEV and "BOT_ENABLE_DERIVATIVES" not in environment:
        derivatives = config.derivatives
    config = _with_symbols(config, derivatives=derivatives)
    ensure_valid(config)
    return config


def _with_symbols(config: BotConfig, *, derivatives: bool) -> BotConfig:
    requested = config.symbols or tuple(symbols.default_symbols(derivatives=derivatives))
    cleaned, changed = symbols.normalize_symbols(requested, allow_derivatives=derivatives)
    leverage = config.leverage if derivatives else 1
    notes = tuple(f"symbol {change}" for change in changed)
    if leverage != config.leverage:
        notes += (f"leverage {config.leverage} -> 1 (derivatives are off)",)
    return replace(
        config,
        symbols=tuple(cleaned),
        derivatives=derivatives,
        leverage=leverage,
        notes=config.notes + notes,
    )


def validate(config: BotConfig) -> list[ConfigIssue]:
    """Every problem of `config` as a whole (each setting may be fine on its own)."""
    issues: list[ConfigIssue] = []
    risk = config.risk
    if not config.symbols:
        issues.append(ConfigIssue("symbols", "no symbol to trade"))
    if config.leverage > risk.max_leverage:
        issues.append(
            ConfigIssue("leverage", f"{config.leverage} is above max_leverage {risk.max_leverage}")
        )
    if config.perps and not config.derivatives:
        issues.append(ConfigIssue("symbols", f"perpetuals {config.perps} need derivatives on"))
    if config.strategy not in _STRATEGIES:
        issues.append(ConfigIssue("strategy", f"unknown strategy; one of {', '.join(_STRATEGIES)}"))
    if not Decimal(0) < risk.position_fraction <= Decimal(1):
        issues.append(ConfigIssue("position_fraction", "must be above 0 and at most 1"))
    if risk.min_notional >= risk.max_position_notional:
        issues.append(ConfigIssue("min_notional", "must be below max_position_notional"))
    if risk.daily_loss_limit > config.starting_cash:
        issues.append(ConfigIssue("daily_loss_limit", "is more than the starting cash"))
    if config.history < 2:
        issues.append(ConfigIssue("history", "a strategy needs at least 2 candles"))
    if config.profile is Profile.PROD and config.dry_run:
        issues.append(ConfigIssue("dry_run", "the prod profile trades for real; use demo"))
    return issues


def ensure_valid(config: BotConfig) -> None:
    issues = validate(config)
    if issues:
        raise ConfigError(issues)


def to_mapping(config: BotConfig) -> dict[str, str]:
    """The settings as the flat `key -> text` form `apply_overrides` reads back."""
    risk, fees = config.risk, config.fees
    return {
        "symbols": ",".join(config.symbols),
        "interval": f"{config.interval_seconds}s",
        "dry_run": "yes" if config.dry_run else "no",
        "leverage": str(config.leverage),
        "starting_cash": str(config.starting_cash),
        "strategy": config.strategy,
        "history": str(config.history),
        "max_cycles": str(config.max_cycles),
        "max_errors": str(config.max_errors),
        "max_leverage": str(risk.max_leverage),
        "max_position_notional": str(risk.max_position_notional),
        "daily_loss_limit": str(risk.daily_loss_limit),
        "min_notional": str(risk.min_notional),
        "max_slippage_bps": str(risk.max_slippage_bps),
        "position_fraction": str(risk.position_fraction),
        "reduce_only": "yes" if risk.reduce_only else "no",
        "fee_bps": str(fees.fee_bps),
        "slippage_bps": str(fees.slippage_bps),
    }


def describe(config: BotConfig) -> str:
    """A few lines for the start of a run's log."""
    mode = "dry run" if config.dry_run else "LIVE"
    lines = [
        f"profile {config.profile} ({mode}), strategy {config.strategy}",
        f"symbols {', '.join(config.symbols)} every {config.interval_seconds}s",
        f"leverage {config.leverage}x (max {config.risk.max_leverage}x), "
        f"cash {config.starting_cash}, position fraction {config.risk.position_fraction}",
    ]
    if config.risk.reduce_only:
        lines.append("reduce-only: the bot only closes positions")
    lines.extend(config.notes)
    return "\n".join(lines)
