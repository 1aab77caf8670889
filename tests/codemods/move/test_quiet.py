"""The move codemod reads only the imports of statements whose lines cannot concern OLD."""

from __future__ import annotations

import re

import libcst as cst

from codemods.move.quiet import quiet_statements

WORDS = re.compile(r"app\.core\.pricing|\bpricing\b")


def _quiet(code: str) -> list[str]:
    tree = cst.parse_module(code)
    found = quiet_statements(tree, code, WORDS)
    empty = cst.Module([])
    return sorted(empty.code_for_node(node).strip().splitlines()[0] for node in found)


def test_compound_statements_that_never_spell_old_are_quiet_down_to_methods() -> None:
    code = (
        "import app\n"
        "x = 1; y = 2\n"
        "@decorated\n"
        "def unrelated():\n    return 1\n"
        "if True:\n    z = 3\n"
        "class Tests:\n"
        "    def test_a(self):\n        return app.core.pricing.X\n"
        "    def test_b(self):\n        return 2\n"
        "    # app.core.pricing named in a comment after the method\n"
        "\n"
    )
    assert "def test_a(self):" not in _quiet(code)
    assert "def test_b(self):" not in _quiet(code)  # the comment after it is read with it
    assert "class Tests:" not in _quiet(code)
    assert set(_quiet(code)) == {"@decorated", "if True:"}


def test_nothing_is_quiet_when_the_text_does_not_parse_or_ends_lines_with_cr() -> None:
    tree = cst.parse_module("def f():\n    return 1\n")
    assert quiet_statements(tree, "def (", WORDS) == set()
    code = "def f():\r    return 1\r"
    assert quiet_statements(cst.parse_module(code), code, WORDS) == set()
