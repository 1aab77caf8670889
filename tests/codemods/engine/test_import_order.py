"""Import blocks that were sorted are sorted again after a change; others are left alone."""

from __future__ import annotations

from pathlib import Path

import libcst as cst

from codemods.engine.import_order import ImportOrder, keep_sorted, read_import_order


def _resorted(before: str, after: str, order: ImportOrder | None = None) -> str:
    original, updated = cst.parse_module(before), cst.parse_module(after)
    body = keep_sorted(original.body, updated.body, order or ImportOrder())
    return updated.with_changes(body=body).code


def test_a_sorted_block_is_sorted_again_with_its_header_and_comments() -> None:
    before = '"""Doc."""\n\nimport os\nfrom a.b import x\n# about c\nfrom a.c import y\n'
    after = '"""Doc."""\n\nimport os\nfrom a.z import x\n# about c\nfrom a.c import y\n'
    assert _resorted(before, after) == (
        '"""Doc."""\n\nimport os\n# about c\nfrom a.c import y\nfrom a.z import x\n'
    )


def test_blocks_apart_and_unsorted_blocks_are_left_alone() -> None:
    before = "import b\nimport a\n\nimport c\nimport d\n"
    after = "import z\nimport a\n\nimport c\nimport e.d\nimport a.x\n"
    assert _resorted(before, after) == "import z\nimport a\n\nimport a.x\nimport c\nimport e.d\n"


def test_straight_imports_first_unless_sorted_within_sections() -> None:
    before = "import b\nfrom a import x\n"
    after = "import b\nfrom c import x\n"
    assert _resorted(before, after) == after
    forced = ImportOrder(force_sort_within_sections=True)
    before = "from a import x\nimport b\n"
    after = "from c import x\nimport b\n"
    assert _resorted(before, after, forced) == "import b\nfrom c import x\n"


def test_relative_imports_furthest_first_and_case_insensitive_by_default() -> None:
    before = "from .. import a\nfrom . import b\n"
    assert _resorted(before, "from . import a\nfrom .. import b\n") == (
        "from .. import b\nfrom . import a\n"
    )
    assert _resorted("import A\nimport b\n", "import B\nimport a\n") == "import a\nimport B\n"


def test_the_project_configuration_is_read(tmp_path: Path) -> None:
    assert read_import_order(tmp_path) == ImportOrder()
    (tmp_path / "pyproject.toml").write_text(
        "[tool.ruff.lint.isort]\nforce-sort-within-sections = true\ncase-sensitive = true\n"
    )
    assert read_import_order(tmp_path) == ImportOrder(
        force_sort_within_sections=True, case_sensitive=True
    )
    (tmp_path / "pyproject.toml").write_text('[tool.isort]\nprofile = "google"\n')
    assert read_import_order(tmp_path) == ImportOrder(force_sort_within_sections=True)
