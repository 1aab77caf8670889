"""The plan's `[target]`: every gate setting a target's configuration has (line limit and
per-module allowances, cycles per kind, `dynamic` included, ignored imports) reads, writes
back byte-identical, and each mistake is named with a code and a hint."""

from __future__ import annotations

import pytest

from codemods.plans import PlanError, PlanTarget, dump_plan, parse_plan
from codemods.plans.model import IgnoredImport

FULL = """[target]
name = "orchestration"
package = "app.orchestration"
root = "src"
max_module_lines = 20

[target.max_cycles]
dynamic = 0
import-time = 0

[target.allow_module_lines]
"app.orchestration.bot" = 30

[[target.ignore]]
import = "app.orchestration.symbols -> app.orchestration.configuration"
reason = "goes with the split"
"""


def test_every_gate_setting_reads_and_writes_back_the_same() -> None:
    plan = parse_plan(FULL)
    assert plan.target == PlanTarget(
        "orchestration",
        "app.orchestration",
        "src",
        max_module_lines=20,
        max_cycles=(("dynamic", 0), ("import-time", 0)),
        allow_module_lines=(("app.orchestration.bot", 30),),
        ignores=(
            IgnoredImport(
                "app.orchestration.symbols",
                "app.orchestration.configuration",
                "goes with the split",
            ),
        ),
    )
    assert dump_plan(plan) == FULL
    assert parse_plan(dump_plan(plan)) == plan


def test_a_target_without_allowances_or_ignores_writes_neither() -> None:
    text = dump_plan(parse_plan('[target]\npackage = "app"\n'))
    assert "allow_module_lines" not in text
    assert "ignore" not in text


BAD = [
    (("dynamic = 0", "dynamik = 0"), "unknown-key", "Did you mean 'dynamic'?"),
    (('"app.orchestration.bot" = 30', '"app.orchestration.bot" = "30"'), "bad-plan", "30"),
    (("max_module_lines = 20", "max_module_lines = -1"), "bad-plan", ">= 0"),
    (('reason = "goes with the split"\n', ""), "bad-plan", "reason"),
    (('reason = "goes', 'reasn = "x"\nreason = "goes'), "unknown-key", "'reason'"),
    (("[target.allow_module_lines]", "[target.allow_module_line]"), "unknown-key", "allow_"),
]


@pytest.mark.parametrize(("edit", "code", "said"), BAD)
def test_mistakes_in_the_gates_are_named(edit: tuple[str, str], code: str, said: str) -> None:
    old, new = edit
    assert old in FULL
    with pytest.raises(PlanError) as raised:
        parse_plan(FULL.replace(old, new, 1))
    assert raised.value.code == code
    assert said in raised.value.hint + raised.value.message
