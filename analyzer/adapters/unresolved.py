"""Imports of submodules that have no Python source: a compiled extension (`.so`, `.pyd`) or a
module that is missing (generated at build time, or a mistake).

grimp resolves `import pkg.ext` to `pkg` but drops `from pkg.ext import x` when `pkg.ext` has
no `.py` file; the statement still runs `pkg/__init__.py` (and an extension's own imports are
out of sight). Each such statement is an edge to the nearest module that does exist.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from analyzer.adapters.kinds import classify_import_lines
from analyzer.adapters.strings import masked_lines

__all__ = ["known_names", "unresolved_imports"]


def known_names(modules: Iterable[str]) -> frozenset[str]:
    """The modules and every package above them (namespace portions included): a `from X
    import` of one of these is resolved by grimp."""
    known: set[str] = set()
    for module in modules:
        name = module
        while name and name not in known:
            known.add(name)
            name = name.rpartition(".")[0]
    return frozenset(known)


def unresolved_imports(
    module: str,
    text: str,
    froms: list[tuple[int, str]],
    *,
    is_package: bool,
    known: Collection[str],
) -> list[list[str | int]]:
    """[name, line, text, kind] of each `from X import ...` in `text` (the source of `module`;
    `froms` are its statements' line offsets and the modules they name) whose X lies in
    `module`'s top-level package but is neither a module nor a package there."""
    top = module.partition(".")[0]
    base = module if is_package else module.rpartition(".")[0]
    found: list[tuple[str, int]] = []
    for start, named in froms:
        name = _absolute(named, base)
        if name and name not in known and name.startswith(top + "."):
            found.append((name, start))
    if not found:
        return []
    mask = masked_lines(text)
    sites = []
    for name, start in found:
        line = text.count("\n", 0, start) + 1
        if line not in mask:
            end = text.find("\n", start)
            sites.append((name, line, text[start : end if end >= 0 else len(text)].strip()))
    kinds = classify_import_lines(text, [line for _, line, _ in sites])
    return [[name, line, code, kinds[line].value] for name, line, code in sites]


def _absolute(named: str, base: str) -> str | None:
    """The module `from NAMED import` names, relative to package `base`."""
    level = len(named) - len(named.lstrip("."))
    if not level:
        return named
    parts = base.split(".") if base else []
    if level - 1 > len(parts) - 1:
        return None
    anchor = parts[: len(parts) - (level - 1)]
    rest = named[level:]
    return ".".join([*anchor, rest]) if rest else ".".join(anchor)
