"""Move much-imported modules and split oversized modules in real projects from PyPI, then run
their own test suites.

`nox -s realworld` runs this. For each project: fetch its sdist (tests included) with
`pip download --no-binary :all: --no-deps` into .bench/realworld/ (never committed), run its
tests, apply each module move with the real CLI (`unknot codemod move`), run its tests again;
then, on a fresh copy, split its oversized module with `unknot codemod move-symbol` (a group of
top-level names and their helpers into a new module) and run its tests again. Any test failing
after a change that did not fail before is a regression, and the script exits 1.

After each move it lists the leftovers: the old module still imported (relative forms
resolved) or spelled in a .py or .pyi file on a line the move did not list for review. After a
split it counts the old `MODULE.NAME` spelled in any .py file, `from MODULE import NAME` still
importing a moved name from the old module, and names the moved code uses that its new module
does not define or import (ruff's F821). A table closes the run.

Usage: python -m tests.codemods.realworld [PROJECT ...]
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from tests.codemods.realworld.checks import (
    codemod,
    leftovers,
    module_leftovers,
    run_tests,
    undefined_names,
)
from tests.codemods.realworld.projects import PROJECTS, Project, Split
from tests.codemods.realworld.sources import WORK, fetch

Row = tuple[str, str, str, str, str]  # project, change, seconds, leftovers, tests


def _counts(report: dict[str, object]) -> str:
    return (
        f"{report['seconds']} s, scanned {report['files_scanned']}, parsed "
        f"{report['files_parsed']}, changed {report['files_changed']}, imports "
        f"{report['imports_rewritten']}, strings {report['strings_rewritten']}, for review "
        f"{len(report['strings_for_review'])}"  # type: ignore[arg-type]
    )


def move_module(root: Path, old: str, new: str) -> tuple[str, int]:
    """Move `old` to `new`; print the figures and leftovers; return the seconds and count."""
    report = codemod(root, "move", old, new)
    review = report["strings_for_review"]
    listed = {  # every line of a listed string, by file name (a moved file is renamed)
        (Path(str(path)).name, int(line) + offset)
        for path, line, text in review  # type: ignore[attr-defined]
        for offset in range(str(text).count("\n") + 1)
    }
    left = module_leftovers(root, old, listed)
    print(
        f"move {old} -> {new}: {_counts(report)}, tests moved "
        f"{len(report['tests_moved'])}, "  # type: ignore[arg-type]
        f"new cycles {len(report['new_cycles'])}, leftovers {len(left)}"  # type: ignore[arg-type]
    )
    for where in left:
        print(f"  leftover: {where}")
    for path, line, text in review:  # type: ignore[attr-defined]
        print(f"  for review: {path}:{line} {text[:100]!r}")
    return str(report["seconds"]), len(left)


def split_module(root: Path, split: Split) -> tuple[str, int]:
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
    return str(report["seconds"]), spelled + imported + len(undefined)


def _copy(pristine: Path, root: Path) -> Path:
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(pristine, root)
    return root


def _compare(before: set[str], root: Path, label: str) -> tuple[bool, str]:
    after, closing = run_tests(root)
    print(f"{label}: {closing}")
    new_failures = sorted(after - before)
    for test in new_failures:
        print(f"NEW FAILURE: {test}")
    return not new_failures, f"{len(new_failures)} new failures ({closing})"


def check(project: Project, rows: list[Row]) -> bool:
    pristine = fetch(project)
    root = _copy(pristine, WORK / project.name / "run")
    before, closing = run_tests(root)
    print(f"\n## {project.requirement}\nbefore: {closing}")
    ok = True
    if project.moves:
        done = [
            (f"move {old} -> {new}", *move_module(root, old, new)) for old, new in project.moves
        ]
        passed, tests = _compare(before, root, "after moves")
        rows += [(project.name, change, secs, str(left), tests) for change, secs, left in done]
        ok = passed and ok
    if project.splits:
        root = _copy(pristine, WORK / project.name / "split")
        done = [
            (f"move-symbol {len(s.moved)} names of {s.module}", *split_module(root, s))
            for s in project.splits
        ]
        passed, tests = _compare(before, root, "after split")
        rows += [(project.name, change, secs, str(left), tests) for change, secs, left in done]
        ok = passed and ok
    return ok


def _table(rows: list[Row]) -> None:
    print("\n| project | change | seconds | leftovers | tests after |")
    print("| --- | --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")


def main(argv: list[str]) -> int:
    wanted = set(argv)
    if unknown := wanted - {p.name for p in PROJECTS}:
        print(f"unknown project {', '.join(sorted(unknown))}")
        return 2
    rows: list[Row] = []
    results = [check(p, rows) for p in PROJECTS if not wanted or p.name in wanted]
    _table(rows)
    print("\nno new failures" if all(results) else "\nnew failures: see above")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
