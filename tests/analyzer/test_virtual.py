"""Virtual refactorings: a real scan of tests/assets/migrate_layer edited in memory, each edit
read back through the analysis, and the scan it started from left as it was."""

from __future__ import annotations

from pathlib import Path

from analyzer.adapters.grimp_source import GrimpSource
from analyzer.analyse import analyse
from analyzer.config import GateConfig, Target
from analyzer.model import ImportKind
from analyzer.virtual import MemoryCuts, VirtualSource

ROOT = Path(__file__).resolve().parents[1] / "assets" / "migrate_layer" / "src"
LAYER = "app.orchestration"


def _source() -> VirtualSource:
    return VirtualSource.of(GrimpSource(ROOT).scan(LAYER), LAYER)


def _target() -> Target:
    return Target("orchestration", LAYER, ROOT, GateConfig(), cache_dir=None)


def _modules(source: VirtualSource) -> set[str]:
    return {m.name for m in source.scanned.modules}


def test_only_statements_touching_the_layer_are_kept() -> None:
    source = VirtualSource.of(GrimpSource(ROOT).scan(LAYER), f"{LAYER}.symbols")
    assert source.scanned.sites
    full = GrimpSource(ROOT).scan(LAYER).sites
    layer = f"{LAYER}.symbols"
    inside = [s for s in full if layer in (s.importer, s.imported)]
    assert 0 < len(inside) < len(full)
    assert sorted(source.scanned.sites) == sorted(inside)


def test_a_rename_moves_the_module_and_its_imports_and_adds_missing_parents() -> None:
    source = _source()
    old, new = f"{LAYER}.market_monitor", "app.features.monitoring.market_monitor"
    moved = source.rename(old, new)
    assert old not in _modules(moved)
    assert new in _modules(moved)
    assert "app.features.monitoring" in _modules(moved)  # a package the move creates
    assert moved.module(new) is not None
    assert moved.module(new).file == "app/features/monitoring/market_monitor.py"  # type: ignore[union-attr]
    assert not [s for s in moved.scanned.sites if old in (s.importer, s.imported)]
    importers = {s.importer for s in source.scanned.sites if s.imported == old}
    assert importers == {s.importer for s in moved.scanned.sites if s.imported == new}
    assert old in _modules(source)  # the scan it started from is unchanged
    before = analyse(_target(), source=source).summary.modules
    assert analyse(_target(), source=moved).summary.modules == before - 1


def test_retyped_statements_leave_the_import_time_cycle() -> None:
    source = _source()
    cycles = analyse(_target(), source=source).summary.cycles_by_kind
    assert dict(cycles).get("import-time") == 1
    pair = next(
        c for c in analyse(_target(), source=source).cycles if c.kind is ImportKind.IMPORT_TIME
    )
    typed = source.retype(
        lambda s: s.importer in pair.modules and s.imported in pair.modules, ImportKind.TYPING
    )
    assert "import-time" not in dict(analyse(_target(), source=typed).summary.cycles_by_kind)


def test_a_removed_module_sends_its_importers_to_its_sources() -> None:
    source = _source()
    module, into = f"{LAYER}.symbols", f"{LAYER}.equity_calculator"
    importers = {s.importer for s in source.scanned.sites if s.imported == module}
    assert importers
    gone = source.remove(module, (into,))
    assert module not in _modules(gone)
    assert not [s for s in gone.scanned.sites if module in (s.importer, s.imported)]
    assert importers <= {s.importer for s in gone.scanned.sites if s.imported == into}


def test_added_modules_and_statements_and_sizes_count() -> None:
    source = _source()
    base = analyse(_target(), source=source).summary
    grown = source.add_module(f"{LAYER}.extra", 400).resize(f"{LAYER}.bot", 0)
    extra = grown.statement(f"{LAYER}.extra", f"{LAYER}.bot", 1, ImportKind.IMPORT_TIME, "")
    back = grown.statement(f"{LAYER}.bot", f"{LAYER}.extra", 1, ImportKind.IMPORT_TIME, "")
    summary = analyse(_target(), source=grown.add([extra, back])).summary
    assert summary.modules == base.modules + 1
    assert summary.modules_over_limit == base.modules_over_limit + 1
    assert summary.cycles == base.cycles + 1
    dropped = grown.add([extra, back]).drop(lambda s: s.importer == f"{LAYER}.extra")
    assert analyse(_target(), source=dropped).summary.cycles == base.cycles


def test_the_memory_cut_store_gives_the_same_analysis() -> None:
    source, cuts = _source(), MemoryCuts()
    first = analyse(_target(), source=source, cuts=cuts)
    again = analyse(_target(), source=source, cuts=cuts)
    assert first.cycles == again.cycles == analyse(_target(), source=source).cycles
