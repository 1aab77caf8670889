"""The analysis as GitHub Actions workflow commands: one annotation per finding.

`::error file=F,line=N,title=T::message` for what fails the run, `::warning ...` for the rest,
then one line per failed gate without a location and a `::notice` with the headline figures.
GitHub shows them on the pull request's changed lines. Byte-stable.
"""

from __future__ import annotations

from analyzer.model import Analysis
from reports.findings import findings

__all__ = ["escape_data", "escape_property", "render"]


def escape_data(text: str) -> str:
    """Escape a workflow command's message, as the Actions runner reads it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value (`file=`, `title=`)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(analysis: Analysis) -> str:
    """The annotations of `analysis`, one workflow command a line."""
    lines = [
        f"::{f.level} file={escape_property(f.file)},line={f.line},"
        f"title={escape_property(f.title)}::{escape_data(f.message)}"
        for f in findings(analysis)
    ]
    for gate in analysis.gates:
        if not gate.passed:
            lines.append(
                f"::error title={escape_property('unknot gate ' + gate.gate)}::"
                + escape_data(f"{gate.message} (limit {gate.limit}, actual {gate.actual})")
            )
    for warning in analysis.warnings:
        lines.append("::warning title=unknot configuration::" + escape_data(warning))
    for ignore in analysis.unused_ignores:
        lines.append(
            "::warning title=unknot unused ignore::"
            + escape_data(
                f"The ignore {ignore.importer} -> {ignore.imported} ({ignore.reason}) "
                "matches no import."
            )
        )
    s = analysis.summary
    lines.append(
        "::notice title="
        + escape_property(f"unknot {analysis.target}")
        + "::"
        + escape_data(
            f"Modules: {s.modules:,}; Lines: {s.lines:,}; "
            f"Circular Dependencies (imports to cut to pass the gate): "
            f"{s.circular_dependencies:,}; all kinds: {s.all_kinds_circular_dependencies:,}; "
            f"Modules >{s.max_module_lines} lines: {s.modules_over_limit:,}"
        )
    )
    return "\n".join(lines) + "\n"
