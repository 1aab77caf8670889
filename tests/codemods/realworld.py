"""Move much-imported modules and split oversized ones in real projects from PyPI, then run
their own test suites.

`nox -s realworld` runs this. For each project: fetch its sdist (tests included) with
`pip download --no-binary :all: --no-deps` into .bench/realworld/ (never committed), run its
tests, apply each module move with the real CLI (`unknot codemod move`), run its tests again;
then, on a fresh copy, split its oversized module with `unknot codemod move-symbol` (a group of
top-level names and their helpers into a new module) and run its tests again. Any test failing
after a change that did not fail before is a regression, and the script exits 1. After a split
it also counts leftovers: the old `MODULE.NAME` spelled in any .py file, and `from MODULE import
NAME` (relative forms resolved) still importing a moved name from the old module; and names the
moved code uses that its new module does not define or import (ruff's F821).

Usage: python tests/codemods/realworld.py [PROJECT ...]
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
from dataclasses import dataclass
from pathlib import Path

WORK = Path(__file__).resolve().parents[2] / ".bench" / "realworld"


@dataclass(frozen=True)
class Split:
    """Top-level names of `module` moved into `dest` together (`--with` adds names the tool
    would otherwise refuse to leave behind, because the moved code uses them)."""

    module: str
    names: tuple[str, ...]
    dest: str
    with_: tuple[str, ...] = ()
    shim: bool = False  # keep `from DEST import NAME` in MODULE (and its __all__)

    @property
    def moved(self) -> tuple[str, ...]:
        return (*self.names, *self.with_)


@dataclass(frozen=True)
class Project:
    name: str
    requirement: str
    moves: tuple[tuple[str, str], ...] = ()
    splits: tuple[Split, ...] = ()


PROJECTS = (
    Project(
        "click",
        "click==8.5.1",
        moves=(
            ("click.termui", "click.ui.termui"),  # monkeypatch targets, relative imports
            ("click._termui_impl", "click.ui._termui_impl"),  # function-level imports, chains
            ("click._compat", "click.support.compat"),  # imported by most modules
        ),
        splits=(
            # core.py (3,825 lines): the small pieces Context, Command and Parameter lean on.
            # ParameterSource is re-exported by click/__init__ and imported by tests; V is the
            # TypeVar of batch and _check_iter.
            Split(
                "click.core",
                (
                    "ParameterSource",
                    "batch",
                    "_check_iter",
                    "_echo_aborted",
                    "_format_deprecated_label",
                    "_format_deprecated_suffix",
                ),
                "click._core_support",
                with_=("V",),
            ),
        ),
    ),
    Project(
        "itsdangerous",
        "itsdangerous==2.2.0",
        moves=(
            ("itsdangerous.encoding", "itsdangerous.codec.encoding"),
            ("itsdangerous.exc", "itsdangerous.errors"),
        ),
    ),
    Project(
        "attrs",
        "attrs==26.1.0",
        splits=(
            # _make.py (3,406 lines): compiling the generated dunder methods (hash, eq) and
            # caching their source in linecache; tests import _compile_and_eval.
            Split(
                "attr._make",
                (
                    "_compile_and_eval",
                    "_linecache_and_compile",
                    "_generate_unique_filename",
                    "_make_hash_script",
                    "_make_eq_script",
                ),
                "attr._scripts",
                with_=("_HASH_CACHE_FIELD",),
            ),
        ),
    ),
    Project(
        "more-itertools",
        "more-itertools==11.2.1",
        splits=(
            # more.py (5,644 lines): the split_* family. The package re-exports more.py with
            # `from .more import *` and the tests call `mi.split_at`, so without --shim the
            # names leave the package (move-symbol does not extend the star re-export).
            Split(
                "more_itertools.more",
                ("split_at", "split_before", "split_after", "split_when", "split_into"),
                "more_itertools.splitting",
                shim=True,
            ),
        ),
    ),
)


def fetch(project: Project) -> Path:
    """The pristine source tree of the project's sdist (downloaded once)."""
    pristine = WORK / project.name / "pristine"
    if pristine.is_dir():
        return pristine
    downloads = WORK / project.name / "sdist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-binary",
            ":all:",
            "--no-deps",
            project.requirement,
            "-d",
            str(downloads),
        ],
        check=True,
    )
    (archive,) = downloads.glob("*.tar.gz")
    with tarfile.open(archive) as tar:
        tar.extractall(WORK / project.name / "extract", filter="data")
    (top,) = (WORK / project.name / "extract").iterdir()
    top.rename(pristine)
    return pristine


