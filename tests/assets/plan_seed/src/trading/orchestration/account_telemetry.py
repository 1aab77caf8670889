"""Account snapshots, sent to the monitoring sink."""

from trading.monitoring.sink import emit


class AccountTelemetry:
    def snapshot(self, equity: float) -> None:
        emit(f"equity={equity:.2f}")
