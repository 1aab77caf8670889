"""Wiring of `unknot diff`: two saved analyses, or the working tree against a git revision."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from analyzer.errors import AnalyzerError
from analyzer.model import Analysis
from reports.diff import AnalysisDiff, Reader, diff
from reports.diff_git import revision_tree
from reports.diff_load import load_analysis
from reports.diff_render import DIFF_FORMATS
from unknot.errors import CliError
from unknot.progress import progress
from unknot.wiring import run_analysis

__all__ = ["run_diff"]


def _reader(analysis: Analysis) -> Reader:
    root = Path(analysis.root)

    def read(file: str) -> str | None:
        try:
            return (root / file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    return read


def _outside(analysis: Analysis) -> dict[str, str]:
    """The modules under the analysis's source root outside its target, each with its file
    relative to that root (hidden folders and virtual environments left out)."""
    root = Path(analysis.root)
    layer = {m.file for m in analysis.modules}
    found: dict[str, str] = {}
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        if any(p.startswith(".") or p in {"venv", "node_modules"} for p in relative.parts[:-1]):
            continue
        file = relative.as_posix()
        if file in layer or not all(p.isidentifier() for p in relative.with_suffix("").parts):
            continue
        parts = relative.with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = file
    return found


def _compare(before: Analysis, after: Analysis, *, outside: bool = False) -> AnalysisDiff:
    return diff(
        before,
        after,
        read_before=_reader(before),
        read_after=_reader(after),
        outside=_outside(after) if outside else None,
    )


def _usage(message: str) -> CliError:
    return CliError(
        code="bad-arguments",
        message=message,
        hint="Use `unknot diff BEFORE.json AFTER.json` or `unknot diff TARGET --against REV`.",
    )


def _at_revision(error: AnalyzerError, revision: str, old_cwd: Path) -> CliError:
    """An error of the revision's side, saying so, with paths as they are in the repository
    rather than in the temporary checkout."""
    message = error.message.replace(f"{old_cwd}/", "").replace(str(old_cwd), ".")
    if error.code == "package-not-found":
        return CliError(
            code="not-at-revision",
            message=f"At {revision}: {message}",
            hint=f"There is nothing to compare with at {revision} (a change that adds the "
            "package); compare with a later revision, or skip the diff for this change.",
        )
    return CliError(code=error.code, message=f"At {revision}: {message}", hint=error.hint)


def run_diff(
    arguments: list[str],
    *,
    against: str | None,
    output_format: str,
    root: Path | None,
    quiet: bool,
    cwd: Path,
) -> str:
    """The rendered diff; `arguments` are two analysis files, or one TARGET with `against`."""
    render: Callable[[AnalysisDiff], str] | None = DIFF_FORMATS.get(output_format)
    if render is None:
        raise CliError(
            code="unknown-format",
            message=f"Unknown format '{output_format}'.",
            hint=f"Choose one of: {', '.join(DIFF_FORMATS)}.",
        )
    if against is None:
        if len(arguments) != 2:
            raise _usage(f"Expected two analysis files, got {len(arguments)} argument(s).")
        before, after = (load_analysis(Path(argument)) for argument in arguments)
        return render(_compare(before, after))
    if len(arguments) != 1:
        raise _usage(f"--against takes one TARGET, got {len(arguments)} argument(s).")
    target = arguments[0]
    message = f"Analysing {target} at {against} and in the working tree"
    with progress(message, quiet=quiet), revision_tree(against, cwd=cwd) as old_cwd:
        old_root = root if root is None or root.is_absolute() else old_cwd / root
        try:
            before = run_analysis(
                target, cwd=old_cwd, root=old_root, no_cache=True, absolute_root=True
            )
        except AnalyzerError as error:
            raise _at_revision(error, against, old_cwd) from error
        after = run_analysis(target, cwd=cwd, root=root, absolute_root=True)
        result = _compare(before, after, outside=True)
    return render(result)
