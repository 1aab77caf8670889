from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from bot.domain.candles import Candle, CandleSeries
from bot.domain.settings import RiskLimits
from bot.domain.timeframes import Timeframe
from bot.domain.trading import AccountState, OrderRequest, Position
from bot.features.risk import guards

LIMITS = RiskLimits()
HOUR = Timeframe("1h", 3600)
STATE = AccountState(
    "a", "BTC-USD", Decimal(10000), Decimal(10000), Decimal(0), Decimal(0), Decimal(10000),
    None, None, None,
)  # fmt: skip
ORDER = OrderRequest("buy", "BTC-USD", Decimal(10), Decimal(100), "entry")  # worth 1,000


def _check(guard: object, order: OrderRequest = ORDER, state: AccountState = STATE,
           equity: int = 10000) -> str | None:  # fmt: skip
    rejection = guard.check_order(order, state, equity=Decimal(equity), candle_ts=0)  # type: ignore[attr-defined]
    return None if rejection is None else str(rejection.guard)


def test_each_order_guard_refuses_with_its_own_name() -> None:
    big = OrderRequest("buy", "BTC-USD", Decimal(60), Decimal(100), "entry")
    tiny = OrderRequest("buy", "BTC-USD", Decimal("0.05"), Decimal(100), "entry")
    held = Position("BTC-USD", Decimal(1), Decimal(1), Decimal(1), None, None, 0)
    assert _check(guards.MaxPositionFractionGuard(LIMITS), big) == "max_position_fraction"
    assert _check(guards.MinOrderValueGuard(LIMITS), tiny) == "min_order_value"
    assert _check(guards.OnePositionGuard(), state=replace(STATE, position=held)) == (
        "one_position_per_symbol"
    )
    assert _check(guards.DrawdownKillSwitch(LIMITS), equity=7400) == "max_drawdown"
    assert _check(guards.CooldownGuard(), state=replace(STATE, cooldown_until=10)) == "cooldown"


def test_a_sound_order_passes_every_guard() -> None:
    for guard in (
        guards.MaxPositionFractionGuard(LIMITS),
        guards.MinOrderValueGuard(LIMITS),
        guards.OnePositionGuard(),
        guards.DrawdownKillSwitch(LIMITS),
        guards.CooldownGuard(),
    ):
        assert _check(guard) is None


def test_data_guards() -> None:
    window = CandleSeries.from_candles([Candle(0, 1, 2, 0.5, 1, 1)])
    stale = guards.StaleDataGuard(LIMITS)
    assert stale.check_data(window, [], now=3600 + 7199, timeframe=HOUR) is None
    assert stale.check_data(window, [], now=3600 + 7200, timeframe=HOUR) is not None
    assert stale.check_data(CandleSeries.empty(), [], now=0, timeframe=HOUR) is not None
    bad = guards.BadDataGuard()
    assert bad.check_data(window, [Candle(0, 1, 2, 0.5, 1, 1)], now=0, timeframe=HOUR) is None
    for candle in (Candle(0, 1, 2, 0.5, float("nan"), 1), Candle(0, 0, 2, 0.5, 1, 1),
                   Candle(0, 1, 0.4, 0.5, 1, 1)):  # fmt: skip
        assert bad.check_data(window, [candle], now=0, timeframe=HOUR) is not None
