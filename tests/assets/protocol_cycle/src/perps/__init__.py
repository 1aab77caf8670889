"""A perpetual-futures paper-trading bot."""
