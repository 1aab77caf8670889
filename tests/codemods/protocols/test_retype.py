"""Before/after cases of the re-typing codemod; each runs twice, the second changes nothing.

The class is `pkg.app.bot:Bot` (re-exported by `pkg.app`), the protocol `pkg.core.api:IBot`,
the file `pkg.app.user`.
"""

from __future__ import annotations

import libcst as cst
import pytest
from libcst.codemod import CodemodContext

from codemods.protocols.bindings import ClassRef
from codemods.protocols.retype import NameClash, RetypeCodemod

REF = ClassRef("pkg.app.bot", "Bot", reexports=(("pkg.app", "Bot"),))

CASES = {
    "from_import": (
        "from pkg.app.bot import Bot\n\n\ndef run(bot: Bot) -> None:\n    bot.stop()\n",
        "from pkg.core.api import IBot\n\n\ndef run(bot: IBot) -> None:\n    bot.stop()\n",
    ),
    "aliased_from_import": (
        "from pkg.app.bot import Bot as B\n\n\ndef run(bot: B) -> B:\n    return bot\n",
        "from pkg.core.api import IBot\n\n\ndef run(bot: IBot) -> IBot:\n    return bot\n",
    ),
    "module_from_package": (
        "from pkg.app import bot\n\n\nclass S:\n    def __init__(self, b: bot.Bot) -> None:\n"
        "        self.b = b\n",
        "from pkg.core.api import IBot\n\n\nclass S:\n    def __init__(self, b: IBot) -> None:\n"
        "        self.b = b\n",
    ),
    "dotted_import": (
        "from __future__ import annotations\n\nimport pkg.app.bot\n\n\n"
        "def run(b: pkg.app.bot.Bot | None) -> None: ...\n",
        "from __future__ import annotations\n\nfrom pkg.core.api import IBot\n\n\n"
        "def run(b: IBot | None) -> None: ...\n",
    ),
    "aliased_module_import": (
        "import pkg.app.bot as pb\n\n\nclass S:\n    bot: pb.Bot\n",
        "from pkg.core.api import IBot\n\n\nclass S:\n    bot: IBot\n",
    ),
    "relative_imports": (
        "from . import bot as m\nfrom .bot import Bot\n\n\ndef f(a: m.Bot, b: Bot) -> None: ...\n",
        "from pkg.core.api import IBot\n\n\ndef f(a: IBot, b: IBot) -> None: ...\n",
    ),
    "optional_and_generic": (
        "from typing import Optional\n\nfrom pkg.app.bot import Bot\n\n\n"
        "def f(a: Optional[Bot], b: list[Bot]) -> dict[str, Bot]: ...\n",
        "from typing import Optional\n\nfrom pkg.core.api import IBot\n\n\n"
        "def f(a: Optional[IBot], b: list[IBot]) -> dict[str, IBot]: ...\n",
    ),
    "string_annotation_under_type_checking": (
        "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n"
        "    from pkg.app.bot import Bot\n\n\n"
        'def f(a: "Bot") -> "list[Bot]": ...\n',
        "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n"
        "    from pkg.core.api import IBot\n\n\n"
        'def f(a: "IBot") -> "list[IBot]": ...\n',
    ),
    "other_name_used_at_run_time_stays": (
        "from pkg.app.bot import Bot, make\n\n\ndef f(a: Bot) -> None:\n    make()\n",
        "from pkg.app.bot import make\nfrom pkg.core.api import IBot\n\n\n"
        "def f(a: IBot) -> None:\n    make()\n",
    ),
    "other_name_used_in_annotations_goes_under_type_checking": (
        "from __future__ import annotations\n\nfrom pkg.app.bot import Bot, State\n\n\n"
        "def f(a: Bot) -> State: ...\n",
        "from __future__ import annotations\n\nfrom typing import TYPE_CHECKING\n\n"
        "from pkg.core.api import IBot\n\nif TYPE_CHECKING:\n"
        "    from pkg.app.bot import State\n\n\ndef f(a: IBot) -> State: ...\n",
    ),
    "annotations_evaluated_at_run_time_keep_the_import": (
        "from pkg.app.bot import Bot, State\n\n\ndef f(a: Bot) -> State: ...\n",
        "from pkg.app.bot import State\nfrom pkg.core.api import IBot\n\n\n"
        "def f(a: IBot) -> State: ...\n",
    ),
    "module_still_used_at_run_time": (
        "from pkg.app import bot\n\n\ndef f(a: bot.Bot) -> int:\n    return bot.LIMIT\n",
        "from pkg.app import bot\nfrom pkg.core.api import IBot\n\n\n"
        "def f(a: IBot) -> int:\n    return bot.LIMIT\n",
    ),
    "comments_and_other_code_kept": (
        "import os  # the os\nfrom pkg.app.bot import Bot  # the bot\n\nX = os.sep\n\n\n"
        "def f(a: Bot) -> None:  # typed\n    pass\n",
        "import os  # the os\nfrom pkg.core.api import IBot\n\nX = os.sep\n\n\n"
        "def f(a: IBot) -> None:  # typed\n    pass\n",
    ),
    "re_exported_by_the_package": (
        "from . import Bot as B\nfrom pkg.app import Bot, helper\n\n\n"
        "def f(a: Bot, b: B) -> None:\n    helper()\n",
        "from pkg.core.api import IBot\nfrom pkg.app import helper\n\n\n"
        "def f(a: IBot, b: IBot) -> None:\n    helper()\n",
    ),
    "protocol_already_imported_by_hand": (
        "from pkg.app.bot import Bot\nfrom pkg.core.api import IBot\n\n\n"
        "def f(a: Bot, b: IBot) -> None: ...\n",
        "from pkg.core.api import IBot\n\n\ndef f(a: IBot, b: IBot) -> None: ...\n",
    ),
    "cast_typevar_bound_and_type_alias": (
        "from typing import TypeAlias, TypeVar, cast\n\nfrom pkg.app.bot import Bot\n\n"
        'T = TypeVar("T", bound=Bot)\nPair: TypeAlias = tuple[Bot, int]\n\n\n'
        'def f(x: object) -> None:\n    cast(Bot, x).stop()\n    cast("Bot", x).stop()\n',
        "from typing import TypeAlias, TypeVar, cast\n\nfrom pkg.core.api import IBot\n\n"
        'T = TypeVar("T", bound=IBot)\nPair: TypeAlias = tuple[IBot, int]\n\n\n'
        'def f(x: object) -> None:\n    cast(IBot, x).stop()\n    cast("IBot", x).stop()\n',
    ),
    "a_value_beside_a_cast_is_not_a_type": (
        "import typing\n\nfrom pkg.app.bot import Bot\n\n\n"
        "def f(x: object) -> Bot:\n    return typing.cast(Bot, x)\n",
        "import typing\n\nfrom pkg.core.api import IBot\n\n\n"
        "def f(x: object) -> IBot:\n    return typing.cast(IBot, x)\n",
    ),
    "unrelated_file_untouched": (
        "from pkg.app.other import Bot\n\n\ndef f(a: Bot) -> None: ...\n",
        "from pkg.app.other import Bot\n\n\ndef f(a: Bot) -> None: ...\n",
    ),
}


def run(source: str) -> str:
    context = CodemodContext(full_module_name="pkg.app.user", full_package_name="pkg.app")
    codemod = RetypeCodemod(context, REF, "pkg.core.api", "IBot")
    return codemod.transform_module(cst.parse_module(source)).code


@pytest.mark.parametrize("name", sorted(CASES))
def test_retype_case(name: str) -> None:
    before, after = CASES[name]
    assert run(before) == after
    assert run(after) == after


def test_counts_what_it_rewrote() -> None:
    context = CodemodContext(full_module_name="pkg.app.user", full_package_name="pkg.app")
    codemod = RetypeCodemod(context, REF, "pkg.core.api", "IBot")
    source = 'from pkg.app.bot import Bot\n\n\ndef f(a: Bot, b: "Bot") -> None: ...\n'
    codemod.transform_module(cst.parse_module(source))
    assert (codemod.imports_rewritten, codemod.strings_rewritten) == (1, 1)


def test_a_file_that_binds_the_name_otherwise_is_refused() -> None:
    with pytest.raises(NameClash):
        run("from pkg.app.bot import Bot\nfrom other import IBot\n\n\ndef f(a: Bot) -> None: ...\n")