def run_tests(root: Path) -> tuple[set[str], str]:
    """The ids of failing tests, and pytest's closing line."""
    env = {**os.environ, "PYTHONPATH": str(_import_root(root))}
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


def _counts(report: dict[str, object]) -> str:
    return (
        f"{report['seconds']} s, scanned {report['files_scanned']}, parsed "
        f"{report['files_parsed']}, changed {report['files_changed']}, imports "
        f"{report['imports_rewritten']}, strings {report['strings_rewritten']}, for review "
        f"{len(report['strings_for_review'])}"  # type: ignore[arg-type]
    )


def split_module(root: Path, split: Split) -> None:
    symbols = [f"{split.module}:{name}" for name in split.names]
    extra = [arg for name in split.with_ for arg in ("--with", name)]
    extra += ["--shim"] if split.shim else []
    report = codemod(root, "move-symbol", *symbols, split.dest, *extra)
    spelled, imported = leftovers(root, split)
    undefined = undefined_names(root, split.dest)
    print(
        f"move-symbol {len(split.moved)} names {split.module} -> {split.dest}: "
        f"{_counts(report)}, new cycles {len(report['new_cycles'])}; "  # type: ignore[arg-type]
        f"leftovers: {spelled} `{split.module}.NAME` spelled, {imported} imported from "
        f"{split.module}; undefined names in {split.dest}: {len(undefined)}"
    )
    for note in report.get("notes", []):  # type: ignore[attr-defined]
        print(f"  note: {note}")
    for finding in undefined:
        print(f"  undefined: {finding}")


def undefined_names(root: Path, module: str) -> list[str]:
    """Names used in the module that nothing defines or imports there (ruff F821): an import
    the moved code needed and did not take along."""
    path = _import_root(root) / (module.replace(".", "/") + ".py")
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


def leftovers(root: Path, split: Split) -> tuple[int, int]:
    """How often a moved name is still reached through the old module in .py and .pyi files:
    spelled `MODULE.NAME`, and imported by `from MODULE import NAME` (relative forms too)."""
    names = "|".join(re.escape(name) for name in split.moved)
    dotted = re.compile(rf"\b{re.escape(split.module)}\.({names})\b")
    spelled = imported = 0
    for path in [*root.rglob("*.py"), *root.rglob("*.pyi")]:
        text = path.read_text(encoding="utf-8", errors="replace")
        spelled += len(dotted.findall(text))
        try:
            tree = ast.parse(text)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and _imported_module(root, path, node) == (
                split.module
            ):
                imported += sum(alias.name in split.moved for alias in node.names)
    return spelled, imported


def _imported_module(root: Path, path: Path, node: ast.ImportFrom) -> str:
    """The absolute module a from-import names, for a file under root/src or root."""
    if not node.level:
        return node.module or ""
    base = _import_root(root) if _import_root(root) in path.parents else root
    package = list(path.relative_to(base).with_suffix("").parts)[:-1]
    package = package[: len(package) - (node.level - 1)]
    return ".".join([*package, *([node.module] if node.module else [])])


def _import_root(root: Path) -> Path:
    """Where the project's packages are imported from: src/ when it has one, else the root."""
    return root / "src" if (root / "src").is_dir() else root


def _copy(pristine: Path, root: Path) -> Path:
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(pristine, root)
    return root


def _compare(before: set[str], root: Path, label: str) -> bool:
    after, closing = run_tests(root)
    print(f"{label}: {closing}")
    new_failures = sorted(after - before)
    for test in new_failures:
        print(f"NEW FAILURE: {test}")
    return not new_failures


def check(project: Project) -> bool:
    pristine = fetch(project)
    root = _copy(pristine, WORK / project.name / "run")
    before, closing = run_tests(root)
    print(f"\n## {project.requirement}\nbefore: {closing}")
    ok = True
    if project.moves:
        for old, new in project.moves:
            report = codemod(root, "move", old, new)
            print(
                f"move {old} -> {new}: {_counts(report)}, tests moved "
                f"{len(report['tests_moved'])}, "  # type: ignore[arg-type]
                f"new cycles {len(report['new_cycles'])}"  # type: ignore[arg-type]
            )
        ok = _compare(before, root, "after moves") and ok
    if project.splits:
        root = _copy(pristine, WORK / project.name / "split")
        for split in project.splits:
            split_module(root, split)
        ok = _compare(before, root, "after split") and ok
    return ok


def main(argv: list[str]) -> int:
    wanted = set(argv)
    results = [check(p) for p in PROJECTS if not wanted or p.name in wanted]
    print("\nno new failures" if all(results) else "\nnew failures: see above")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
