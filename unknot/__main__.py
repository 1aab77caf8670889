from __future__ import annotations

from unknot.cli import main

if __name__ == "__main__":
    main()
