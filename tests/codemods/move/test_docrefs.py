"""Code inside prose: Sphinx roles, doctest lines, reprs and quoted paths are rewritten."""

from __future__ import annotations

import pytest

from codemods.engine.names import Rename
from codemods.move.docrefs import rewrite_code_mentions

RENAME = Rename("pkg.mod", "pkg.other.mod")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (":func:`pkg.mod.f`", ":func:`pkg.other.mod.f`"),
        (":class:`~pkg.mod.C`", ":class:`~pkg.other.mod.C`"),
        (":py:mod:`the module <pkg.mod>`", ":py:mod:`the module <pkg.other.mod>`"),
        (">>> from pkg.mod import x", ">>> from pkg.other.mod import x"),
        ("    ... pkg.mod.f()", "    ... pkg.other.mod.f()"),
        ("<class 'pkg.mod.C'>", "<class 'pkg.other.mod.C'>"),
        ("<pkg.mod.C object at 0x7f>", "<pkg.other.mod.C object at 0x7f>"),
        ("'pkg.mod'", "'pkg.other.mod'"),
    ],
)
def test_code_is_rewritten(before: str, after: str) -> None:
    assert rewrite_code_mentions(before, RENAME) == (after, False)


@pytest.mark.parametrize(
    "text",
    [":func:`pkg.modular`", ">>> import pkg.mods", "<class 'pkg.module.C'>", "a pkg.model"],
)
def test_other_names_are_left_alone(text: str) -> None:
    assert rewrite_code_mentions(text, RENAME) == (text, False)


def test_prose_is_left_and_said_to_be_left() -> None:
    text = "Moved from pkg.mod; see :func:`pkg.mod.f`."
    assert rewrite_code_mentions(text, RENAME) == (
        "Moved from pkg.mod; see :func:`pkg.other.mod.f`.",
        True,
    )
