"""The bot and the services that run it."""
