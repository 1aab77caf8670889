"""Dotted-name arithmetic for moves: renaming a prefix and spelling relative imports."""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass

from codemods.engine.errors import BadName

__all__ = [
    "DOTTED_REF",
    "Rename",
    "check_dotted",
    "is_within",
    "relative_spelling",
    "resolve_relative",
]

# A whole string that is a dotted path, optionally with a `:attribute` suffix (entry points,
# `pkgutil.resolve_name`).
DOTTED_REF = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*(?::[A-Za-z_][\w.]*)?")


def check_dotted(name: str, *, what: str) -> None:
    """Raise `BadName` unless `name` is a dotted Python name (`a.b`, no keyword, no empty part)."""
    parts = name.split(".")
    bad = next((p for p in parts if not p.isidentifier() or keyword.iskeyword(p)), None)
    if bad is None:
        return
    shown = f"'{bad}'" if bad else "an empty part"
    raise BadName(
        f"{what} '{name}' is not a dotted Python name: {shown} cannot be imported.",
        hint="Use identifiers separated by single dots, e.g. shop.common.util.",
    )


def is_within(name: str, prefix: str) -> bool:
    """True when `name` is `prefix` or one of its submodules (or attributes)."""
    return name == prefix or name.startswith(prefix + ".")


@dataclass(frozen=True)
class Rename:
    """A module (or package, with all its submodules) moving from `old` to `new`; with
    `symbol`, a top-level name moving from module to module (`a.b.X` -> `a.c.X`)."""

    old: str
    new: str
    symbol: bool = False

    @property
    def importable(self) -> str:
        """The module an `import` statement names to reach NEW: NEW, or a symbol's module."""
        return self.new.rpartition(".")[0] if self.symbol else self.new

    def apply(self, name: str) -> str | None:
        """The new dotted name for `name`, or None when `name` is not OLD or inside it."""
        if name == self.old:
            return self.new
        if name.startswith(self.old + "."):
            return self.new + name[len(self.old) :]
        return None

    def apply_ref(self, text: str) -> str | None:
        """The new text of a dotted reference string (`a.b.c`, `a.b.c.X`, `a.b.c:X`), or None."""
        head, sep, tail = text.partition(":")
        renamed = self.apply(head)
        return None if renamed is None else renamed + sep + tail

    @property
    def reverse(self) -> Rename:
        return Rename(self.new, self.old, self.symbol)


def resolve_relative(package: str, level: int, module: str | None) -> str | None:
    """The absolute module named by `from <level dots><module> import ...` in `package`.

    None when the import climbs above the top-level package (Python would refuse it too).
    """
    parts = package.split(".") if package else []
    if level > len(parts):
        return None
    base = parts[: len(parts) - level + 1]
    if module:
        base = [*base, *module.split(".")]
    return ".".join(base) or None


def relative_spelling(package: str, target: str) -> tuple[int, str | None] | None:
    """The shortest `(level, module)` that names `target` relatively from `package`.

    None when they share no top-level package: the import must then be absolute.
    """
    pkg = package.split(".") if package else []
    tgt = target.split(".")
    common = 0
    for mine, theirs in zip(pkg, tgt, strict=False):
        if mine != theirs:
            break
        common += 1
    if common == 0:
        return None
    rest = ".".join(tgt[common:])
    return len(pkg) - common + 1, rest or None
