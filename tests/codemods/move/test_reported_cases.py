"""Reported moves as before/after cases on sample packages on disk: each applies, the result
imports, and a second run of the same move changes nothing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from codemods import MoveRequest, Outcome, move_module
from tests.codemods.repos import commit_all, make_repo, snapshot


def move_twice(root: Path, old: str, new: str) -> Outcome:
    """Apply the move, commit, then run it again: the second run must change nothing."""
    first = move_module(MoveRequest(root, old, new), apply=True)
    commit_all(root)
    after = snapshot(root)
    second = move_module(MoveRequest(root, old, new), apply=True)
    assert second.summary.message.startswith("Nothing to do"), second.summary.lines()
    assert snapshot(root) == after
    return first


def imports(root: Path, module: str) -> str:
    """Import `module` in a fresh interpreter from `root`; its stdout (fails on an error)."""
    run = subprocess.run(
        [sys.executable, "-c", f"import {module}"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_a_top_level_module_import_is_not_given_an_alias(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path,
        {
            "mod1.py": "X = 1\n",
            "mod2.py": "import mod1\n\nprint(mod1.__name__)\n",
            "dest/__init__.py": "",
        },
    )
    move_twice(root, "mod1", "dest.mod1")
    assert (root / "mod2.py").read_text() == "import dest.mod1\n\nprint(dest.mod1.__name__)\n"
    assert imports(root, "mod2") == "dest.mod1\n"


def test_a_from_import_takes_the_new_name_and_its_uses_follow(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path,
        {
            "aa/__init__.py": "",
            "aa/aaaa.py": "class Bar:\n    pass\n",
            "b/__init__.py": "",
            "user.py": "from aa import aaaa\n\n\nclass Foo(aaaa.Bar):\n    pass\n",
            "keeps.py": "from aa import aaaa as mine\n\nBAR = mine.Bar\n",
        },
    )
    move_twice(root, "aa.aaaa", "b.c")
    assert (root / "user.py").read_text() == "from b import c\n\n\nclass Foo(c.Bar):\n    pass\n"
    assert (root / "keeps.py").read_text() == "from b import c as mine\n\nBAR = mine.Bar\n"
    imports(root, "user, keeps")


def test_an_added_import_never_shadows_a_local_name(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/sub.py": "X = 1\n",
            "pkg/inner/__init__.py": "",
            "user.py": ("import pkg as _pkg\n\npkg = 'a local value'\n\nprint(_pkg.sub.X, pkg)\n"),
        },
    )
    move_twice(root, "pkg.sub", "pkg.inner.sub")
    assert (root / "user.py").read_text() == (
        "import pkg as _pkg\n"
        "import pkg.inner.sub as _pkg_inner_sub\n\n"
        "pkg = 'a local value'\n\n"
        "print(_pkg_inner_sub.X, pkg)\n"
    )
    assert imports(root, "user") == "1 a local value\n"


def test_an_import_of_old_never_rebinds_a_name_the_module_uses(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/sub.py": "X = 1\n",
            "other/__init__.py": "",
            "user.py": "import pkg.sub\n\nother = 'local'\n\nprint(pkg.sub.X, other)\n",
        },
    )
    move_twice(root, "pkg.sub", "other.sub")
    assert (root / "user.py").read_text() == (
        "import other.sub as _other_sub\n\nother = 'local'\n\nprint(_other_sub.X, other)\n"
    )
    assert imports(root, "user") == "1 local\n"


REPOSITORY = Path(__file__).resolve().parents[3]


def _ruff_isort(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--select", "I", "bot"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )


def test_sorted_import_blocks_stay_sorted_in_this_repositorys_bot(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(REPOSITORY / "bot", root / "bot", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(REPOSITORY / "pyproject.toml", root / "pyproject.toml")
    make_repo(root, {})
    assert _ruff_isort(root).returncode == 0, "sorted before the move"
    old, new = "bot.orchestration.configuration", "bot.orchestration.shared.configuration"
    move_twice(root, old, new)
    checked = _ruff_isort(root)
    assert checked.returncode == 0, checked.stdout


def test_a_stub_moves_with_its_module_and_stubs_are_rewritten(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/validators.py": "from pkg import exceptions\n\n\ndef check(): ...\n",
            "pkg/validators.pyi": "from pkg import exceptions\n\ndef check() -> None: ...\n",
            "pkg/exceptions.py": "class Bad(Exception): ...\n",
            "pkg/exceptions.pyi": "class Bad(Exception): ...\n",
            "pkg/api.pyi": "from pkg.exceptions import Bad\n",
        },
    )
    outcome = move_twice(root, "pkg.exceptions", "pkg.errors.exceptions")
    assert not (root / "pkg/exceptions.pyi").exists()
    assert (root / "pkg/errors/exceptions.pyi").read_text() == "class Bad(Exception): ...\n"
    assert ("pkg/exceptions.pyi", "pkg/errors/exceptions.pyi") in outcome.summary.files_moved
    assert (root / "pkg/validators.pyi").read_text() == (
        "from pkg.errors import exceptions\n\ndef check() -> None: ...\n"
    )
    assert (root / "pkg/api.pyi").read_text() == "from pkg.errors.exceptions import Bad\n"


DOCUMENTED = '''\
"""Checks.

See :func:`pkg.utils.helper` and :class:`~pkg.utils.Cycler`.

>>> from pkg.utils import helper
>>> helper()
1
>>> helper.__module__
'pkg.utils'
>>> print(type(helper))
<class 'function'>
>>> print(Cycler)
<class 'pkg.utils.Cycler'>

pkg.utils is where the helpers used to live.
"""

from pkg.utils import Cycler, helper
'''


def test_code_in_docstrings_is_rewritten_and_prose_is_listed(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/utils.py": "class Cycler: ...\n\n\ndef helper() -> int:\n    return 1\n",
            "pkg/checks.py": DOCUMENTED,
        },
    )
    outcome = move_twice(root, "pkg.utils", "pkg.shared.utils")
    text = (root / "pkg/checks.py").read_text()
    assert ":func:`pkg.shared.utils.helper` and :class:`~pkg.shared.utils.Cycler`" in text
    assert ">>> from pkg.shared.utils import helper\n" in text
    assert "<class 'pkg.shared.utils.Cycler'>" in text
    assert "\npkg.utils is where the helpers used to live.\n" in text, "prose is not rewritten"
    assert [line for path, line, _ in outcome.summary.strings_for_review] == [1]
    doctests = subprocess.run(
        [sys.executable, "-m", "doctest", "pkg/checks.py"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert doctests.returncode == 0, doctests.stdout
