"""Re-export shims: write one for `move --shim`, and recognise one (for `remove-shim`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import libcst as cst
from libcst.helpers import get_full_name_for_node

from codemods.engine.names import Rename, resolve_relative

__all__ = ["Shim", "public_names", "read_shim", "shim_text"]


def public_names(module: cst.Module) -> list[str]:
    """A module's public names: its literal `__all__`, else its public top-level bindings."""
    names: list[str] = []
    for statement in module.body:
        if isinstance(statement, cst.FunctionDef | cst.ClassDef):
            names.append(statement.name.value)
        elif isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if isinstance(small, cst.Assign | cst.AnnAssign):
                    targets = small.targets if isinstance(small, cst.Assign) else [small]
                    for target in targets:
                        if isinstance(target.target, cst.Name):
                            if target.target.value == "__all__" and isinstance(
                                small.value, cst.List | cst.Tuple
                            ):
                                return [
                                    str(e.value.evaluated_value)
                                    for e in small.value.elements
                                    if isinstance(e.value, cst.SimpleString)
                                ]
                            names.append(target.target.value)
    return [n for n in names if not n.startswith("_")]


def shim_text(rename: Rename, moved_file: Path, used: frozenset[str]) -> str:
    """A module that re-exports NEW's public names and those importers used, and warns."""
    try:
        public = public_names(cst.parse_module(moved_file.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, cst.ParserSyntaxError):
        public = []
    names = sorted(set(public) | {n for n in used if n.isidentifier()})
    exported = sorted(n for n in names if not n.startswith("_"))
    lines = [
        f'"""Deprecated: this module moved to `{rename.new}`.',
        "",
        "It re-exports what its importers used; import from the new place instead.",
        '"""',
        "",
        "import warnings",
        "",
    ]
    if names:
        lines += [f"from {rename.new} import (", *[f"    {n}," for n in names], ")", ""]
        lines += ["__all__ = [", *[f'    "{n}",' for n in exported], "]", ""]
    lines += [
        "warnings.warn(",
        f'    "{rename.old} moved to {rename.new}; "',
        f'    "import from {rename.new} instead",',
        "    DeprecationWarning,",
        "    stacklevel=2,",
        ")",
        "",
    ]
    return "\n".join(lines)


@dataclass(frozen=True)
class Shim:
    """A pure re-export module: each name it provides and the module that really defines it."""

    module: str
    homes: dict[str, tuple[str, str]]  # local name -> (real module, name there)
    stars: tuple[str, ...]  # modules re-exported with `import *`
    own: tuple[str, ...]  # what it defines itself (a shim defines nothing)


def _is_allowed(small: cst.BaseSmallStatement) -> bool:
    if isinstance(small, cst.Expr):
        value = small.value
        if isinstance(value, cst.SimpleString | cst.ConcatenatedString):
            return True  # docstring
        if isinstance(value, cst.Call):
            return (get_full_name_for_node(value.func) or "") in {"warnings.warn", "warn"}
        return False
    if isinstance(small, cst.Assign):
        return all(
            isinstance(t.target, cst.Name) and t.target.value == "__all__" for t in small.targets
        )
    return isinstance(small, cst.Import | cst.ImportFrom | cst.Pass | cst.Del)


def read_shim(module: str, package: str, tree: cst.Module) -> Shim:
    """What `tree` re-exports, and what (if anything) it defines of its own."""
    homes: dict[str, tuple[str, str]] = {}
    stars: list[str] = []
    own: list[str] = []
    for statement in tree.body:
        if isinstance(statement, cst.If):  # `if TYPE_CHECKING:` re-exports
            body = statement.body.body
            smalls = [
                s for line in body if isinstance(line, cst.SimpleStatementLine) for s in line.body
            ]
            own += [] if len(smalls) == len(body) else ["<if block>"]
        elif isinstance(statement, cst.SimpleStatementLine):
            smalls = list(statement.body)
        else:
            name = getattr(getattr(statement, "name", None), "value", type(statement).__name__)
            own.append(str(name))
            continue
        for small in smalls:
            if not _is_allowed(small):
                own.append(tree.code_for_node(small).strip().split("\n")[0])
            elif isinstance(small, cst.ImportFrom):
                _record(small, package, homes, stars)
    return Shim(module, homes, tuple(stars), tuple(own))


def _record(
    node: cst.ImportFrom, package: str, homes: dict[str, tuple[str, str]], stars: list[str]
) -> None:
    base = get_full_name_for_node(node.module) if node.module is not None else None
    if node.relative:
        base = resolve_relative(package, len(node.relative), base)
    if not base or base == "__future__":
        return
    if isinstance(node.names, cst.ImportStar):
        stars.append(base)
        return
    for alias in node.names:
        name = str(alias.evaluated_name)
        homes[str(alias.evaluated_alias or name)] = (base, name)
