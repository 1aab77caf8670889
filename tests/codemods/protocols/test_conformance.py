"""The test `--with-test` writes, and where it goes."""

from __future__ import annotations

from pathlib import Path

from codemods.protocols.conformance import conformance_test, directory_for_test
from codemods.protocols.members import Member
from tests.codemods.repos import make_repo


def test_it_goes_where_most_tests_of_the_dependents_are(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path,
        {
            "tests/unit/app/test_user.py": "import pkg.app.user\n",
            "tests/unit/app/test_other.py": "from pkg.app.bot import Bot\n",
            "tests/integration/test_flow.py": "import pkg.app.user\n",
            "tests/unit/app/helpers.py": "import pkg.app.user\n",
        },
        use_git=False,
    )
    files = tuple(sorted(root.rglob("*.py")))
    modules = ["pkg.app.user", "pkg.app.bot"]
    assert directory_for_test(root, files, modules) == root / "tests/unit/app"
    assert directory_for_test(root, (), modules) == root / "tests"


def test_the_test_pins_the_class_to_the_protocol() -> None:
    members = [
        Member("config", "property", "@property\ndef config(self) -> C: ...", frozenset()),
        Member("stop", "method", "def stop(self) -> None: ...", frozenset()),
    ]
    text = conformance_test(
        module="pkg.bot", class_name="PerpsBot", dest="pkg.api", protocol="IBot", members=members
    )
    assert "from pkg.api import IBot\nfrom pkg.bot import PerpsBot\n" in text
    assert "def _as_protocol(value: PerpsBot) -> IBot:\n    return value" in text
    assert "def test_perps_bot_satisfies_ibot() -> None:\n" in text
    assert '    for name in ("stop",):\n' in text
    namespace: dict[str, object] = {}
    exec(compile(text.replace("from pkg", "# from pkg"), "test_api.py", "exec"), namespace)
    assert callable(namespace["test_perps_bot_satisfies_ibot"])
