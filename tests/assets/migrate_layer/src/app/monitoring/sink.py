"""Where telemetry goes."""

RECORDS: list[str] = []


def emit(record: str) -> None:
    RECORDS.append(record)
