"""A plan is checked before it runs: no step names what an earlier one moved away, nor a module
that neither the repository has nor an earlier step makes."""

from __future__ import annotations

from pathlib import Path

import pytest

from codemods.engine.layout import Layout
from codemods.plans import PlanError, parse_plan
from codemods.plans.checks import check_modules_exist, check_order
from tests.codemods.repos import make_repo

HEAD = '[target]\npackage = "app.orchestration"\n'


def _steps(*steps: str) -> str:
    return HEAD + "".join(f"\n[[steps]]\n{step}\n" for step in steps)


FIRST = 'op = "move"\nold = "app.orchestration.market"\nnew = "a.market"'
MOVE = 'op = "move"\nold = "app.orchestration.symbols"\nnew = "app.shared.symbols"'


@pytest.mark.parametrize(
    ("later", "named"),
    [
        ('op = "remove-shim"\nmodule = "app.orchestration.symbols"', "app.orchestration.symbols"),
        (
            'op = "move-symbol"\nsymbols = ["app.orchestration.symbols:quote_of"]\ndest = "a.b"',
            "app.orchestration.symbols",
        ),
        (
            'op = "typing-import"\nmodule = "app.orchestration.bot"\n'
            'imported = "app.orchestration.symbols"',
            "app.orchestration.symbols",
        ),
        (
            'op = "move"\nold = "app.orchestration.symbols.inner"\nnew = "x.y"',
            "app.orchestration.symbols.inner",
        ),
    ],
)
def test_a_step_naming_a_module_moved_earlier_says_which_step(later: str, named: str) -> None:
    plan = parse_plan(_steps(FIRST, MOVE, later))
    with pytest.raises(PlanError) as raised:
        check_order(plan.steps)
    assert raised.value.code == "moved-away"
    assert raised.value.message.startswith("Step 3 (")
    assert f"names '{named}', which step 2 moved away" in raised.value.message
    assert "'app.shared.symbols'" in raised.value.message


def test_a_symbol_moved_by_an_earlier_step_is_gone_but_its_module_stays() -> None:
    first = 'op = "move-symbol"\nsymbols = ["app.orchestration.symbols:quote_of"]\ndest = "a.b"'
    again = first.replace('dest = "a.b"', 'dest = "a.c"')
    other = 'op = "move-symbol"\nsymbols = ["app.orchestration.symbols:clean"]\ndest = "a.c"'
    check_order(parse_plan(_steps(first, other)).steps)
    with pytest.raises(PlanError) as raised:
        check_order(parse_plan(_steps(first, again)).steps)
    assert "'app.orchestration.symbols:quote_of', which step 1 moved away" in raised.value.message
    assert "'a.b:quote_of'" in raised.value.message


def test_steps_in_a_good_order_pass_and_two_steps_cannot_share_a_tag() -> None:
    back = 'op = "move"\nold = "app.shared.symbols"\nnew = "app.orchestration.symbols"'
    check_order(parse_plan(_steps(MOVE, back)).steps)
    tagged = _steps(MOVE + '\ntag = "t"', back + '\ntag = "t"')
    with pytest.raises(PlanError) as raised:
        check_order(parse_plan(tagged).steps)
    assert raised.value.code == "duplicate-tag"
    assert "Steps 1 and 2" in raised.value.message


def test_a_module_neither_on_disk_nor_made_by_an_earlier_step_is_named(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path,
        {
            "src/app/__init__.py": "",
            "src/app/orchestration/__init__.py": "",
            "src/app/orchestration/symbols.py": "X = 1\n",
        },
        use_git=False,
    )
    layout = Layout.detect(root)
    made = parse_plan(
        _steps(MOVE, 'op = "move"\nold = "app.shared.symbols"\nnew = "app.common.symbols"')
    )
    check_modules_exist(made.steps, layout)
    typo = parse_plan(_steps('op = "remove-shim"\nmodule = "app.orchestration.symbol"'))
    with pytest.raises(PlanError) as raised:
        check_modules_exist(typo.steps, layout)
    assert raised.value.code == "module-not-found"
    assert "Step 1 (remove-shim)" in raised.value.message
    assert raised.value.hint.startswith("Did you mean app.orchestration.symbols,")


def test_a_module_moved_back_may_be_named_again() -> None:
    back = 'op = "move"\nold = "app.shared.symbols"\nnew = "app.orchestration.symbols"'
    shim = 'op = "remove-shim"\nmodule = "app.orchestration.symbols"'
    check_order(parse_plan(_steps(MOVE, back, shim)).steps)
    symbol = 'op = "move-symbol"\nsymbols = ["app.x:f"]\ndest = "app.y"'
    home = 'op = "move-symbol"\nsymbols = ["app.y:f"]\ndest = "app.x"'
    check_order(parse_plan(_steps(symbol, home, symbol)).steps)
