from __future__ import annotations

from pathlib import Path

from analyzer.analyse import analyse
from analyzer.config import GateConfig, Target
from analyzer.model import Ignore, ImportKind
from tests.fakes.graph_source import FakeGraphSource

DEFERRED = ImportKind.DEFERRED
TYPING = ImportKind.TYPING


def _target(package: str = "app.core", **gates: object) -> Target:
    return Target(
        name="core",
        package=package,
        root=Path("/fake"),
        gates=GateConfig(**gates),  # type: ignore[arg-type]
        cache_dir=None,
    )


def test_mutual_pair_is_one_import_to_cut_and_fails_the_gate() -> None:
    source = FakeGraphSource([("app.core.a", "app.core.b"), ("app.core.b", "app.core.a")])
    analysis = analyse(_target(), source=source)
    assert analysis.summary.circular_dependencies == 1
    assert analysis.summary.mutual_pairs == 1
    assert [c.modules for c in analysis.cycles] == [("app.core.a", "app.core.b")]
    assert analysis.cycles[0].kind == ImportKind.IMPORT_TIME
    assert not analysis.passed


def test_cycle_kind_is_the_weakest_link() -> None:
    source = FakeGraphSource(
        [
            ("app.core.a", "app.core.b"),
            ("app.core.b", "app.core.a", DEFERRED),
            ("app.core.c", "app.core.d"),
            ("app.core.d", "app.core.c", TYPING),
        ]
    )
    analysis = analyse(_target(), source=source)
    assert {c.modules: c.kind for c in analysis.cycles} == {
        ("app.core.a", "app.core.b"): DEFERRED,
        ("app.core.c", "app.core.d"): TYPING,
    }
    assert analysis.passed  # only import-time cycles are gated by default
    cut_kinds = {cut.sites[0].kind for cycle in analysis.cycles for cut in cycle.cuts}
    assert cut_kinds == {DEFERRED, TYPING}  # the cheap side of each cycle is cut


def test_only_the_target_is_analysed_but_outside_importers_count() -> None:
    source = FakeGraphSource(
        [
            ("app.core.a", "app.core.b"),
            ("app.web.view", "app.core.a"),
            ("app.web.view", "app.web.other"),
            ("app.web.other", "app.web.view"),
        ]
    )
    analysis = analyse(_target(), source=source)
    assert analysis.cycles == ()
    info = {m.name: m for m in analysis.modules}
    assert set(info) == {"app.core.a", "app.core.b"}
    assert info["app.core.a"].importers_outside == 1
    assert info["app.core.b"].tier == 1
    assert info["app.core.a"].tier == 2


def test_tiers_and_destination() -> None:
    edges = [("app.core.x", f"app.core.m{i}") for i in range(3)]
    edges += [("app.core.y", "app.core.m0"), ("app.core.y", "app.features.data.service")]
    analysis = analyse(_target(tier2_max_imports=2), source=FakeGraphSource(edges))
    tiers = {c.module: c.tier for c in analysis.candidates}
    assert tiers["app.core.x"] == 3
    assert tiers["app.core.y"] == 2
    assert tiers["app.core.m0"] == 1
    y = next(c for c in analysis.candidates if c.module == "app.core.y")
    assert y.destination == "app.features.data.y"
    assert [c.tier for c in analysis.candidates] == sorted(c.tier for c in analysis.candidates)


def test_line_limit_with_allowance() -> None:
    source = FakeGraphSource(
        [],
        modules=["app.core.big", "app.core.allowed"],
        lines={"app.core.big": 301, "app.core.allowed": 400},
    )
    analysis = analyse(_target(allow_module_lines={"app.core.allowed": 450}), source=source)
    gate = next(g for g in analysis.gates if g.gate == "max-module-lines")
    assert not gate.passed
    assert [loc.file for loc in gate.locations] == ["app/core/big.py"]
    assert analysis.summary.modules_over_limit == 1


def test_ignores_remove_an_import_and_unused_ones_are_reported() -> None:
    used = Ignore("app.core.b", "app.core.a", "legacy, goes with the split")
    unused = Ignore("app.core.x", "app.core.y", "stale")
    source = FakeGraphSource([("app.core.a", "app.core.b"), ("app.core.b", "app.core.a")])
    analysis = analyse(_target(ignores=(used, unused)), source=source)
    assert analysis.cycles == ()
    assert analysis.unused_ignores == (unused,)


def test_package_granularity_weights_module_imports() -> None:
    edges = [
        ("app.core.db.a", "app.core.web.a"),
        ("app.core.db.b", "app.core.web.b"),
        ("app.core.web.c", "app.core.db.c"),
    ]
    analysis = analyse(_target(), source=FakeGraphSource(edges))
    assert analysis.cycles == ()
    (cycle,) = analysis.package_cycles
    assert cycle.modules == ("app.core.db", "app.core.web")
    assert [(c.importer, c.imported) for c in cycle.cuts] == [("app.core.web", "app.core.db")]
    assert analysis.summary.package_circular_dependencies == 1


def test_shims_list_their_importers() -> None:
    source = FakeGraphSource(
        [("app.core.user", "app.core.old"), ("app.core.old", "app.core.new")],
        reexports={"app.core.old": ("app.core.new",)},
    )
    (shim,) = analyse(_target(), source=source).shims
    assert shim.module == "app.core.old"
    assert shim.importers == ("app.core.user",)


def test_tiers_count_imports_of_the_root_and_ancestor_packages() -> None:
    """`import app.core` runs the layer's `__init__`: the module is tied to the layer."""
    edges = [
        ("app.core.x", "app.core"),
        ("app.core.sub.y", "app.core.sub"),
        ("app.core.sub", "app.core.z"),
    ]
    tiers = {c.module: c.tier for c in analyse(_target(), source=FakeGraphSource(edges)).candidates}
    assert tiers["app.core.x"] == 2
    assert tiers["app.core.sub.y"] == 2
    assert tiers["app.core.z"] == 1
