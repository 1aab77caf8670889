from __future__ import annotations


def test_stale_symbols() -> None:
    from bot_v2.orchestration import market_monitor

    monitor = market_monitor.MarketActivityMonitor(max_age=600)
    monitor.heartbeat("BTC-PERP", now=1000, last_candle_ts=700)
    assert monitor.stale_symbols(["BTC-PERP", "ETH-PERP"], now=1000) == ["ETH-PERP"]
    assert monitor.is_stale("BTC-PERP", now=1400)


def test_heartbeats_are_bounded() -> None:
    from bot_v2.orchestration.market_monitor import MarketActivityMonitor

    monitor = MarketActivityMonitor(keep=2)
    for now in (1, 2, 3):
        monitor.heartbeat("SOL-PERP", now=now, last_candle_ts=None)
    assert [b.at for b in monitor.beats("SOL-PERP")] == [2, 3]
    assert monitor.is_stale("SOL-PERP", now=3)
