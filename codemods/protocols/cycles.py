"""Check: which import cycles the change breaks, asked through the `CycleFinder` port.

MODULE's top-level package is copied to a scratch directory with the change written into it,
so a dry run sees the cycles after the change too; they are compared with the tree as it is.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from codemods.engine.ports import CycleFinder

__all__ = ["CycleReport", "cycle_report"]

Cycle = tuple[str, ...]


@dataclass(frozen=True)
class CycleReport:
    """Cycles through the package before and after: gone, still there, new."""

    broken: tuple[Cycle, ...] = ()
    remaining: tuple[Cycle, ...] = ()
    created: tuple[Cycle, ...] = ()


def _copy(import_root: Path, top: str, scratch: Path) -> None:
    source = import_root / top
    if source.is_dir():
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
        shutil.copytree(source, scratch / top, ignore=ignore)
    elif source.with_suffix(".py").is_file():
        shutil.copy2(source.with_suffix(".py"), scratch / f"{top}.py")


def cycle_report(
    finder: CycleFinder,
    import_root: Path,
    module: str,
    writes: tuple[tuple[Path, str], ...],
) -> CycleReport:
    """The cycles of MODULE's top package before and after `writes` (absolute paths)."""
    top = module.split(".")[0]
    before = set(finder.cycles(import_root, top))
    with tempfile.TemporaryDirectory(prefix="unknot-protocol-") as name:
        scratch = Path(name)
        _copy(import_root, top, scratch)
        for path, text in writes:
            if path.suffix == ".py" and path.is_relative_to(import_root / top):
                copy = scratch / path.relative_to(import_root)
                copy.parent.mkdir(parents=True, exist_ok=True)
                copy.write_text(text, encoding="utf-8")
        after = set(finder.cycles(scratch, top))
    created = [c for c in after if not any(set(c) <= set(b) for b in before)]
    return CycleReport(
        broken=tuple(sorted(before - after)),
        remaining=tuple(sorted(c for c in after & before if module in c)),
        created=tuple(sorted(created)),
    )
