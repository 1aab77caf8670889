"""The move use case on sample repositories: forms, layouts, bad input, shims, no-ops."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest

from codemods import MoveRequest, move_module
from codemods.engine.errors import (
    CodemodError,
    DirtyTree,
    FilesUnreadable,
    ModuleNotFound,
    OutsideRoots,
    ReadOnlyFiles,
    TargetExists,
    TargetInsideSource,
)
from tests.codemods.repos import git, make_repo, snapshot

OLD, NEW = "shop.core.pricing", "shop.billing.rates"
# Forms whose way back is right but spelled differently (see README, "Moving back").
RESPELLED_ON_THE_WAY_BACK = {
    "src/shop/importers/f03_import_parent_then_chain.py",  # keeps the import it gained
    "src/shop/importers/f09_split.py",  # the split import is not merged again
    "src/shop/importers/f19_from_grandparent_chain.py",
    "src/shop/importers/f21_import_submodule_of_parent_as.py",
    "src/shop/core/__init__.py",  # the dropped `__all__` entry is not added back
    "src/shop/orders.py",  # its imports, sorted after the move, stay sorted on the way back
}


def own_tests(root: Path) -> subprocess.CompletedProcess[str]:
    """Run the sample repository's own tests in a fresh interpreter."""
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/check_forms.py",
            "tests/unit",
        ],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_dry_run_writes_nothing_and_reports_every_form(asset_repo: Callable[[str], Path]) -> None:
    root = asset_repo("codemods_forms")
    before = snapshot(root)
    outcome = move_module(MoveRequest(root, OLD, NEW))
    assert snapshot(root) == before
    summary = outcome.summary.as_dict()
    importers = sorted(p.name for p in (root / "src/shop/importers").glob("f*.py"))
    changed = [name for name in importers if f"a/src/shop/importers/{name}" in outcome.diff]
    assert len(importers) >= 20
    assert changed == [n for n in importers if n != "f24_untouched.py"]
    assert summary["files_moved"] == [["src/shop/core/pricing.py", "src/shop/billing/rates.py"]]
    assert summary["tests_moved"] == [
        ["tests/unit/shop/core/test_pricing.py", "tests/unit/shop/billing/test_rates.py"]
    ]
    assert summary["files_created"] == ["src/shop/billing/__init__.py"]
    assert [r[0] for r in summary["strings_for_review"]] == [  # type: ignore[index]
        "src/shop/importers/f18_config_strings.py",
    ]
    assert summary["strings_rewritten"] == 11  # 10 dotted strings, 1 `__all__` entry


