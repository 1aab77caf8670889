"""A regular package whose `sub` folder has no __init__.py."""
