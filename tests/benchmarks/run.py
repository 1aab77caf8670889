"""Run every benchmark in this folder (`bench_*.py`, each with a `main()` that prints figures).

Usage: python tests/benchmarks/run.py [NAME ...]   (names without the bench_ prefix: analyze,
bot, codemods, pictures, plans, protocols, symbols; none runs them all)
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parents[1]))  # `tests.codemods.realworld`: the real projects' catalog


def main(argv: list[str]) -> int:
    wanted = set(argv)
    known = {path.stem.removeprefix("bench_") for path in HERE.glob("bench_*.py")}
    if unknown := sorted(wanted - known):
        print(f"unknown benchmark {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        return 2
    for path in sorted(HERE.glob("bench_*.py")):
        name = path.stem.removeprefix("bench_")
        if wanted and name not in wanted:
            continue
        spec = importlib.util.spec_from_file_location(f"bench_{name}", path)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        print(f"\n=== {path.name} ===", flush=True)
        module.main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
