"""How an importer uses a module: the names it takes, and whether only in annotations."""

from __future__ import annotations

from pathlib import Path

import pytest

from codemods.plans.usage import read_usage

CASES = [
    (
        "from pkg.b import Bot\n\ndef f(bot: Bot) -> None:\n    pass\n",
        frozenset({"Bot"}),
        True,
    ),
    (
        "from __future__ import annotations\nimport pkg.b\n\ndef f() -> pkg.b.Bot:\n"
        "    x: pkg.b.Other = 1\n    return x\n",
        frozenset({"Bot", "Other"}),
        True,
    ),
    (
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.b import Bot\n"
        "def f(bot: 'Bot') -> None:\n    pass\n",
        frozenset({"Bot"}),
        True,
    ),
    (
        "from pkg import b\n\nclass C:\n    b: int = 0\n\ndef f() -> int:\n"
        "    return b.LIMIT + b.size()\n",
        frozenset({"LIMIT", "size"}),
        False,
    ),
    ("import pkg.b as bee\n\nVALUE = bee.VALUE\n", frozenset({"VALUE"}), False),
    ("from pkg.b import Bot\n\nBOT = Bot()\n", frozenset({"Bot"}), False),
    ("from . import b\n\ndef f() -> object:\n    return b\n", None, False),
]


@pytest.mark.parametrize(("source", "names", "annotations_only"), CASES)
def test_names_taken_and_annotation_only_uses(
    tmp_path: Path, source: str, names: frozenset[str] | None, annotations_only: bool
) -> None:
    path = tmp_path / "a.py"
    path.write_text(source)
    usage = read_usage(path, "pkg.b", importer="pkg.a", is_package=False)
    assert usage.names == names
    assert usage.annotations_only is annotations_only


def test_an_unreadable_file_takes_unknown_names(tmp_path: Path) -> None:
    path = tmp_path / "a.py"
    path.write_text("def (:\n")
    usage = read_usage(path, "pkg.b", importer="pkg.a", is_package=False)
    assert usage.names is None
    assert not usage.annotations_only
