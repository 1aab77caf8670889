"""The headline figures of an analysis, named and labelled once for every report.

The labels follow the seed tracker ("Modules", "Lines", "Circular Dependencies",
"Modules >300 lines"), so a generated report reads like the one our users wrote by hand.
"""

from __future__ import annotations

from analyzer.model import Analysis, Summary

__all__ = ["FIGURES", "figure_values", "label", "short_name"]

# (key in Summary, label); `modules_over_limit` gets the limit in its label.
FIGURES: tuple[tuple[str, str], ...] = (
    ("modules", "Modules"),
    ("lines", "Lines"),
    ("circular_dependencies", "Circular Dependencies (imports to cut to pass the gate)"),
    ("statements_to_cut", "Import statements to cut to pass the gate"),
    ("all_kinds_circular_dependencies", "Circular Dependencies, all kinds (imports to cut)"),
    ("all_kinds_statements_to_cut", "Import statements to cut, all kinds"),
    ("cycles", "Cycles"),
    ("mutual_pairs", "Mutual imports"),
    ("modules_over_limit", "Modules >{limit} lines"),
    ("package_circular_dependencies", "Package-level circular dependencies (all kinds)"),
)


def figure_values(summary: Summary) -> dict[str, int]:
    """Each headline figure of `summary` by key, in `FIGURES` order."""
    return {key: int(getattr(summary, key)) for key, _ in FIGURES}


def label(key: str, *, limit: int) -> str:
    """The human label of the figure `key` (`limit` fills "Modules >300 lines")."""
    return dict(FIGURES).get(key, key).format(limit=limit)


def short_name(analysis: Analysis, module: str) -> str:
    """`module` relative to the analysed package, as the seed names modules (`perps_bot`)."""
    prefix = analysis.package + "."
    return module[len(prefix) :] if module.startswith(prefix) else module
