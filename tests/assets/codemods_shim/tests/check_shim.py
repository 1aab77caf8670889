from unittest import mock

import trade.orchestration.symbols as sym
from trade.orchestration import engine, runner
from trade.orchestration.symbols import _CACHE


def test_engine() -> None:
    assert engine.run() == ["BTC-USD", "ETH-USD"]


def test_runner_and_cache() -> None:
    assert runner.first() == "BTC-USD"
    assert sym.normalize("eth/usd") == "ETH-USD"
    assert "eth/usd" in _CACHE


def test_patched() -> None:
    with mock.patch("trade.orchestration.symbols.normalize", return_value="X"):
        assert sym.normalize("a") == "X"
