"""bot_v2: a perpetuals paper-trading bot (the seed team's code base, before the untangling)."""
