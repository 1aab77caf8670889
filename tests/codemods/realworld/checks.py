"""What a change left behind in a real project: its tests' failures, the old name still spelled
or imported, and names the moved code uses without defining or importing them."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from tests.codemods.realworld.projects import Split

__all__ = [
    "codemod",
    "import_root",
    "leftovers",
    "module_leftovers",
    "run_tests",
    "undefined_names",
]


def import_root(root: Path) -> Path:
    """Where the project's packages are imported from: src/ when it has one, else the root."""
    return root / "src" if (root / "src").is_dir() else root


def run_tests(root: Path) -> tuple[set[str], str]:
    """The ids of failing tests, and pytest's closing line."""
    env = {**os.environ, "PYTHONPATH": str(import_root(root))}
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rfE", "tests"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    failing = {m.group(1) for m in re.finditer(r"^(?:FAILED|ERROR) (\S+)", out.stdout, re.M)}
    closing = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else out.stderr[-300:]
    return failing, closing


def codemod(root: Path, *args: str) -> dict[str, object]:
    """The JSON report of `unknot codemod ARGS --apply` run as a whole process, with its time."""
    command = [sys.executable, "-m", "unknot", "codemod", *args, "--root", str(root)]
    start = time.perf_counter()
    out = subprocess.run(
        [*command, "--apply", "--format", "json"], capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{out.stdout}{out.stderr}")
    return {**json.loads(out.stdout), "seconds": round(seconds, 2)}


def undefined_names(root: Path, module: str) -> list[str]:
    """Names used in the module that nothing defines or imports there (ruff F821): an import
    the moved code needed and did not take along."""
    path = import_root(root) / (module.replace(".", "/") + ".py")
    ruff = [sys.executable, "-m", "ruff", "check", "--no-cache", "--isolated"]
    out = subprocess.run(
        [*ruff, "--select", "F821", "--output-format", "json", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    return [
        f"{found['message']} ({path.name}:{found['location']['row']})"
        for found in json.loads(out.stdout or "[]")
    ]


def _sources(root: Path) -> list[tuple[Path, str, ast.Module | None]]:
    found = []
    for path in sorted([*root.rglob("*.py"), *root.rglob("*.pyi")]):
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            tree: ast.Module | None = ast.parse(text)
        except SyntaxError:
            tree = None
        found.append((path, text, tree))
    return found


def leftovers(root: Path, split: Split) -> tuple[int, int]:
    """How often a moved name is still reached through the old module in .py and .pyi files:
    spelled `MODULE.NAME`, and imported by `from MODULE import NAME` (relative forms too)."""
    names = "|".join(re.escape(name) for name in split.moved)
    dotted = re.compile(rf"\b{re.escape(split.module)}\.({names})\b")
    spelled = imported = 0
    for path, text, tree in _sources(root):
        spelled += len(dotted.findall(text))
        for node in ast.walk(tree) if tree is not None else ():
            if isinstance(node, ast.ImportFrom) and _imported(root, path, node) == split.module:
                imported += sum(alias.name in split.moved for alias in node.names)
    return spelled, imported


def module_leftovers(root: Path, old: str, listed: set[tuple[str, int]]) -> list[str]:
    """Where the moved module `old` is still named in .py and .pyi files, as `file:line`: an
    import of it (relative forms resolved) or its dotted name in the code, except the lines the
    move listed for review (`listed`: file name and line; a listed comment is its own line, a
    listed string all of its lines)."""
    spelled = re.compile(rf"(?<![\w.]){re.escape(old)}(?!\w)")
    found = []
    for path, text, tree in _sources(root):
        lines = {n for n, line in enumerate(text.splitlines(), 1) if spelled.search(line)}
        starts = {line for name, line in listed if name == path.name}
        lines -= starts | _listed_strings(tree, starts)
        for node in ast.walk(tree) if tree is not None else ():
            if isinstance(node, ast.ImportFrom):
                module = _imported(root, path, node)
                names = {f"{module}.{alias.name}" for alias in node.names}
                if _within(module, old) or any(_within(name, old) for name in names):
                    lines.add(node.lineno)
            elif isinstance(node, ast.Import) and any(_within(a.name, old) for a in node.names):
                lines.add(node.lineno)
        found += [f"{path.relative_to(root)}:{line}" for line in sorted(lines)]
    return found


def _listed_strings(tree: ast.Module | None, starts: set[int]) -> set[int]:
    """Every line of the string literals listed at `starts` (a listed string starts on its
    line, or on the line before when a parenthesis opens it)."""
    if tree is None or not starts:
        return set()
    lines: set[int] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant | ast.JoinedStr):
            continue
        if any(node.lineno - 1 <= start <= node.lineno for start in starts):
            lines.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    return lines


def _within(name: str, module: str) -> bool:
    return name == module or name.startswith(module + ".")


def _imported(root: Path, path: Path, node: ast.ImportFrom) -> str:
    """The absolute module a from-import names, for a file under root/src or root."""
    if not node.level:
        return node.module or ""
    base = import_root(root) if import_root(root) in path.parents else root
    package = list(path.relative_to(base).with_suffix("").parts)[:-1]
    package = package[: len(package) - (node.level - 1)]
    return ".".join([*package, *([node.module] if node.module else [])])
