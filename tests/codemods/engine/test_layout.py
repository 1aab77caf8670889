"""Finding a repository's modules on disk: roots, layouts, and what is never scanned."""

from __future__ import annotations

from pathlib import Path

from codemods.engine.layout import Layout, find_repository_root, python_files
from tests.codemods.repos import make_repo


def test_src_layout_pyproject_roots_and_the_root_itself(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path,
        {
            "pyproject.toml": '[tool.setuptools.packages.find]\nwhere = ["lib"]\n',
            "src/app/__init__.py": "",
            "lib/tools/x.py": "",
            "tests/test_x.py": "",
        },
        use_git=False,
    )
    layout = Layout.detect(root)
    assert set(layout.import_roots) == {root / "src", root / "lib", root}
    assert layout.module_of(root / "src/app/__init__.py") == ("app", "app")
    assert layout.module_of(root / "lib/tools/x.py") == ("tools.x", "tools")
    assert layout.module_of(root / "tests/test_x.py") == ("tests.test_x", "tests")
    located = layout.locate("tools.x")
    assert located is not None
    assert located.path == root / "lib/tools/x.py"


def test_environments_caches_and_top_level_build_output_are_skipped(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path,
        {
            "src/app/build/__init__.py": "",  # a package named like build output
            "build/lib/app/copy.py": "",
            "env/pyvenv.cfg": "",
            "env/lib/site.py": "",
            ".venv/x.py": "",
            "app/__pycache__/x.py": "",
        },
        use_git=False,
    )
    assert [p.relative_to(root).as_posix() for p in python_files(root)] == [
        "src/app/build/__init__.py"
    ]


def test_root_is_the_git_work_tree_else_the_nearest_pyproject(tmp_path: Path) -> None:
    plain = make_repo(tmp_path / "plain", {"pyproject.toml": "", "pkg/sub/x.py": ""}, use_git=False)
    assert find_repository_root(plain / "pkg" / "sub") == plain.resolve()
    repo = make_repo(tmp_path / "repo", {"a/pyproject.toml": "", "a/b/x.py": ""})
    assert find_repository_root(repo / "a" / "b") == repo.resolve()
