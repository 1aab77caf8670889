"""The lifecycle, the system monitor and the runtime protocol, with hand-written runtimes."""

from __future__ import annotations

from bot.domain.timeframes import Timeframe
from bot.domain.trading import CycleResult, CycleStatus, ErrorInfo
from bot.orchestration.configuration import BotConfig
from bot.orchestration.core.bot_interface import IBotRuntime
from bot.orchestration.lifecycle import LifecycleService
from bot.orchestration.paper_bot import PaperBot
from bot.orchestration.system_monitor import SystemMonitor

CONFIG = BotConfig("a", "BTC-USD", Timeframe("1h", 3600), "fib", max_consecutive_errors=2)


def _result(status: CycleStatus) -> CycleResult:
    error = ErrorInfo("network-error", "down") if status is CycleStatus.ERROR else None
    return CycleResult(status, "a", "BTC-USD", "1h", "fib", 0, error=error)


class ScriptedOrchestrator:
    def __init__(self, *statuses: CycleStatus) -> None:
        self.statuses = list(statuses)

    def execute(self) -> CycleResult:
        return _result(self.statuses.pop(0))


def _lifecycle(bot: PaperBot, waits: list[float]) -> LifecycleService:
    def wait(seconds: float) -> bool:
        waits.append(seconds)
        return not bot.is_running

    return LifecycleService(bot, run_cycle=bot.run_cycle, wait=wait, monitor=SystemMonitor(bot))


def test_the_paper_bot_is_an_ibotruntime() -> None:
    runtime: IBotRuntime = PaperBot(CONFIG, ScriptedOrchestrator())

    assert runtime.config is CONFIG
    assert runtime.is_running
    runtime.stop()
    assert not runtime.is_running


def test_a_stop_takes_effect_between_cycles() -> None:
    bot = PaperBot(CONFIG, ScriptedOrchestrator(CycleStatus.HOLD, CycleStatus.HOLD))
    waits: list[float] = []
    seen: list[CycleStatus] = []

    def on_result(result: CycleResult) -> None:
        seen.append(result.status)
        bot.stop()  # as Ctrl-C would, while a cycle is being printed

    ran = _lifecycle(bot, waits).run_forever(5.0, on_result)

    assert ran == 1
    assert seen == [CycleStatus.HOLD]
    assert waits == []


def test_the_monitor_stops_a_bot_that_keeps_failing() -> None:
    statuses = (CycleStatus.ERROR, CycleStatus.HOLD, CycleStatus.ERROR, CycleStatus.ERROR)
    bot = PaperBot(CONFIG, ScriptedOrchestrator(*statuses))
    waits: list[float] = []
    lifecycle = _lifecycle(bot, waits)

    ran = lifecycle.run_forever(1.0, lambda _: None)

    assert ran == 4
    assert not bot.is_running
    summary = lifecycle.monitor.summary()
    assert summary.by_status == {"error": 3, "hold": 1}
    assert summary.consecutive_errors == 2
    assert summary.last_error == "down"
    assert waits == [1.0, 1.0, 1.0]


def test_max_cycles_bounds_the_daemon() -> None:
    bot = PaperBot(CONFIG, ScriptedOrchestrator(*[CycleStatus.HOLD] * 5))
    assert _lifecycle(bot, []).run_forever(0.0, lambda _: None, max_cycles=3) == 3
