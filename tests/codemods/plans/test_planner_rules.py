"""What the planner will not propose on real code, each rule on a small repository on disk:
overloads and names bound twice stay together in their module, as does code that reads its
own place (`__file__`, `__name__`) or names an `if` block binds; parts are never named after a
keyword; a tier-1 move to a place that exists, or of code that reads `__file__`, is left out
with a note; an import re-exported in `__all__`, or made inside a module-level `if`/`try`
block, is never deferred; and a second split of a module predicts what the codemods then
measure."""

from __future__ import annotations

from pathlib import Path

from codemods.plans import Mode, parse_plan, predict
from codemods.plans.facts import ModuleFact
from codemods.plans.planner import _unmovable
from codemods.plans.splits import part_name, split_module
from codemods.plans.usage import read_usage
from codemods.plans.virtual import simulate
from tests.codemods.repos import make_repo
from unknot.plan_wiring import AnalyzerFigures
from unknot.virtual_graph import scan_graph


def _body(name: str, lines: int) -> str:
    return f"def {name}(x: int) -> int:\n" + "".join(f"    x += {i}\n" for i in range(lines))


def test_overloads_twice_bound_names_place_readers_and_block_names_stay(tmp_path: Path) -> None:
    source = "\n\n".join(
        [
            "import logging\nimport sys\nfrom typing import overload",
            "if sys.version_info >= (3, 12):\n    T = int\nelse:\n    T = str",
            "LOG = logging.getLogger(__name__)",
            "@overload\ndef command(x: int) -> int: ...",
            "@overload\ndef command(x: str) -> str: ...",
            _body("command", 40),
            "LIMIT = 1",
            "LIMIT = 2",
            _body("typed", 40).replace("-> int", "-> T"),
            _body("logs", 40).replace("x += 0", "LOG.info(x)"),
            _body("free_a", 60),
            _body("free_b", 60),
        ]
    )
    path = tmp_path / "big.py"
    path.write_text(source + "\n")
    moved = {name for part in split_module(path, limit=200) for name in part}
    assert moved  # the free functions go
    assert moved <= {"free_a", "free_b"}


def test_a_part_is_never_named_after_a_keyword(tmp_path: Path) -> None:
    path = tmp_path / "ops.py"
    path.write_text("class And:\n    pass\n")
    assert part_name("pkg.ops", path, ("And",), taken=set()) == "pkg.and_"


def test_a_tier_one_move_is_left_out_where_it_could_not_work(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path / "repo",
        {
            "pkg/__init__.py": "",
            "pkg/layer/__init__.py": "",
            "pkg/layer/paths.py": "from pathlib import Path\nHERE = Path(__file__).parent\n",
            "pkg/layer/plain.py": "X = 1\n",
            "pkg/taken.py": "Y = 2\n",
        },
    )
    layer = root / "pkg" / "layer"

    def fact(leaf: str) -> ModuleFact:
        return ModuleFact(f"pkg.layer.{leaf}", layer / f"{leaf}.py", 2, 1)

    assert "__file__" in _unmovable(fact("paths"), "pkg.paths")
    assert "exists already" in _unmovable(fact("plain"), "pkg.taken")
    assert _unmovable(fact("plain"), "pkg.plain") == ""
    odd = ModuleFact("pkg.layer.0001_initial", layer / "0001_initial.py", 2, 1)
    assert "not one Python can import" in _unmovable(odd, "pkg.initial")


def test_an_import_re_exported_in_all_is_never_deferred(tmp_path: Path) -> None:
    path = tmp_path / "__init__.py"
    path.write_text(
        'from pkg.sites import AdminSite\n\n__all__ = ["AdminSite"]\n\n\n'
        "def make() -> object:\n    return AdminSite()\n"
    )
    usage = read_usage(path, "pkg.sites", importer="pkg", is_package=True)
    assert not usage.annotations_only
    assert usage.functions is None


def test_a_second_split_of_a_module_predicts_what_the_codemods_measure(tmp_path: Path) -> None:
    big = "\n\n".join(
        [
            "class Field:\n    size = 1",
            "class CharField(Field):\n    size = 2",
            "class EmailField(CharField):\n    size = 3",
            "def use() -> int:\n    return EmailField.size",
        ]
    )
    root = make_repo(
        tmp_path / "repo",
        {
            "pyproject.toml": '[project]\nname = "app"\nversion = "0"\n',
            "src/app/__init__.py": "",
            "src/app/forms/__init__.py": "",
            "src/app/forms/fields.py": big + "\n",
            "src/app/forms/user.py": "from app.forms.fields import CharField, use\n\n"
            "VALUE = (CharField, use)\n",
        },
    )
    plan = parse_plan(
        '[target]\nname = "forms"\npackage = "app.forms"\nroot = "src"\n\n'
        '[[steps]]\nop = "move-symbol"\nsymbols = ["app.forms.fields:Field"]\n'
        'dest = "app.forms.field"\n\n'
        '[[steps]]\nop = "move-symbol"\nsymbols = ["app.forms.fields:CharField"]\n'
        'dest = "app.forms.char_field"\n'
    )
    simulated = simulate(plan, scan_graph(root, plan.target))
    measured = predict(plan, root, measure=AnalyzerFigures(), mode=Mode.DRY_RUN)
    assert measured.failed is None, measured.failed
    for guess, fact in zip(simulated.records, measured.records, strict=True):
        assert guess.after is not None
        assert fact.after is not None
        guessed, found = dict(guess.after.values), dict(fact.after.values)
        guessed.pop("lines")
        found.pop("lines")
        assert guessed == found
    assert simulated.current.get("cycles") == 0


def test_an_import_in_a_module_level_block_is_never_deferred(tmp_path: Path) -> None:
    path = tmp_path / "compat.py"
    path.write_text(
        "import sys\n\nif sys.platform == 'win32':\n    from pkg.console import open_console\n\n\n"
        "def run() -> object:\n    return open_console()\n"
    )
    usage = read_usage(path, "pkg.console", importer="pkg.compat", is_package=False)
    assert usage.names is None
    assert not usage.annotations_only
    typed = tmp_path / "typed.py"
    typed.write_text(
        "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from pkg.console import C\n\n\n"
        "def run(x: 'C') -> None:\n    pass\n"
    )
    assert read_usage(typed, "pkg.console", importer="pkg.typed", is_package=False).names == {"C"}
