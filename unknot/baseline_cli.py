"""`unknot analyze --baseline/--update-baseline`: the ratchet, wired to files and the console.

The baseline file is `--baseline FILE`, else `baseline = "..."` in the target's configuration,
else `.unknot/baseline-TARGET.json` beside pyproject.toml, used only when it exists. Notes on
what can be tightened go to stderr, so stdout keeps the report in the chosen format.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from analyzer import baseline as baselines
from analyzer.config import find_pyproject, load_target
from analyzer.model import Analysis
from unknot.errors import print_error
from unknot.output import write_text
from unknot.wiring import write_report

if TYPE_CHECKING:
    from analyzer.ratchet import Comparison

__all__ = ["apply_baseline", "write_with_baseline"]


def _path(analysis: Analysis, explicit: Path | None, cwd: Path) -> tuple[Path, bool]:
    if explicit is not None:
        return explicit, True
    pyproject = find_pyproject(cwd)
    base = pyproject.parent if pyproject else cwd
    configured = load_target(analysis.target, cwd=cwd).raw.get("baseline")
    if isinstance(configured, str):
        return base / configured, True
    return baselines.default_path(analysis.target, base), False


def apply_baseline(
    analysis: Analysis, *, path: Path | None, update: bool, cwd: Path
) -> tuple[Analysis, dict[str, int] | None]:
    """The analysis judged by its baseline, and the baseline's figures (None without one).

    With `update`, write the baseline from this analysis instead (after saying what changed).
    """
    where, required = _path(analysis, path, cwd)
    if not (update or required or where.is_file()):
        return analysis, None
    from analyzer import ratchet

    recorded = None
    if where.is_file() or (required and not update):
        recorded = _load(where, target=analysis.target, update=update)
    figures = dict(recorded.figures) if recorded else None
    if update:
        if recorded is not None:
            _notes(ratchet.compare(recorded, analysis), accepted=True)
        written = baselines.from_analysis(analysis)
        where.parent.mkdir(parents=True, exist_ok=True)
        write_text(baselines.dumps(written), where)
        _say(f"Baseline written to {where}.")
        return ratchet.apply(analysis, ratchet.compare(written, analysis)), figures
    if recorded is None:
        return analysis, None
    comparison = ratchet.compare(recorded, analysis)
    _notes(comparison, accepted=False)
    return ratchet.apply(analysis, comparison), figures


def _load(where: Path, *, target: str, update: bool) -> baselines.Baseline | None:
    """The recorded baseline; with `update`, one that cannot be read is replaced, not an error
    (`--update-baseline` is what the error's hint asks for)."""
    try:
        return baselines.load(where, target=target)
    except baselines.BaselineError as error:
        if not update:
            raise
        _say(f"baseline: replacing {where}: {error.message}")
        return None


def _notes(comparison: Comparison, *, accepted: bool) -> None:
    for change in comparison.regressions:
        verb = "accepted" if accepted else "worse"
        _say(f"baseline: {verb}: {change.message}")
    for change in (*comparison.tightenable, *comparison.stale):
        _say(f"baseline: can tighten: {change.message}")
    if comparison.improved and comparison.passed and not accepted:
        _say("baseline: better than recorded; run with --update-baseline to tighten it.")


def _say(text: str) -> None:
    from rich.markup import escape

    print_error(escape(text))


def write_with_baseline(
    analysis: Analysis, output_format: str, figures: dict[str, int] | None, *, verbose: bool
) -> None:
    """Write the report; Markdown gets the seed's Baseline block when there is a baseline."""
    if figures is not None and output_format == "markdown":
        from reports import markdown  # loaded for this format only (~4 ms of every run)

        sys.stdout.write(markdown.render(analysis, baseline=figures))
        return
    write_report(analysis, output_format, verbose=verbose)
