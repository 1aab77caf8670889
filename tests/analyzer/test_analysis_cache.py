"""A whole analysis is remembered by a digest of its inputs, and only while they stay the same."""

from __future__ import annotations

import importlib
import json
import pickle
from pathlib import Path

import pytest

import analyzer.adapters.cache
from analyzer.adapters.cache import AnalysisCache, CutCache
from analyzer.adapters.grimp_source import GrimpSource
from analyzer.analyse import analyse
from analyzer.config import GateConfig, Target
from analyzer.model import Analysis
from tests.unknot.cli import copy_asset


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_asset("tangled", tmp_path) / "src"


def _run(root: Path, cache: Path, *, max_module_lines: int = 300) -> Analysis:
    target = Target(
        name="shop",
        package="shop",
        root=root,
        gates=GateConfig(max_module_lines=max_module_lines),
        cache_dir=cache,
    )
    cuts = CutCache(cache, package="shop")
    analysis = analyse(
        target,
        source=GrimpSource(root, cache_dir=cache),
        cuts=cuts,
        results=AnalysisCache(cache, target="shop"),
    )
    cuts.save()
    return analysis


def _uncached(root: Path, **gates: int) -> Analysis:
    target = Target(
        name="shop", package="shop", root=root, gates=GateConfig(**gates), cache_dir=None
    )
    return analyse(target, source=GrimpSource(root))


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The targets analysed afresh (not taken from the cache) from now on."""
    calls: list[str] = []
    module = importlib.import_module("analyzer.analyse")  # the package's `analyse` is the function
    real = module._analyse

    def counting(target: Target, *args: object) -> Analysis:
        calls.append(target.name)
        return real(target, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "_analyse", counting)
    return calls


def test_an_unchanged_layer_is_not_analysed_again(
    root: Path, tmp_path: Path, counted: list[str]
) -> None:
    first = _run(root, tmp_path / "cache")
    second = _run(root, tmp_path / "cache")
    assert counted == ["shop"]
    assert second == first == _uncached(root)


def test_an_edited_file_is_analysed_again(root: Path, tmp_path: Path, counted: list[str]) -> None:
    before = _run(root, tmp_path / "cache")
    catalog = root / "shop" / "catalog.py"
    catalog.write_text(catalog.read_text() + "\nfrom shop import billing\n")
    after = _run(root, tmp_path / "cache")
    assert counted == ["shop", "shop"]
    assert after != before
    assert after == _uncached(root)


def test_other_settings_are_analysed_again(root: Path, tmp_path: Path, counted: list[str]) -> None:
    _run(root, tmp_path / "cache")
    stricter = _run(root, tmp_path / "cache", max_module_lines=50)
    assert counted == ["shop", "shop"]
    assert stricter.summary.max_module_lines == 50
    assert stricter == _uncached(root, max_module_lines=50)


def test_a_damaged_or_foreign_entry_is_analysed_again(
    root: Path, tmp_path: Path, counted: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _run(root, tmp_path / "cache")
    (stored,) = (tmp_path / "cache").glob("analysis.*")
    stored.write_bytes(stored.read_bytes()[:-100])
    assert _run(root, tmp_path / "cache") == first
    monkeypatch.setattr(analyzer.adapters.cache, "code_version", lambda: "other code")
    assert _run(root, tmp_path / "cache") == first
    assert counted == ["shop", "shop", "shop"]


def test_a_remembered_run_keeps_the_cut_cache(root: Path, tmp_path: Path) -> None:
    _run(root, tmp_path / "cache")
    (cuts,) = (tmp_path / "cache").glob("cuts.shop-*.json")
    written = cuts.read_bytes()
    _run(root, tmp_path / "cache")
    assert cuts.read_bytes() == written
    assert written.count(b'"cut"') >= 2


def test_scan_entries_of_other_code_are_not_used(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    GrimpSource(root, cache_dir=cache).scan("shop")
    (stored,) = cache.glob("shop-*.json")
    data = json.loads(stored.read_text())
    for entry in data["entries"].values():
        entry["lines"] = 9999
    stored.write_text(json.dumps(data))
    assert {m.lines for m in GrimpSource(root, cache_dir=cache).scan("shop").modules} == {9999}
    monkeypatch.setattr(analyzer.adapters.cache, "code_version", lambda: "other code")
    assert 9999 not in {m.lines for m in GrimpSource(root, cache_dir=cache).scan("shop").modules}


class _Planted:
    """What a tampered cache file could hold: an object whose loading calls a function."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (Path.touch, (str(self.marker),))  # type: ignore[return-value]


def test_a_tampered_entry_runs_no_code(root: Path, tmp_path: Path, counted: list[str]) -> None:
    first = _run(root, tmp_path / "cache")
    (stored,) = (tmp_path / "cache").glob("analysis.*")
    header = stored.read_bytes().split(b"\n", 1)[0] + b"\n"
    marker = tmp_path / "planted"
    stored.write_bytes(header + pickle.dumps(_Planted(marker)))
    assert _run(root, tmp_path / "cache") == first
    assert not marker.exists()
    assert counted == ["shop", "shop"]


def test_a_remembered_analysis_holds_the_same_imports(tmp_path: Path, counted: list[str]) -> None:
    """Imports are stored as rows of values; read back, each site is the same, implicit ones
    (a parent package's `__init__`) included, with its fields in order."""
    root = Path(__file__).parents[1] / "assets" / "parents" / "src"
    target = Target(name="pkg", package="pkg", root=root, gates=GateConfig(), cache_dir=tmp_path)

    def run() -> Analysis:
        source = GrimpSource(root, cache_dir=tmp_path)
        return analyse(target, source=source, results=AnalysisCache(tmp_path, target="pkg"))

    first, again = run(), run()
    assert counted == ["pkg"]
    assert again == first
    assert [(vars(s), e.kind) for e in again.imports for s in e.sites] == [
        (vars(s), e.kind) for e in first.imports for s in e.sites
    ]
    assert any(s.implicit for e in again.imports for s in e.sites)
