"""The migration renderers: the seed's table of figures per step, and the Markdown tracker."""

from __future__ import annotations

from codemods.plans import Figures, Migration, Mode, Status, StepRecord, parse_plan
from codemods.plans.verify import Check
from reports.migration import render_markdown, render_steps, render_table

PLAN = parse_plan(
    '[target]\npackage = "app.orchestration"\nroot = "src"\n'
    + "".join(
        f'\n[[steps]]\nop = "remove-shim"\nmodule = "app.orchestration.s{n}"\nwhy = "unused"\n'
        for n in range(len(Status))
    ),
    source="plan.toml",
)


def _figures(cycles: int, modules: int) -> Figures:
    return Figures(
        {
            "cycles": cycles,
            "cycles.import-time": cycles,
            "imports_to_cut": cycles,
            "modules": modules,
            "lines": 10 * modules,
            "modules_over_limit": 0,
        },
        ("max-cycles.import-time",) if cycles else (),
    )


def _migration() -> Migration:
    before, after = _figures(2, 9), _figures(1, 8)
    records = tuple(
        StepRecord(
            number,
            step,
            status,
            before,
            after if status is not Status.NOT_RUN else None,
            ("Applied: remove-shim",),
            (Check("gates (none failing anew or worse)", status is not Status.FAILED, "x"),),
            commit="0123456789abcdef",
            error="error[x]: no" if status in (Status.FAILED, Status.LEFT_OUT) else "",
        )
        for number, (step, status) in enumerate(zip(PLAN.steps, Status, strict=True), start=1)
    )
    return Migration(PLAN, Mode.APPLY, before, records, after)


def test_the_table_has_the_baseline_then_a_row_per_step() -> None:
    rows = render_table(_migration()).splitlines()
    assert rows[0] == (
        "| step | operation | cycles | import-time | imports to cut | modules | lines "
        "| over limit |"
    )
    assert rows[2] == "| 0 | baseline | 2 | 2 | 2 | 9 | 90 | 0 |"
    assert rows[3] == "| 1 | remove-shim app.orchestration.s0 | 1 | 1 | 1 | 8 | 80 | 0 |"
    failed = next(r for r in rows if "s3 |" in r)
    assert failed == "| 4 | remove-shim app.orchestration.s3 | failed |  |  |  |  |  |"
    assert len(rows) == 3 + len(Status)


def test_the_tracker_has_baseline_steps_current_and_target_for_every_status() -> None:
    text = render_markdown(_migration())
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings[:4] == [
        "# Migration of `app.orchestration` (app.orchestration)",
        "## Metrics",
        "### Baseline",
        "## Steps",
    ]
    assert headings[-2:] == ["### Current", "### Target"]
    for status in Status:
        assert f"{status.value.upper()}" in text
    assert "**Status**: ❌ stopped at step 4 (2/6 steps done)" in text
    assert "Circular Dependencies: 2 (import-time 2 cycles)" in text
    assert "- [ ] gates (none failing anew or worse): x" in text
    assert "Gates still failing: `max-cycles.import-time`" in text
    steps = render_steps(_migration())
    assert steps.splitlines()[0] == "step 1/6 [done before] remove-shim app.orchestration.s0"
    assert "  error[x]: no" in steps
