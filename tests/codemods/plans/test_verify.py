"""A step's checks: its expectations, then the target's gates as the analyzer judged them
before and after the step: a gate may not start failing, and a failing one may not get worse;
a gate whose figure rises within its limit passes, as `unknot analyze` passes it."""

from __future__ import annotations

from codemods.plans import Figures, parse_plan
from codemods.plans.verify import check_figures

STEP = parse_plan(
    '[target]\npackage = "app"\n[[steps]]\nop = "remove-shim"\nmodule = "app.old"\n'
    "[steps.expect]\nmodules = 3\n"
).steps[0]


def _figures(cycles: int, over: int, *failed: str) -> Figures:
    values = {"modules": 3, "cycles.import-time": cycles, "modules_over_limit": over}
    return Figures(values, failed)


def _gates(before: Figures, after: Figures) -> tuple[bool, str]:
    check = check_figures(STEP, before, after)[-1]
    return check.passed, check.detail


def test_a_gate_that_starts_failing_fails_the_step() -> None:
    passed, detail = _gates(_figures(0, 0), _figures(0, 1, "max-module-lines"))
    assert not passed
    assert detail == "modules_over_limit 0 -> 1 (max-module-lines fails now)"


def test_a_failing_gate_may_not_get_worse_but_may_stay() -> None:
    before = _figures(2, 0, "max-cycles.import-time")
    assert _gates(before, _figures(2, 0, "max-cycles.import-time")) == (True, "")
    assert _gates(before, _figures(1, 0, "max-cycles.import-time")) == (True, "")
    passed, detail = _gates(before, _figures(3, 0, "max-cycles.import-time"))
    assert not passed
    assert detail == "cycles.import-time 2 -> 3 (max-cycles.import-time worse)"


def test_a_figure_that_rises_within_its_gate_passes_as_analyze_passes_it() -> None:
    """`max_cycles = { import-time = 2 }`: one cycle more, still within the limit."""
    assert _gates(_figures(0, 0), _figures(1, 0)) == (True, "")


def test_expectations_come_first() -> None:
    checks = check_figures(STEP, _figures(0, 0), _figures(0, 0))
    assert [(c.name, c.passed) for c in checks] == [
        ("expected figures", True),
        ("gates (none failing anew or worse)", True),
    ]


def test_a_step_that_does_better_than_expected_passes_and_modules_must_match() -> None:
    step = parse_plan(
        '[target]\npackage = "app"\n[[steps]]\nop = "remove-shim"\nmodule = "app.old"\n'
        '[steps.expect]\nmodules = 3\n"cycles.import-time" = 1\nmodules_over_limit = 2\n'
    ).steps[0]
    better = check_figures(step, _figures(2, 3), _figures(0, 1))[0]
    assert better.passed
    worse = check_figures(step, _figures(2, 3), _figures(2, 3))[0]
    assert not worse.passed
    assert worse.detail == (
        "cycles.import-time = 2, expected at most 1; modules_over_limit = 3, expected at most 2"
    )
    other = Figures({"modules": 4, "cycles.import-time": 0, "modules_over_limit": 0})
    assert check_figures(step, _figures(2, 3), other)[0].detail == "modules = 4, expected 3"
