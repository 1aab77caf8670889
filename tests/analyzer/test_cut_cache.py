"""Components are solved once: the cut cache gives back the same cycles without a search."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import analyzer.cycles
from analyzer.adapters.cache import CutCache
from analyzer.analyse import analyse
from analyzer.config import GateConfig, Target
from analyzer.model import ImportKind
from tests.fakes.graph_source import FakeGraphSource

EDGES: list[tuple[str, str] | tuple[str, str, ImportKind]] = [
    ("app.core.a", "app.core.b"),
    ("app.core.b", "app.core.c", ImportKind.DEFERRED),
    ("app.core.c", "app.core.a"),
    ("app.core.c", "app.core.d"),
    ("app.core.d", "app.core.c", ImportKind.TYPING),
]


def _target(cache_dir: Path) -> Target:
    return Target(
        name="core", package="app.core", root=Path("/fake"), gates=GateConfig(), cache_dir=cache_dir
    )


def _analyse(cache_dir: Path) -> object:
    cuts = CutCache(cache_dir, package="app.core")
    analysis = analyse(_target(cache_dir), source=FakeGraphSource(EDGES), cuts=cuts)
    cuts.save()
    return analysis


def test_a_remembered_component_needs_no_search(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _analyse(tmp_path)

    def no_search(graph: object) -> object:
        raise AssertionError("the cut should come from the cache")

    monkeypatch.setattr(analyzer.cycles, "feedback_arc_set", no_search)
    assert _analyse(tmp_path) == first


def test_entries_of_another_version_are_searched_again(tmp_path: Path) -> None:
    first = _analyse(tmp_path)
    (cached,) = tmp_path.glob("cuts.app.core-*.json")
    data = json.loads(cached.read_text())
    for entry in data["entries"].values():
        del entry["cut_witnesses"]
    cached.write_text(json.dumps(data))
    assert _analyse(tmp_path) == first
    entries = json.loads(cached.read_text())["entries"].values()
    assert all("cut_witnesses" in entry for entry in entries)
