"""The orchestration layer: the bot, its services, its configuration and its execution."""
