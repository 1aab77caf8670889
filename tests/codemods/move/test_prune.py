"""Scopes are resolved only in the part of a module that can reach OLD."""

from __future__ import annotations

import libcst as cst

from codemods.move.prune import ImportedRoots, imported_roots, pruned

OLD = "app.core.pricing"


def _kept(code: str, package: str = "app") -> list[str]:
    tree = cst.parse_module(code)
    out = pruned(tree, code, package, OLD)
    assert all(any(s is t for t in tree.body) for s in out.body), "nodes are the module's own"
    return [cst.Module([]).code_for_node(s).splitlines()[0] for s in out.body]


def test_functions_and_classes_that_name_no_root_are_dropped() -> None:
    code = (
        "import app.core\n"
        "from app.core import pricing as P\n"
        "X = 1\n"
        "def uses_chain():\n    return app.core.pricing.price\n"
        "def uses_alias():\n    return P.price\n"
        "def unrelated():\n    return X\n"
        "class Unrelated:\n    y = 2\n"
    )
    assert _kept(code) == [
        "import app.core",
        "from app.core import pricing as P",
        "X = 1",
        "def uses_chain():",
        "def uses_alias():",
    ]


def test_a_function_that_rebinds_a_root_is_kept_and_relative_imports_count() -> None:
    code = (
        "from .core import pricing\n"
        "def shadow():\n    global pricing\n    pricing = None\n"
        "def other():\n    return 1\n"
    )
    assert _kept(code, package="app") == ["from .core import pricing", "def shadow():"]


def test_an_unparsable_text_prunes_nothing() -> None:
    code = "def f():\n    return 1\n"
    tree = cst.parse_module(code)
    assert pruned(tree, "def (", "app", OLD) is tree


def test_a_star_import_from_inside_old_keeps_everything() -> None:
    code = "from app.core.pricing import *\ndef f():\n    return price\n"
    tree = cst.parse_module(code)
    assert pruned(tree, code, "app", OLD) is tree


def test_a_chain_through_a_package_names_the_last_part() -> None:
    code = (
        "import app as a\n"
        "def reaches():\n    return a.core.pricing.price\n"
        "def passes_by():\n    return a.core.other\n"
    )
    assert _kept(code) == ["import app as a", "def reaches():"]


def test_a_function_naming_a_kept_word_stays() -> None:
    code = "import app.core.pricing\ndef other():\n    return 1\ndef unrelated():\n    return 2\n"
    tree = cst.parse_module(code)
    out = pruned(tree, code, "app", OLD, keep={"other"})
    assert [cst.Module([]).code_for_node(s).splitlines()[0] for s in out.body] == [
        "import app.core.pricing",
        "def other():",
    ]


def _kept_for_chains(code: str, keep: set[str]) -> list[str]:
    tree = cst.parse_module(code)
    out = pruned(tree, code, "app", OLD, keep=keep, names=False)
    return [cst.Module([]).code_for_node(s).splitlines()[0] for s in out.body]


def test_for_chains_only_the_code_spelling_the_last_part_or_binding_a_root_is_read() -> None:
    code = (
        "import app\n"
        "from app.core import pricing as P\n"
        "def uses_chain():\n    return app.core.pricing.price\n"
        "def uses_alias():\n    return P.price + app.x\n"
        "def app():\n    return 1\n"
        "def rebinds():\n    global app\n"
        "@decorated\nclass Core:\n    y = 2\n"
    )
    assert _kept_for_chains(code, keep={"Core"}) == [
        "import app",
        "from app.core import pricing as P",
        "def uses_chain():",
        "def app():",
        "def rebinds():",
        "@decorated",
    ]


def test_imported_roots_sorts_the_names_by_where_they_point() -> None:
    code = (
        "import app\nimport app.core.pricing as P\nfrom .core import pricing, other\n"
        "def f():\n    from app import core as c\n"
    )
    roots = imported_roots(code, "app", OLD)
    assert roots == ImportedRoots(
        within=frozenset({"P", "pricing"}), above=frozenset({"app", "c"}), star=False
    )
    assert imported_roots("from app.core import x\n", "app", OLD) == ImportedRoots(
        frozenset(), frozenset(), star=False
    )


def test_a_kept_class_keeps_only_the_methods_that_can_matter() -> None:
    code = (
        "import app\n"
        "class Tests:\n"
        "    X = 1\n"
        "    def test_chain(self):\n        return app.core.pricing.price\n"
        "    def test_other(self):\n        return app.x\n"
    )
    tree = cst.parse_module(code)
    out = pruned(tree, code, "app", OLD, keep={"app"}, names=False)
    (cls,) = [s for s in out.body if isinstance(s, cst.ClassDef)]
    assert [cst.Module([]).code_for_node(s).split("\n")[0] for s in cls.body.body] == [
        "X = 1",
        "def test_chain(self):",
    ]
    original = tree.body[1]
    assert isinstance(original, cst.ClassDef)
    assert cls.body.body[1] is original.body.body[1], "nodes are the module's own"
