"""Imports by a call with a literal module name, which grimp does not see.

`importlib.import_module("pkg.b")`, `import_module(".c", __package__)` (or `package="pkg"`)
and `__import__("pkg.d")` import a module as surely as an `import` statement, when the call
runs. Names built at run time are not followed. Found in the text with a regular expression,
and only in files that mention `import_module` or `__import__`; lines inside multi-line strings
and comments are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from analyzer.adapters.kinds import classify_import_lines
from analyzer.adapters.strings import masked_lines
from analyzer.model import ImportKind

__all__ = ["dynamic_imports", "dynamic_sites", "nearest_module"]

_IMPORT_MODULE = re.compile(
    r"""import_module\(\s*(['"])(\.*[\w.]*)\1\s*"""
    r"""(?:,\s*(?:package\s*=\s*)?(?:(__package__|__name__)|(['"])([\w.]+)\4)\s*)?,?\s*\)"""
)
_DUNDER_IMPORT = re.compile(r"""__import__\(\s*(['"])([\w.]+)\1""")


def dynamic_imports(
    module: str, text: str, *, is_package: bool, within: str | None = None
) -> list[tuple[str, int, str]]:
    """(absolute module name, line, the line's text) of each literal dynamic import in `text`,
    the source of `module` (a package's `__init__` when `is_package`); with `within`, only
    the names in that package."""
    if "import_" not in text:  # one pass over the text for both names
        return []
    named = [
        (match, name)
        for match in _calls(text, "import_module(", _IMPORT_MODULE)
        + _calls(text, "__import__(", _DUNDER_IMPORT)
        if (name := _absolute(module, match, is_package=is_package))
        and (within is None or name == within or name.startswith(within + "."))
    ]
    if not named:
        return []
    mask = masked_lines(text)
    found = []
    for match, name in named:
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.start())
        line_text = text[start : end if end >= 0 else len(text)]
        line = text.count("\n", 0, match.start()) + 1
        if line in mask or "#" in line_text[: match.start() - start]:
            continue
        found.append((name, line, line_text.strip()))
    return sorted(set(found), key=lambda item: (item[1], item[0]))


def _calls(text: str, call: str, pattern: re.Pattern[str]) -> list[re.Match[str]]:
    """The matches of `pattern` at each `call` that is not the end of a longer name: found
    with `str.find`, far faster than a regular expression stepping through the text."""
    found = []
    at = text.find(call)
    while at >= 0:
        if at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_"):
            match = pattern.match(text, at)
            if match is not None:
                found.append(match)
        at = text.find(call, at + 1)
    return found


def dynamic_sites(module: str, text: str, *, is_package: bool) -> list[list[str | int]]:
    """[name, line, text, kind] of each literal dynamic import of a module in `module`'s
    top-level package (only those can be edges): a call that runs only when a function does
    is `dynamic`; one at module level runs at import time and is `import-time`, like a
    statement there (a circular import through it fails the same way); one under
    `if TYPE_CHECKING:` is `typing`."""
    found = dynamic_imports(module, text, is_package=is_package, within=module.partition(".")[0])
    if not found:
        return []
    kinds = classify_import_lines(text, [line for _, line, _ in found])
    return [[name, line, code, _KINDS[kinds[line]].value] for name, line, code in found]


_KINDS = {
    ImportKind.IMPORT_TIME: ImportKind.IMPORT_TIME,
    ImportKind.DEFERRED: ImportKind.DYNAMIC,
    ImportKind.TYPING: ImportKind.TYPING,
}


def _absolute(module: str, match: re.Match[str], *, is_package: bool) -> str | None:
    """The module a match names, relative names resolved against the package argument."""
    name = match.group(2)
    if match.re is _DUNDER_IMPORT or not name.startswith("."):
        return name.strip(".") or None
    anchor = match.group(5)
    if match.group(3) == "__package__":
        anchor = module if is_package else module.rpartition(".")[0]
    elif match.group(3) == "__name__":
        anchor = module
    if not anchor:
        return None  # a relative name needs a package
    level = len(name) - len(name.lstrip("."))
    parts = anchor.split(".")
    if level - 1 >= len(parts):
        return None
    base = parts[: len(parts) - (level - 1)]
    rest = name[level:]
    return ".".join([*base, rest]) if rest else ".".join(base)


def nearest_module(name: str, modules: Collection[str]) -> str | None:
    """`name`, or its nearest parent that is one of `modules` (a name may end in an attribute
    or a compiled module); None when nothing of it is."""
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None
