"""A fake of the plans' `Measure` port: figures read straight from the files on disk.

`modules` counts the layer's `.py` files and `lines` their lines; cycles are not computed, so
`cycles.import-time` is a number the test sets (and may change between steps).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from codemods.plans.model import Figures, PlanTarget

__all__ = ["FakeMeasure"]


@dataclass
class FakeMeasure:
    cycles: int = 0
    calls: list[Path] = field(default_factory=list)

    def figures(self, repo: Path, target: PlanTarget) -> Figures:
        self.calls.append(repo)
        package = repo / target.root / Path(*target.package.split("."))
        files = sorted(package.rglob("*.py")) if package.is_dir() else []
        lines = sum(len(f.read_text(encoding="utf-8").splitlines()) for f in files)
        over = sum(1 for f in files if len(f.read_text().splitlines()) > target.max_module_lines)
        values = {
            "modules": len(files),
            "lines": lines,
            "cycles": self.cycles,
            "cycles.import-time": self.cycles,
            "imports_to_cut": self.cycles,
            "modules_over_limit": over,
        }
        failed = ("max-cycles.import-time",) if self.cycles else ()
        return Figures(values, failed)
