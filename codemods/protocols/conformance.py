"""The test `--with-test` writes: CLASS satisfies the protocol, for a type checker and at run
time, placed next to the dependents' own tests."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from codemods.protocols.members import Member

__all__ = ["conformance_test", "directory_for_test"]


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def _imports(text: str, module: str) -> bool:
    """Does `text` import `module` (`import a.b`, `from a.b import x`, `from a import b`)?"""
    parent, _, leaf = module.rpartition(".")
    forms = [rf"^\s*(from|import)\s+{re.escape(module)}\b"]
    if parent:
        forms.append(rf"^\s*from\s+{re.escape(parent)}\s+import\s+[^\n]*\b{re.escape(leaf)}\b")
    return any(re.search(form, text, re.MULTILINE) for form in forms)


def directory_for_test(root: Path, files: tuple[Path, ...], modules: list[str]) -> Path:
    """The directory holding most tests (`test_*.py`) that import one of `modules`."""
    counts: Counter[Path] = Counter()
    for path in files:
        if not path.name.startswith("test_"):
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if any(_imports(text, module) for module in modules):
            counts[path.parent] += 1
    if counts:
        return sorted(counts.items(), key=lambda item: (-item[1], str(item[0])))[0][0]
    return root / "tests"


def _tuple(names: list[str]) -> str:
    """`names` as a tuple of strings, one per line when they do not fit on one."""
    inner = ", ".join(f'"{n}"' for n in names)
    if len(inner) > 72:
        rows = "".join(f'        "{n}",\n' for n in names)
        return f"(\n{rows}    )"
    return f"({inner},)" if len(names) == 1 else f"({inner})"


def _checks(class_name: str, protocol: str, members: list[Member]) -> list[str]:
    """The test's loops: the protocol declares each member, and CLASS has each method with
    the protocol's parameters."""
    names = [m.name for m in members]
    methods = [m.name for m in members if m.kind == "method"]
    lines = []
    if names:
        lines += [
            f"    for name in {_tuple(names)}:",
            f"        assert hasattr({protocol}, name) or name in {protocol}.__annotations__",
        ]
    if methods:
        lines += [
            f"    for name in {_tuple(methods)}:",
            f"        expected = list(inspect.signature(getattr({protocol}, name)).parameters)",
            f"        actual = list(inspect.signature(getattr({class_name}, name)).parameters)",
            "        assert actual == expected, name",
        ]
    return lines


def conformance_test(
    *, module: str, class_name: str, dest: str, protocol: str, members: list[Member]
) -> str:
    """A test module asserting `module.class_name` satisfies `dest.protocol`."""
    test = f"test_{_snake(class_name)}_satisfies_{_snake(protocol)}"
    uses_inspect = any(m.kind == "method" for m in members)
    lines = [
        f'"""`{class_name}` satisfies `{protocol}`, the protocol its dependents are typed '
        'against."""',
        "",
        "from __future__ import annotations",
        "",
        *(["import inspect", ""] if uses_inspect else []),
        f"from {dest} import {protocol}",
        f"from {module} import {class_name}",
        "",
        "",
        f"def _as_protocol(value: {class_name}) -> {protocol}:",
        f"    return value  # a type checker fails here when {class_name} no longer fits",
        "",
        "",
        f"def {test}() -> None:",
        f'    assert _as_protocol.__annotations__["return"] == "{protocol}"',
        *_checks(class_name, protocol, members),
    ]
    return "\n".join(lines) + "\n"
