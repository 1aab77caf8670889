"""How a dependent uses the class: members read on values typed with it, and refusals."""

from __future__ import annotations

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper

from codemods.protocols.bindings import ClassRef, module_bindings
from codemods.protocols.usage import Usage, UsageScan


def scan(source: str) -> Usage:
    tree = cst.parse_module(source)
    ref = ClassRef("pkg.app.bot", "Bot").spelled_in(
        module_bindings(tree, "pkg.app.user", "pkg.app")
    )
    visitor = UsageScan(ref, "pkg.app")
    MetadataWrapper(tree).visit(visitor)
    return visitor.usage()


def test_members_read_through_parameters_attributes_and_locals() -> None:
    usage = scan(
        "from pkg.app import bot as b\n"
        "class S:\n"
        "    def __init__(self, bot: b.Bot) -> None:\n"
        "        self.bot = bot\n"
        "        bot.start()\n"
        "    def health(self) -> bool:\n"
        "        return self.bot.is_running and self.bot.config.live\n"
        "def f(x: 'b.Bot | None') -> None:\n"
        "    y: b.Bot = make()\n"
        "    y.stop(reason='done')\n"
    )
    assert usage.type_uses == 3
    assert [name for name, _ in usage.members] == ["config", "is_running", "start", "stop"]
    assert dict(usage.members)["config"] == 7
    assert usage.refusals == ()


def test_annotated_self_attributes_and_fields_count() -> None:
    usage = scan(
        "from pkg.app.bot import Bot\n"
        "class S:\n"
        "    field: Bot\n"
        "    def __init__(self, other: Bot) -> None:\n"
        "        self.other: Bot = other\n"
        "    def go(self) -> None:\n"
        "        self.field.run()\n"
        "        self.other.marks.clear()\n"
        "        self.unrelated.thing()\n"
    )
    assert [name for name, _ in usage.members] == ["marks", "run"]


REFUSALS = {
    "instantiates": ("x = Bot()\n", "class-instantiated", 2),
    "subclasses": ("class Mine(Bot):\n    pass\n", "class-subclassed", 2),
    "isinstance": (
        "def f(x: object) -> bool:\n    return isinstance(x, (int, Bot))\n",
        "class-isinstance",
        3,
    ),
    "class_attribute": ("LIMIT = Bot.MAX_SYMBOLS\n", "class-attribute", 2),
    "value": ("KINDS = [Bot]\n", "class-as-value", 2),
    "through_a_module": ("import pkg.app.bot\nx = pkg.app.bot.Bot()\n", "class-instantiated", 3),
}


@pytest.mark.parametrize("name", sorted(REFUSALS))
def test_uses_a_protocol_cannot_stand_in_for(name: str) -> None:
    body, code, line = REFUSALS[name]
    usage = scan("from pkg.app.bot import Bot\n" + body)
    assert [(r.code, r.line) for r in usage.refusals] == [(code, line)]


def test_an_unrelated_class_of_the_same_name_is_not_a_reference() -> None:
    usage = scan("from pkg.other import Bot\nx = Bot()\n\n\ndef f(b: Bot) -> None: ...\n")
    assert usage == Usage(0, (), ())


def test_members_assigned_to_are_told_apart() -> None:
    usage = scan(
        "from pkg.app.bot import Bot\n"
        "class S:\n"
        "    def __init__(self, bot: Bot) -> None:\n"
        "        self.bot = bot\n"
        "        self.bot.name = 'x'\n"
        "def f(b: Bot) -> None:\n"
        "    b.count += 1\n"
        "    b.marks['a'] = 1.0\n"
    )
    assert [name for name, _ in usage.members] == ["count", "marks", "name"]
    assert usage.written == ("count", "name")


def test_members_read_through_a_property_typed_with_the_class() -> None:
    usage = scan(
        "from pkg.app.bot import Bot\n"
        "class S:\n"
        "    def __init__(self, bot: Bot) -> None:\n"
        "        self._bot = bot\n"
        "    @property\n"
        "    def bot(self) -> Bot:\n"
        "        return self._bot\n"
        "    def go(self) -> None:\n"
        "        self.bot.stop()\n"
    )
    assert [name for name, _ in usage.members] == ["stop"]


def test_members_read_through_a_local_name_for_a_typed_attribute() -> None:
    usage = scan(
        "from pkg.app.bot import Bot\n"
        "class S:\n"
        "    def __init__(self, bot: Bot) -> None:\n"
        "        self.bot = bot\n"
        "    def go(self) -> int:\n"
        "        bot = self.bot\n"
        "        return bot.limit\n"
    )
    assert [name for name, _ in usage.members] == ["limit"]


def test_casts_typevar_bounds_and_type_aliases_are_type_uses() -> None:
    usage = scan(
        "from typing import TypeAlias, TypeVar, cast\n"
        "from pkg.app.bot import Bot\n"
        'T = TypeVar("T", Bot, int)\n'
        'U = TypeVar("U", bound="Bot")\n'
        "Pair: TypeAlias = tuple[Bot, int]\n"
        "class S:\n"
        "    def __init__(self, raw: object) -> None:\n"
        "        self.bot = cast(Bot, raw)\n"
        "    def go(self, raw: object) -> None:\n"
        "        self.bot.run()\n"
        '        local = cast("Bot", raw)\n'
        "        local.stop()\n"
        "        cast(list[Bot], raw).clear()\n"
    )
    assert usage.refusals == ()
    assert usage.type_uses == 6
    assert [name for name, _ in usage.members] == ["run", "stop"]


def test_the_class_as_a_value_inside_a_cast_call_is_still_refused() -> None:
    usage = scan("from typing import cast\nfrom pkg.app.bot import Bot\nx = cast(object, Bot())\n")
    assert [(r.code, r.line) for r in usage.refusals] == [("class-instantiated", 3)]
