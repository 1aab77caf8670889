"""`python -m bot_v2 dry-run`: a few paper trading cycles on the built-in sample candles."""

from bot_v2.cli import main

raise SystemExit(main())
