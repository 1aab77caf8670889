from __future__ import annotations

from bot.domain.trading import ErrorInfo
from bot.errors import DataError, DataUnavailable, StorageError, UsageError
from bot.orchestration.orchestrators.base import BaseOrchestrator
from tests.bot.bot_fakes import RecordingSleep


class Flaky(BaseOrchestrator[str]):
    workflow = "flaky"

    def __init__(self, failures: list[Exception], sleep: RecordingSleep) -> None:
        super().__init__(max_retries=2, backoff=1.0, sleep=sleep)
        self.failures = failures

    def _run(self) -> str:
        return self._step("work", self._work, retry=True)

    def _work(self) -> str:
        if self.failures:
            raise self.failures.pop(0)
        return "done"

    def _failure(self, error: ErrorInfo) -> str:
        return f"failed: {error.type}"


def test_transient_errors_are_retried_with_backoff() -> None:
    sleep = RecordingSleep()
    assert Flaky([DataUnavailable("x"), DataUnavailable("y")], sleep).execute() == "done"
    assert sleep.delays == [1.0, 2.0]


def test_retries_are_bounded() -> None:
    sleep = RecordingSleep()
    assert Flaky([DataUnavailable("x")] * 3, sleep).execute() == "failed: data-unavailable"
    assert len(sleep.delays) == 2


def test_lasting_errors_are_not_retried_and_bugs_become_error_results() -> None:
    sleep = RecordingSleep()
    assert Flaky([DataError("bad")], sleep).execute() == "failed: bad-data"
    assert Flaky([ZeroDivisionError("oops")], sleep).execute() == "failed: internal-error"
    assert sleep.delays == []


def test_an_error_result_carries_the_exit_code_of_its_error() -> None:
    failures: list[Exception] = [StorageError("read-only", code="database-not-writable")]

    class Recording(Flaky):
        def _failure(self, error: ErrorInfo) -> str:
            return f"{error.type} exits {error.exit_code}"

    sleep = RecordingSleep()
    assert Recording(failures, sleep).execute() == "database-not-writable exits 2"
    assert Recording([UsageError("no file", code="csv-not-found")], sleep).execute() == (
        "csv-not-found exits 2"
    )
    assert Recording([DataError("bad")], sleep).execute() == "bad-data exits 1"
    assert Recording([ZeroDivisionError("oops")], sleep).execute() == "internal-error exits 1"
