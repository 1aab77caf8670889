"""An import from a submodule without Python source (a compiled extension, or a missing module)
is an edge to the nearest module that exists: the statement still runs its parents' `__init__`."""

from __future__ import annotations

from pathlib import Path

from analyzer.adapters.grimp_source import GrimpSource
from analyzer.adapters.kinds import indented_imports
from analyzer.adapters.unresolved import known_names, unresolved_imports
from analyzer.analyse import analyse
from analyzer.config import GateConfig, Target
from analyzer.model import ImportKind

COMPILED = Path(__file__).parents[1] / "assets" / "compiled" / "src"


def test_imports_from_compiled_or_missing_submodules_reach_the_nearest_module() -> None:
    scanned = GrimpSource(COMPILED).scan("cpkg")
    sites = {(s.importer, s.imported, s.line, s.kind) for s in scanned.sites}
    assert sites == {
        ("cpkg.fast", "cpkg.a", 2, ImportKind.IMPORT_TIME),
        # from cpkg.fast._speedups import accelerate (a .so file)
        ("cpkg.a", "cpkg.fast", 1, ImportKind.IMPORT_TIME),
        # from .native._core import kernel (a .pyd file), relative
        ("cpkg.b", "cpkg.native", 1, ImportKind.IMPORT_TIME),
        # from cpkg._version import VERSION (missing: generated at build time, say)
        ("cpkg.b", "cpkg", 2, ImportKind.IMPORT_TIME),
        ("cpkg.b", "cpkg.native", 6, ImportKind.DEFERRED),
    }


def test_a_cycle_through_a_compiled_submodule_is_import_time() -> None:
    target = Target(name="cpkg", package="cpkg", root=COMPILED, gates=GateConfig(), cache_dir=None)
    analysis = analyse(target, source=GrimpSource(COMPILED))
    assert [(c.modules, c.kind) for c in analysis.cycles] == [
        (("cpkg.a", "cpkg.fast"), ImportKind.IMPORT_TIME)
    ]


def test_only_statements_naming_no_known_module_are_taken() -> None:
    text = (
        "from pkg.sub import x\n"  # a package: grimp resolves it
        "from pkg.sub.leaf import y\n"  # a module
        "from other.ext import z\n"  # another package: not an edge
        "from .ext import w\n"  # no such module
        '"""\nfrom pkg.gone import v\n"""\n'  # in a string
    )
    froms: list[tuple[int, str]] = []
    indented_imports(text, froms=froms)
    assert [named for _, named in froms] == [
        "pkg.sub",
        "pkg.sub.leaf",
        "other.ext",
        ".ext",
        "pkg.gone",
    ]
    found = unresolved_imports(
        "pkg.sub.mod",
        text,
        froms,
        is_package=False,
        known=known_names(["pkg.sub.leaf", "pkg.sub.mod"]),
    )
    assert found == [["pkg.sub.ext", 4, "from .ext import w", "import-time"]]
