"""Feature packages: market data, strategies."""
