"""The plan's TOML: read with each mistake named (and the nearest valid word), written stably."""

from __future__ import annotations

from pathlib import Path

import pytest

from codemods.plans import PlanError, dump_plan, load_plan, parse_plan

PLAN = """
[target]
name = "orchestration"
package = "app.orchestration"
root = "src"

[[steps]]
op = "move"
old = "app.orchestration.market_monitor"
new = "app.features.market_monitor"
why = "tier 1: imports nothing from the layer"

[steps.expect]
modules = 7
cycles.import-time = 1

[[steps]]
op = "move-symbol"
symbols = ["app.orchestration.configuration:TOP_VOLUME_BASES"]
dest = "app.orchestration.shared.symbol_utils"
tag = "break-configuration-cycle"
message = "Break configuration <-> symbols"

[[steps]]
op = "remove-shim"
module = "app.orchestration.legacy_symbols"
"""


def test_a_plan_reads_into_steps_with_tags_and_expectations() -> None:
    plan = parse_plan(PLAN, source="plan.toml")
    assert plan.target.package == "app.orchestration"
    assert plan.target.root == "src"
    assert plan.target.max_cycles == (("import-time", 0),)
    assert [s.op for s in plan.steps] == ["move", "move-symbol", "remove-shim"]
    first, second, third = plan.steps
    assert first.expect == (("cycles.import-time", 1), ("modules", 7))
    assert first.tag == "migrate/move-market_monitor"
    assert second.tag == "break-configuration-cycle"
    assert second.texts("symbols") == ("app.orchestration.configuration:TOP_VOLUME_BASES",)
    assert third.tag == "migrate/remove-shim-legacy_symbols"
    assert first.title == "move app.orchestration.market_monitor app.features.market_monitor"


def test_written_plans_read_back_the_same_and_write_byte_identical(tmp_path: Path) -> None:
    plan = parse_plan(PLAN, source="plan.toml")
    text = dump_plan(plan, header="A plan.\nEdit freely.")
    assert text.startswith("# A plan.\n# Edit freely.\n\n[target]\n")
    again = parse_plan(text, source="plan.toml")
    assert again == plan
    assert dump_plan(again, header="A plan.\nEdit freely.") == text
    assert text.index("op = ") < text.index("old = ") < text.index("tag = ") < text.index("why")
    assert '"cycles.import-time" = 1' in text
    path = tmp_path / "plan.toml"
    path.write_text(text)
    assert load_plan(path).steps == plan.steps


def test_steps_without_tags_get_unique_default_ones() -> None:
    text = PLAN.replace('tag = "break-configuration-cycle"\n', "")
    text += '\n[[steps]]\nop = "move"\nold = "app.orchestration.market_monitor"\nnew = "x.y"\n'
    tags = [s.tag for s in parse_plan(text).steps]
    assert tags == [
        "migrate/move-market_monitor",
        "migrate/move-symbol-symbol_utils",
        "migrate/remove-shim-legacy_symbols",
        "migrate/move-market_monitor-2",
    ]


BAD = [
    (('op = "move"', 'op = "mvoe"'), "unknown-op", "Did you mean 'move'?"),
    (('old = "app.orchestration.market_monitor"', 'olde = "a.b"'), "unknown-key", "'old'"),
    (('why = "tier 1', 'whyy = "tier 1'), "unknown-key", "Did you mean 'why'?"),
    (('new = "app.features.market_monitor"\n', ""), "missing-argument", 'new = "pkg.features'),
    (("modules = 7", "module = 7"), "unknown-key", "Did you mean 'modules'?"),
    (('package = "app.orchestration"\n', ""), "missing-argument", "package ="),
    (('root = "src"', 'roots = "src"'), "unknown-key", "Did you mean 'root'?"),
    (("modules = 7", "modules = -1"), "bad-plan", "modules = 0"),
    (('dest = "app', 'dest = ["app'), "bad-plan", "dest ="),
    (("[[steps]]", "[[steps]"), "bad-plan", "TOML"),
]


@pytest.mark.parametrize(("edit", "code", "hint"), BAD)
def test_mistakes_are_named_with_a_code_and_a_hint(
    edit: tuple[str, str], code: str, hint: str
) -> None:
    old, new = edit
    assert old in PLAN
    text = PLAN.replace(old, new, 1)
    if code == "bad-plan" and "dest" in old:
        text = text.replace('symbol_utils"', 'symbol_utils"]', 1)
    with pytest.raises(PlanError) as raised:
        parse_plan(text)
    assert raised.value.code == code
    assert hint in raised.value.hint + raised.value.message


def test_a_missing_plan_file_is_plan_not_found(tmp_path: Path) -> None:
    with pytest.raises(PlanError) as raised:
        load_plan(tmp_path / "nope.toml")
    assert raised.value.code == "plan-not-found"
