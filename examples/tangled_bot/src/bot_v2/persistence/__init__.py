"""Where the bot records what it did."""
