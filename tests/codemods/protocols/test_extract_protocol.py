"""extract-protocol on sample repositories on disk: what it writes, what it refuses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from codemods.engine.errors import CodemodError, DirtyTree, FilesUnreadable, ModuleNotFound
from codemods.protocols import ProtocolRequest, extract_protocol
from tests.codemods.repos import make_repo, snapshot
from tests.fakes.cycle_finder import FakeCycleFinder

TARGET = "perps.orchestration.perps_bot:PerpsBot"
DEST = "perps.orchestration.core.bot_interface"
SERVICES = [
    "execution_coordinator",
    "lifecycle_service",
    "perps_bot_builder",
    "runtime_coordinator",
    "strategy_orchestrator",
    "system_monitor",
]


def request(root: Path, **changes: object) -> ProtocolRequest:
    fields: dict[str, object] = {"target": TARGET, "into": DEST, "name": "IBotRuntime"}
    fields.update(changes)
    return ProtocolRequest(root, **fields)  # type: ignore[arg-type]


def test_every_service_is_typed_against_the_protocol(asset_repo: Callable[[str], Path]) -> None:
    root = asset_repo("protocol_cycle")
    bot_before = (root / "src/perps/orchestration/perps_bot.py").read_text()
    outcome = extract_protocol(request(root, with_test=True), apply=True)
    package = root / "src/perps/orchestration"
    for service in SERVICES:
        text = (package / f"{service}.py").read_text()
        assert "from perps.orchestration.core.bot_interface import IBotRuntime\n" in text
        assert "perps_bot" not in text.replace("perps_bot_builder", ""), service
    assert (package / "perps_bot.py").read_text() == bot_before
    protocol = (package / "core/bot_interface.py").read_text()
    assert "class IBotRuntime(Protocol):\n" in protocol
    assert "`perps.orchestration.perps_bot.PerpsBot`" in protocol
    assert "    @property\n    def is_running(self) -> bool: ...\n" in protocol
    assert "    def stop(self, reason: str = ...) -> None: ...\n" in protocol
    assert "if TYPE_CHECKING:\n    from perps.orchestration.configuration import BotConfig\n" in (
        protocol
    )
    assert (package / "core/__init__.py").read_text() == ""
    assert (root / "tests/test_bot_interface.py").is_file()
    summary = outcome.summary
    assert summary.files_changed == 6
    assert sorted(summary.files_created) == [
        "src/perps/orchestration/core/__init__.py",
        "src/perps/orchestration/core/bot_interface.py",
        "tests/test_bot_interface.py",
    ]
    removed = [n for n in summary.notes if n.startswith("import removed ")]
    assert len(removed) == 6
    assert (
        "import removed src/perps/orchestration/system_monitor.py:5: "
        "import perps.orchestration.perps_bot" in removed
    )


def test_a_second_run_has_nothing_to_do(asset_repo: Callable[[str], Path]) -> None:
    root = asset_repo("protocol_cycle")
    extract_protocol(request(root), apply=True)
    after = snapshot(root)
    again = extract_protocol(request(root), apply=True, allow_dirty=True)
    assert again.summary.message.startswith("Nothing to do: no module in perps.orchestration")
    assert again.diff == ""
    assert snapshot(root) == after


def test_a_dry_run_writes_nothing_and_reports_through_the_port(
    asset_repo: Callable[[str], Path],
) -> None:
    root = asset_repo("protocol_cycle")
    before = snapshot(root)
    created = ("perps.orchestration.core.bot_interface", "perps.orchestration.system_monitor")
    finder = FakeCycleFinder({"perps/orchestration/core/bot_interface.py": (created,)})
    outcome = extract_protocol(request(root), cycle_finder=finder)
    assert snapshot(root) == before
    assert "+class IBotRuntime(Protocol):" in outcome.diff
    assert outcome.summary.new_cycles == (created,)
    assert [package for _, package in finder.calls] == ["perps", "perps"]
    assert any(
        n.startswith("suggested: a test that PerpsBot satisfies") for n in outcome.summary.notes
    )


BAD = {
    "module_not_found": (
        {"target": "perps.orchestration.perps_bots:PerpsBot"},
        "module-not-found",
        "perps.orchestration.perps_bot",
    ),
    "class_not_found": (
        {"target": "perps.orchestration.perps_bot:PerpBot"},
        "class-not-found",
        "Did you mean PerpsBot?",
    ),
    "not_a_class": (
        {"target": "perps.orchestration.strategy_orchestrator:cheapest"},
        "not-a-class",
        "top level",
    ),
    "destination_is_source": (
        {"into": "perps.orchestration.perps_bot"},
        "destination-is-source",
        "--into",
    ),
    "dependents_not_found": (
        {"dependents": ("perps.orchestrashun",)},
        "module-not-found",
        "perps.orchestration",
    ),
    "bad_target": ({"target": "perps.orchestration.perps_bot.PerpsBot"}, "bad-target", "colon"),
    "name_taken": (
        {"into": "perps.orchestration.configuration", "name": "BotConfig"},
        "name-exists",
        "--name",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_is_refused_and_nothing_is_written(
    name: str, asset_repo: Callable[[str], Path]
) -> None:
    root = asset_repo("protocol_cycle")
    before = snapshot(root)
    changes, code, hint = BAD[name]
    with pytest.raises(CodemodError) as caught:
        extract_protocol(request(root, **changes), apply=True)
    assert caught.value.code == code
    assert hint in caught.value.hint
    assert snapshot(root) == before


def _repo(tmp_path: Path, **extra: str) -> Path:
    files = {
        "src/pkg/__init__.py": "",
        "src/pkg/bot.py": "from pkg.user import User\n\n\nclass Bot:\n    LIMIT = 3\n\n"
        "    def stop(self) -> None:\n        pass\n",
        "src/pkg/user.py": "from __future__ import annotations\n\nfrom pkg import bot\n\n\n"
        "class User:\n    def __init__(self, b: bot.Bot) -> None:\n        b.stop()\n",
        **extra,
    }
    return make_repo(tmp_path, files)


def test_a_dependent_that_instantiates_the_class_is_refused_with_its_line(tmp_path: Path) -> None:
    root = _repo(tmp_path, **{"src/pkg/main.py": "from pkg.bot import Bot\n\nBOT = Bot()\n"})
    before = snapshot(root)
    with pytest.raises(CodemodError) as caught:
        extract_protocol(ProtocolRequest(root, "pkg.bot:Bot", "pkg.api"), apply=True)
    assert caught.value.code == "class-instantiated"
    assert "src/pkg/main.py:3: instantiates Bot" in caught.value.message
    assert snapshot(root) == before


def test_a_syntax_error_among_the_dependents_is_refused(tmp_path: Path) -> None:
    root = _repo(tmp_path, **{"src/pkg/broken.py": "from pkg.bot import Bot\ndef f(:\n"})
    with pytest.raises(FilesUnreadable) as caught:
        extract_protocol(ProtocolRequest(root, "pkg.bot:Bot", "pkg.api"), apply=True)
    assert "src/pkg/broken.py:2" in caught.value.message
    assert not (root / "src/pkg/api.py").exists()


def test_a_dirty_tree_is_refused(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    (root / "notes.txt").write_text("draft\n")
    with pytest.raises(DirtyTree):
        extract_protocol(ProtocolRequest(root, "pkg.bot:Bot", "pkg.api"), apply=True)
    assert not (root / "src/pkg/api.py").exists()


def test_dependents_widen_the_search_and_an_existing_module_is_appended_to(
    tmp_path: Path,
) -> None:
    root = _repo(
        tmp_path,
        **{
            "src/other/__init__.py": "",
            "src/other/uses.py": "from pkg.bot import Bot\n\n\ndef f(b: Bot) -> int:\n"
            "    return b.LIMIT\n",
            "src/pkg/api.py": '"""Interfaces."""\n\nVERSION = 1\n',
        },
    )
    outcome = extract_protocol(
        ProtocolRequest(root, "pkg.bot:Bot", "pkg.api", dependents=("other",)), apply=True
    )
    assert (root / "src/other/uses.py").read_text().startswith("from pkg.api import IBot\n")
    api = (root / "src/pkg/api.py").read_text()
    assert api.startswith('"""Interfaces."""\n\nfrom typing import Protocol\n\nVERSION = 1\n')
    assert "class IBot(Protocol):\n" in api
    assert (
        "    @property\n    def LIMIT(self) -> int: ...\n\n    def stop(self) -> None: ...\n" in api
    )
    assert outcome.summary.files_changed == 3


def test_a_member_the_class_does_not_declare_is_refused(tmp_path: Path) -> None:
    root = _repo(
        tmp_path,
        **{
            "src/pkg/late.py": "from pkg.bot import Bot\n\n\ndef f(b: Bot) -> None:\n"
            "    b.missing()\n"
        },
    )
    with pytest.raises(CodemodError) as caught:
        extract_protocol(ProtocolRequest(root, "pkg.bot:Bot", "pkg.api"))
    assert caught.value.code == "member-unknown"
    assert "src/pkg/late.py:5: missing" in caught.value.message


def test_a_module_that_is_not_there_suggests_close_names(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    with pytest.raises(ModuleNotFound) as caught:
        extract_protocol(ProtocolRequest(root, "pkg.bots:Bot", "pkg.api"))
    assert "pkg.bot" in caught.value.hint


def test_inherited_members_are_declared_and_the_test_goes_next_to_the_dependents_tests(
    tmp_path: Path,
) -> None:
    root = _repo(
        tmp_path,
        **{
            "src/pkg/bot.py": "class Base:\n    def ping(self, times: int = 1) -> str:\n"
            '        return "pong"\n\n\nclass Bot(Base):\n    def stop(self) -> None:\n'
            "        pass\n",
            "src/pkg/user.py": "from pkg.bot import Bot\n\n\ndef f(b: Bot) -> str:\n"
            "    b.stop()\n    return b.ping()\n",
            "tests/unit/pkg/test_user.py": "from pkg.user import f\n",
            "tests/test_other.py": "X = 1\n",
        },
    )
    outcome = extract_protocol(ProtocolRequest(root, "pkg.bot:Bot", "pkg.api", with_test=True))
    assert "+    def ping(self, times: int = ...) -> str: ...\n" in outcome.diff
    assert "created tests/unit/pkg/test_api.py" in outcome.summary.lines()
    assert "+def test_bot_satisfies_ibot() -> None:\n" in outcome.diff


def test_a_dependent_that_binds_the_name_otherwise_is_refused(tmp_path: Path) -> None:
    root = _repo(
        tmp_path,
        **{
            "src/pkg/user.py": "from pkg.bot import Bot\nfrom pkg.other import IBot\n\n\n"
            "def f(b: Bot, c: IBot) -> None: ...\n",
            "src/pkg/other.py": "IBot = int\n",
        },
    )
    with pytest.raises(CodemodError) as caught:
        extract_protocol(ProtocolRequest(root, "pkg.bot:Bot", "pkg.api"))
    assert caught.value.code == "name-exists"
    assert "src/pkg/user.py" in caught.value.message


def test_importers_of_a_package_re_export_are_dependents_too(tmp_path: Path) -> None:
    root = _repo(
        tmp_path,
        **{
            "src/pkg/__init__.py": '"""The package."""\n\nfrom pkg.bot import Bot as Runner\n',
            "src/pkg/user.py": "from pkg import Runner\n\n\ndef f(b: Runner) -> None:\n"
            "    b.stop()\n",
        },
    )
    outcome = extract_protocol(ProtocolRequest(root, "pkg.bot:Bot", "pkg.api"), apply=True)
    assert (root / "src/pkg/user.py").read_text() == (
        "from pkg.api import IBot\n\n\ndef f(b: IBot) -> None:\n    b.stop()\n"
    )
    assert "import removed src/pkg/user.py:1: from pkg import Runner" in outcome.summary.notes


def test_attributes_read_only_become_properties_and_written_ones_stay(tmp_path: Path) -> None:
    root = _repo(
        tmp_path,
        **{
            "src/pkg/bot.py": "from dataclasses import dataclass\n\n\n@dataclass\nclass Bot:\n"
            "    name: str\n    count: int = 0\n",
            "src/pkg/user.py": "from pkg.bot import Bot\n\n\ndef f(b: Bot) -> str:\n"
            "    b.count += 1\n    return b.name\n",
        },
    )
    outcome = extract_protocol(ProtocolRequest(root, "pkg.bot:Bot", "pkg.api"))
    assert "+    count: int\n+\n+    @property\n+    def name(self) -> str: ...\n" in outcome.diff


def test_tests_inside_the_package_build_the_class_and_are_left_alone(tmp_path: Path) -> None:
    test = "from pkg.bot import Bot\n\n\ndef test_bot() -> None:\n    Bot().stop()\n"
    root = _repo(tmp_path, **{"src/pkg/tests/test_bot.py": test, "src/pkg/conftest.py": test})
    outcome = extract_protocol(ProtocolRequest(root, "pkg.bot:Bot", "pkg.api"), apply=True)
    assert outcome.summary.files_changed == 1
    assert (root / "src/pkg/tests/test_bot.py").read_text() == test


def test_members_read_through_a_dependents_own_typed_member_are_declared(tmp_path: Path) -> None:
    root = _repo(
        tmp_path,
        **{
            "src/pkg/bot.py": "class Bot:\n    def __init__(self) -> None:\n"
            "        self.limit = 3\n        self.used = 0\n\n"
            "    def stop(self) -> None:\n        pass\n",
            "src/pkg/user.py": "from pkg.bot import Bot\n\n\nclass Runtime:\n"
            "    def __init__(self, bot: Bot) -> None:\n        self._bot = bot\n\n"
            "    @property\n    def config(self) -> Bot:\n        return self._bot\n",
            "src/pkg/reader.py": "from pkg.user import Runtime\n\n\ndef f(r: Runtime) -> int:\n"
            "    r.config.used += 1\n    return r.config.limit + r.config.unknown\n",
        },
    )
    outcome = extract_protocol(ProtocolRequest(root, "pkg.bot:Bot", "pkg.api"))
    assert "+    used: int\n+\n+    @property\n+    def limit(self) -> int: ...\n" in outcome.diff
    assert "def stop" not in outcome.diff
