"""Value types shared by every layer: candles, orders, fills, positions, decisions."""
