"""Trading strategies: candles in, a signal out."""
