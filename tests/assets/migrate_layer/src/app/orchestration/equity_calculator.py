"""The account's equity."""

from app.features import equity


class EquityCalculator:
    def total(self, positions: dict[str, tuple[float, float]]) -> float:
        return sum(equity.mark_to_market(q, p) for q, p in positions.values())
