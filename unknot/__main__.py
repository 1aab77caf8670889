from __future__ import annotations

from unknot.cli import run

if __name__ == "__main__":
    run()
