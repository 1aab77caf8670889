"""A migration run for people: the seed's table of figures per step, each step's summary, and
the Markdown report in the tracker's shape (baseline, each step, current, target)."""

from __future__ import annotations

from codemods.plans.model import Figures, PlanTarget
from codemods.plans.results import Migration, Status, StepRecord

__all__ = ["render_markdown", "render_steps", "render_table"]

_COLUMNS = (
    ("cycles", "cycles"),
    ("cycles.import-time", "import-time"),
    ("imports_to_cut", "imports to cut"),
    ("modules", "modules"),
    ("lines", "lines"),
    ("modules_over_limit", "over limit"),
)
_MARKS = {
    Status.DONE_BEFORE: "✅",
    Status.APPLIED: "✅",
    Status.PREDICTED: "🔮",
    Status.FAILED: "❌",
    Status.LEFT_OUT: "⏭",
    Status.NOT_RUN: "⏸",
}


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def render_table(migration: Migration) -> str:
    """`| step | operation | cycles | ... |`: the baseline, then the figures after each step."""
    header = ["step", "operation", *(label for _, label in _COLUMNS)]
    lines = [_row(header), _row(["---"] * len(header))]
    lines.append(_row(["0", "baseline", *_cells(migration.baseline)]))
    for record in migration.records:
        after = record.after if record.status is not Status.FAILED else None
        cells = _cells(after) if after is not None else [record.status.value] + [""] * 5
        lines.append(_row([str(record.number), record.step.title, *cells]))
    return "\n".join(lines) + "\n"


def _cells(figures: Figures) -> list[str]:
    return [f"{figures.get(key):,}" for key, _ in _COLUMNS]


def _changes(before: Figures, after: Figures) -> str:
    return ", ".join(
        f"{label} {before.get(key):,} -> {after.get(key):,}" for key, label in _COLUMNS
    )


def render_steps(migration: Migration) -> str:
    """Each step: its operation, why, the codemod's summary, figures before -> after, checks."""
    out: list[str] = []
    for record in migration.records:
        out.append(
            f"step {record.number}/{len(migration.records)} [{record.status.value}] "
            f"{record.step.title}"
        )
        if record.step.why:
            out.append(f"  why: {record.step.why}")
        out += [f"  {line}" for line in record.summary]
        if record.before is not None and record.after is not None:
            out.append(f"  figures: {_changes(record.before, record.after)}")
        out += [
            f"  {'ok' if c.passed else 'FAILED'}: {c.name} {c.detail}".rstrip()
            for c in record.checks
        ]
        if record.error:
            out.append(f"  {record.error}")
    return "\n".join(out) + "\n"


def _block(figures: Figures, target: PlanTarget) -> str:
    kinds = ", ".join(f"{kind} {figures.get('cycles.' + kind)}" for kind, _ in target.max_cycles)
    return "\n".join(
        [
            "```",
            f"Modules: {figures.get('modules'):,}",
            f"Lines: {figures.get('lines'):,}",
            f"Circular Dependencies: {figures.get('imports_to_cut'):,} ({kinds} cycles)",
            f"Modules >{target.max_module_lines} lines: {figures.get('modules_over_limit')}",
            "```",
        ]
    )


def _step_section(record: StepRecord, total: int) -> str:
    lines = [
        f"### Step {record.number}/{total}: `{record.step.title}` {_MARKS[record.status]} "
        f"{record.status.value.upper()}"
    ]
    if record.step.why:
        lines += ["", f"**Why**: {record.step.why}"]
    lines += [
        "",
        f"**Tag**: `{record.step.tag}`"
        + (f" ({record.commit[:12]})" if record.commit and record.status is Status.APPLIED else ""),
    ]
    if record.before is not None and record.after is not None:
        lines += ["", f"**Figures**: {_changes(record.before, record.after)}"]
    if record.checks:
        lines += ["", "**Verification**:"]
        lines += [
            f"- [{'x' if c.passed else ' '}] {c.name}" + (f": {c.detail}" if c.detail else "")
            for c in record.checks
        ]
    if record.error:
        lines += ["", f"**Error**: {record.error}"]
    return "\n".join(lines)


def render_markdown(migration: Migration) -> str:
    """The whole run as a Markdown tracker."""
    target = migration.plan.target
    done = sum(1 for r in migration.records if r.status in (Status.APPLIED, Status.DONE_BEFORE))
    total = len(migration.records)
    failed = migration.failed
    status = (
        f"❌ stopped at step {failed.number}"
        if failed
        else ("✅ complete" if done == total else "in progress")
    )
    parts = [
        f"# Migration of `{target.package}` ({target.name})",
        f"**Plan**: `{migration.plan.source}`\n**Mode**: {migration.mode.value}\n"
        f"**Status**: {status} ({done}/{total} steps done)",
        "## Metrics",
        "### Baseline\n\n" + _block(migration.baseline, target),
        "## Steps",
        *(_step_section(r, total) for r in migration.records),
        "### Current\n\n" + _block(migration.current, target),
        "### Target\n\n" + _target(target),
    ]
    if migration.current.failed_gates:
        parts.append(
            "Gates still failing: " + ", ".join(f"`{g}`" for g in migration.current.failed_gates)
        )
    return "\n\n".join(parts) + "\n"


def _target(target: PlanTarget) -> str:
    cycles = ", ".join(f"{kind} at most {limit}" for kind, limit in target.max_cycles)
    lines = ["```", f"Circular Dependencies: {cycles}"]
    allowed = ", ".join(f"{name} {limit:,}" for name, limit in target.allow_module_lines)
    lines.append(
        f"Modules >{target.max_module_lines} lines: 0"
        + (f" (allowed more: {allowed})" if allowed else "")
    )
    if target.ignores:
        lines.append(f"Imports ignored by the gates: {len(target.ignores)}")
    return "\n".join([*lines, "```"])
