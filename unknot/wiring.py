"""Wiring: build use cases with their adapters, and pick renderers. Imported lazily by commands."""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import gc
import os
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

from analyzer.adapters.cache import AnalysisCache, CutCache
from analyzer.adapters.grimp_source import GrimpSource
from analyzer.analyse import analyse
from analyzer.config import find_pyproject, load_target
from analyzer.errors import PackageNotFound
from analyzer.model import Analysis
from reports.formats import FORMATS, renderer
from unknot.errors import CliError

__all__ = [
    "check_config_warnings",
    "check_format",
    "collector_paused",
    "configured_targets",
    "default_root",
    "ignore_in_git",
    "run_analysis",
    "write_report",
]

# CI logs are wider than rich's default of 80 columns when output is not a terminal.
_LOG_WIDTH = 120


def run_analysis(
    name: str,
    *,
    cwd: Path,
    root: Path | None = None,
    no_cache: bool = False,
    max_module_lines: int | None = None,
    absolute_root: bool = False,
) -> Analysis:
    """Load TARGET from configuration, scan it from disk and analyse it.

    The analysis names its root relative to `cwd` (so reports match on every checkout) unless
    `absolute_root` is set, for callers that read the files again later.
    """
    root = root if root is not None else default_root(name, cwd)
    target = load_target(name, cwd=cwd, root=root, no_cache=no_cache)
    if max_module_lines is not None:
        gates = dataclasses.replace(target.gates, max_module_lines=max_module_lines)
        target = dataclasses.replace(target, gates=gates)
    cuts = CutCache(target.cache_dir, package=target.package)
    try:
        analysis = analyse(
            target,
            source=GrimpSource(target.root, cache_dir=target.cache_dir),
            cuts=cuts,
            results=AnalysisCache(target.cache_dir, target=target.name),
        )
    except PackageNotFound as error:
        near = difflib.get_close_matches(name, configured_targets(cwd), n=1)
        if not near or "." in name:
            raise
        hint = f"Did you mean the target '{near[0]}'?"
        raise PackageNotFound(error.message, hint=hint) from error
    cuts.save()
    ignore_in_git(target.cache_dir)
    if absolute_root:
        return analysis
    return dataclasses.replace(analysis, root=_shown(Path(analysis.root), cwd))


def ignore_in_git(cache_dir: Path | None) -> None:
    """A `.gitignore` inside the scan cache, as pytest and mypy write in theirs, so that a
    fresh clone does not show it as untracked."""
    if cache_dir is None or not cache_dir.is_dir():
        return
    marker = cache_dir / ".gitignore"
    if not marker.exists():
        with contextlib.suppress(OSError):  # a read-only checkout still gets its analysis
            marker.write_text("# Created by unknot: the scan cache.\n*\n", encoding="utf-8")


def _tool_table(cwd: Path) -> tuple[Path, dict[str, object]] | None:
    """The pyproject.toml at or above `cwd` and its `[tool.unknot]` (None when there is none,
    or it cannot be read: loading the target says why, if it matters)."""
    pyproject = find_pyproject(cwd)
    if pyproject is None:
        return None
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    tool = data.get("tool", {}).get("unknot", {})
    return pyproject, tool if isinstance(tool, dict) else {}


def configured_targets(cwd: Path) -> list[str]:
    """The names of the `[tool.unknot.targets.NAME]` of the pyproject.toml at or above `cwd`."""
    found = _tool_table(cwd)
    targets = found[1].get("targets", {}) if found else {}
    return sorted(targets) if isinstance(targets, dict) else []


def default_root(name: str, cwd: Path) -> Path | None:
    """The source root when neither --root nor the configuration names one: `src/` beside the
    pyproject.toml found at or above `cwd` when there is one, else that directory; None to
    leave it to the configuration (a configured root, or no pyproject.toml at all)."""
    found = _tool_table(cwd)
    if found is None:
        return None
    pyproject, tool = found
    targets = tool.get("targets", {})
    target = targets.get(name, {}) if isinstance(targets, dict) else {}
    if "root" in tool or (isinstance(target, dict) and "root" in target):
        return None
    base = pyproject.parent
    return base / "src" if (base / "src").is_dir() else base


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector for a command that analyses: an analysis allocates
    hundreds of thousands of small objects that live until the process ends, and the
    collector's repeated passes over them cost up to 40% of the run (20,000 modules:
    5.0 s -> 3.0 s, same peak memory). On leaving, they move to the permanent generation:
    otherwise the first collection after the pause walks every one of them (SymPy warm:
    ~40 ms of a 0.33 s run); they are still freed when no longer referenced."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.enable()


def _shown(root: Path, cwd: Path) -> str:
    """The root relative to the working directory when under it, so reports are the same on
    every checkout; absolute otherwise."""
    try:
        return root.relative_to(cwd.resolve()).as_posix() or "."
    except ValueError:
        return root.as_posix()


def check_format(output_format: str) -> None:
    """Fail before any work when the format is unknown."""
    if output_format != "text" and output_format not in FORMATS:
        known = ", ".join(["text", *sorted(FORMATS)])
        raise CliError(
            code="unknown-format",
            message=f"Unknown format '{output_format}'.",
            hint=f"Choose one of: {known}.",
        )


def check_config_warnings(analysis: Analysis, *, strict: bool) -> None:
    """With `strict`, a configuration warning (a misspelt key) is an error before any output."""
    if strict and analysis.warnings:
        more = len(analysis.warnings) - 1
        raise CliError(
            code="config-warning",
            message=analysis.warnings[0][:1].upper()
            + analysis.warnings[0][1:]
            + (f" ({more} more)" if more else ""),
            hint="Fix pyproject.toml, or run without --strict-config.",
        )


def write_report(analysis: Analysis, output_format: str, *, verbose: bool = False) -> None:
    check_format(output_format)
    if output_format == "text":
        from rich.console import Console

        from reports.terminal import render_terminal

        console = Console(highlight=False, soft_wrap=True)
        if not console.is_terminal and "COLUMNS" not in os.environ:
            console = Console(highlight=False, soft_wrap=True, width=_LOG_WIDTH)
        render_terminal(analysis, console, verbose=verbose)
        return
    sys.stdout.write(renderer(output_format)(analysis))
