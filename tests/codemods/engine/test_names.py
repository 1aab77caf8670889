from __future__ import annotations

import pytest

from codemods.engine.names import Rename, relative_spelling, resolve_relative


def test_rename_only_touches_old_and_what_is_inside_it() -> None:
    rename = Rename("a.b", "x.y")
    assert rename.apply("a.b") == "x.y"
    assert rename.apply("a.b.c.D") == "x.y.c.D"
    assert rename.apply("a.bc") is None
    assert rename.apply("a") is None
    assert rename.apply_ref("a.b.c:D.e") == "x.y.c:D.e"
    assert rename.reverse == Rename("x.y", "a.b")


@pytest.mark.parametrize(
    ("package", "level", "module", "expected"),
    [
        ("a.b", 1, None, "a.b"),
        ("a.b", 1, "c", "a.b.c"),
        ("a.b", 2, "c.d", "a.c.d"),
        ("a", 2, "c", None),
    ],
)
def test_resolve_relative(
    package: str, level: int, module: str | None, expected: str | None
) -> None:
    assert resolve_relative(package, level, module) == expected


@pytest.mark.parametrize(
    ("package", "target", "expected"),
    [
        ("a.b", "a.b.c", (1, "c")),
        ("a.b", "a.b", (1, None)),
        ("a.b", "a.x.y", (2, "x.y")),
        ("a.b.c", "a", (3, None)),
        ("a.b", "z.y", None),
    ],
)
def test_relative_spelling_is_the_shortest(
    package: str, target: str, expected: tuple[int, str | None] | None
) -> None:
    assert relative_spelling(package, target) == expected