def test_apply_then_own_tests_pass_then_no_op_then_move_back(
    asset_repo: Callable[[str], Path],
) -> None:
    root = asset_repo("codemods_forms")
    assert own_tests(root).returncode == 0
    original = snapshot(root)
    move_module(MoveRequest(root, OLD, NEW), apply=True)
    result = own_tests(root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (root / "src/shop/core/pricing.py").exists()
    assert (root / "tests/unit/shop/billing/test_rates.py").is_file()
    assert "RM src/shop/core/pricing.py -> src/shop/billing/rates.py" in git(
        root, "status", "--short"
    )
    again = move_module(MoveRequest(root, OLD, NEW), apply=True)
    assert again.summary.message == f"Nothing to do: '{OLD}' is already at '{NEW}'."
    assert again.diff == ""
    move_module(MoveRequest(root, NEW, OLD), apply=True, allow_dirty=True)
    back = snapshot(root)
    differing = {p for p in original if back.get(p) != original[p]}
    assert differing == RESPELLED_ON_THE_WAY_BACK
    assert set(back) - set(original) == {"src/shop/billing/__init__.py"}
    assert own_tests(root).returncode == 0


def test_src_layout_and_several_import_roots(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path,
        {
            "src/app/__init__.py": "",
            "src/app/util.py": "def f():\n    return 1\n",
            "libs/tools/__init__.py": "",
            "libs/tools/use.py": "from app.util import f\n",
            "tests/test_use.py": "import app.util\n",
        },
    )
    roots = (root / "src", root / "libs")
    move_module(MoveRequest(root, "app.util", "tools.util", roots), apply=True)
    assert (root / "libs/tools/util.py").is_file()
    assert (root / "libs/tools/use.py").read_text() == "from tools.util import f\n"
    assert (root / "tests/test_use.py").read_text() == "import tools.util\n"


@pytest.mark.parametrize("name", ["codemods", "analyzer", "json"])
def test_modules_come_from_the_repository_never_from_sys_path(tmp_path: Path, name: str) -> None:
    # `codemods` and `analyzer` are imported in this very process; `json` is in the stdlib.
    root = make_repo(
        tmp_path,
        {
            f"src/{name}/__init__.py": "",
            f"src/{name}/util.py": "X = 1\n",
            f"src/{name}/user.py": f"from {name}.util import X\n",
        },
    )
    move_module(MoveRequest(root, f"{name}.util", f"{name}.tools.util"), apply=True)
    assert (root / f"src/{name}/tools/util.py").read_text() == "X = 1\n"
    assert (root / f"src/{name}/user.py").read_text() == f"from {name}.tools.util import X\n"
    assert Path(__import__(name).__file__ or "").resolve().parent != root / "src" / name


def test_moving_a_package_with_data_files_and_its_test_package(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path,
        {
            "src/app/__init__.py": "",
            "src/app/core/__init__.py": "",
            "src/app/core/feeds/__init__.py": "from .parse import parse\n",
            "src/app/core/feeds/parse.py": (
                "from ..money import M\nfrom . import data\n\ndef parse():\n    return M\n"
            ),
            "src/app/core/feeds/data.py": "",
            "src/app/core/feeds/schema.json": "{}\n",
            "src/app/core/money.py": "M = 1\n",
            "tests/unit/app/core/feeds/test_parse.py": "from app.core.feeds.parse import parse\n",
        },
    )
    move_module(MoveRequest(root, "app.core.feeds", "app.io.feeds"), apply=True)
    assert not (root / "src/app/core/feeds").exists()
    assert (root / "src/app/io/feeds/schema.json").read_text() == "{}\n"
    assert (root / "src/app/io/__init__.py").read_text() == ""
    assert (
        (root / "src/app/io/feeds/parse.py")
        .read_text()
        .startswith("from ...core.money import M\nfrom . import data\n")
    )
    moved_test = root / "tests/unit/app/io/feeds/test_parse.py"
    assert moved_test.read_text() == "from app.io.feeds.parse import parse\n"


def test_shim_reexports_used_names_and_warns(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path,
        {
            "src/app/__init__.py": "",
            "src/app/old.py": "__all__ = ['api', 'spare']\n\ndef api():\n    return 1\n\n"
            "def spare():\n    return 3\n\n_hidden = 2\n",
            "src/app/user.py": "from app.old import api, _hidden\n",
        },
    )
    move_module(MoveRequest(root, "app.old", "app.new", shim=True), apply=True)
    shim = (root / "src/app/old.py").read_text()
    # Public names (even unused ones) and the private names importers use.
    assert "from app.new import (\n    _hidden,\n    api,\n    spare,\n)" in shim
    assert '__all__ = [\n    "api",\n    "spare",\n]' in shim
    code = "import app.old as o; assert o.api() == 1 and o._hidden == 2"
    result = subprocess.run(
        [sys.executable, "-W", "error::DeprecationWarning", "-c", code],
        env={**os.environ, "PYTHONPATH": str(root / "src")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "DeprecationWarning: app.old moved to app.new" in result.stderr
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ok = subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONPATH": str(root / "src")},
            check=False,
        )
    assert ok.returncode == 0


def test_include_text_rewrites_pyproject_entry_points(tmp_path: Path) -> None:
    files = {
        "src/app/__init__.py": "",
        "src/app/cli.py": "def main():\n    pass\n",
        "pyproject.toml": '[project.scripts]\napp = "app.cli:main"\n',
    }
    root = make_repo(tmp_path / "listed", files)
    listed = move_module(MoveRequest(root, "app.cli", "app.entry.cli"), apply=True)
    assert listed.summary.text_mentions == (("pyproject.toml", 2, 'app = "app.cli:main"'),)
    assert 'app = "app.cli:main"' in (root / "pyproject.toml").read_text()
    root = make_repo(tmp_path / "rewritten", files)
    request = MoveRequest(root, "app.cli", "app.entry.cli", include_text=True)
    move_module(request, apply=True)
    assert 'app = "app.entry.cli:main"' in (root / "pyproject.toml").read_text()


BASIC = {
    "src/app/__init__.py": "",
    "src/app/core/__init__.py": "",
    "src/app/core/pricing.py": "X = 1\n",
    "src/app/user.py": "from app.core.pricing import X\n",
}


def _refused(
    root: Path, request: MoveRequest, error: type[CodemodError], **kw: bool
) -> CodemodError:
    before = snapshot(root)
    with pytest.raises(error) as caught:
        move_module(request, apply=True, **kw)
    assert snapshot(root) == before, "nothing may be written"
    assert caught.value.code
    assert caught.value.message
    assert caught.value.hint
    return caught.value


def test_old_not_found_suggests_close_names(tmp_path: Path) -> None:
    root = make_repo(tmp_path, BASIC)
    error = _refused(root, MoveRequest(root, "app.core.prcing", "app.x"), ModuleNotFound)
    assert error.code == "module-not-found"
    assert "app.core.pricing" in error.hint


def test_new_exists_and_new_inside_old(tmp_path: Path) -> None:
    root = make_repo(tmp_path, BASIC)
    _refused(root, MoveRequest(root, "app.core.pricing", "app.user"), TargetExists)
    _refused(root, MoveRequest(root, "app.core", "app.core.inner"), TargetInsideSource)
    error = _refused(root, MoveRequest(root, "app.core.pricing", "app.user.pricing"), TargetExists)
    assert error.code == "parent-is-module"


def test_syntax_error_in_a_file_that_needs_rewriting(tmp_path: Path) -> None:
    root = make_repo(tmp_path, {**BASIC, "src/app/broken.py": "import app.core.pricing\ndef (:\n"})
    error = _refused(root, MoveRequest(root, "app.core.pricing", "app.x"), FilesUnreadable)
    assert error.code == "syntax-error"
    assert "src/app/broken.py:2" in error.message


def test_syntax_error_elsewhere_does_not_matter(tmp_path: Path) -> None:
    root = make_repo(tmp_path, {**BASIC, "src/app/broken.py": "def (:\n"})
    move_module(MoveRequest(root, "app.core.pricing", "app.x"), apply=True)
    assert (root / "src/app/user.py").read_text() == "from app.x import X\n"


def test_non_utf8_file(tmp_path: Path) -> None:
    root = make_repo(tmp_path, BASIC)
    (root / "src/app/latin.py").write_bytes(b"import app.core.pricing\nS = '\xe9'\n")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "latin")
    error = _refused(root, MoveRequest(root, "app.core.pricing", "app.x"), FilesUnreadable)
    assert error.code == "not-utf8"
    assert "src/app/latin.py" in error.message


def test_read_only_file(tmp_path: Path) -> None:
    root = make_repo(tmp_path, BASIC)
    user = root / "src/app/user.py"
    user.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        error = _refused(root, MoveRequest(root, "app.core.pricing", "app.x"), ReadOnlyFiles)
    finally:
        user.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert "src/app/user.py" in error.message


def test_dirty_tree_is_refused_unless_allowed(tmp_path: Path) -> None:
    root = make_repo(tmp_path, BASIC)
    (root / "src/app/user.py").write_text("from app.core.pricing import X  # edited\n")
    error = _refused(root, MoveRequest(root, "app.core.pricing", "app.x"), DirtyTree)
    assert "src/app/user.py" in error.message
    assert "--allow-dirty" in error.hint
    move_module(MoveRequest(root, "app.core.pricing", "app.x"), apply=True, allow_dirty=True)
    assert (root / "src/app/user.py").read_text() == "from app.x import X  # edited\n"


def test_import_root_outside_the_repository(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo", BASIC)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    request = MoveRequest(root, "app.core.pricing", "app.x", (outside,))
    _refused(root, request, OutsideRoots)


def test_without_git_the_move_still_applies(tmp_path: Path) -> None:
    root = make_repo(tmp_path, BASIC, use_git=False)
    move_module(MoveRequest(root, "app.core.pricing", "app.x"), apply=True)
    assert (root / "src/app/x.py").read_text() == "X = 1\n"
    assert not (root / ".unknot_cache").exists()


def test_new_packages_follow_the_parent_packages_all_convention(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path,
        {
            "src/app/__init__.py": '__all__ = ["core"]\n',
            "src/app/core.py": "X = 1\n",
        },
    )
    move_module(MoveRequest(root, "app.core", "app.features.config.core"), apply=True)
    assert (root / "src/app/features/__init__.py").read_text() == "__all__: list[str] = []\n"
    assert (root / "src/app/features/config/__init__.py").read_text() == (
        "__all__: list[str] = []\n"
    )
