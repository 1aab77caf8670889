"""`unknot codemod move-symbol` end to end: the real CLI in subprocesses on sample repositories.

The seed's Priority 2 (tests/assets/symbols_mutual): a constant and symbol helpers moved into a
shared module break the `configuration <-> symbols` cycle, and the package's own tests and
`mypy --strict` pass after. Bad input is one `error[code]` line with a hint, exit 2, and an
unchanged tree.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.codemods.repos import copy_asset, run_module, run_own_tests, snapshot

pytestmark = pytest.mark.slow

SYMBOLS = (
    "app.orchestration.symbols:derivatives_enabled",
    "app.orchestration.symbols:normalize_symbols",
    "app.orchestration.configuration:TOP_VOLUME_BASES",
)
DEST = "app.orchestration.shared.symbol_utils"


def test_moving_the_shared_names_breaks_the_cycle(tmp_path: Path) -> None:
    root = copy_asset("symbols_mutual", tmp_path)
    before = run_module("unknot", "analyze", "orchestration", cwd=root)
    assert before.returncode == 1, before.stdout
    assert run_own_tests(root).returncode == 0

    result = run_module("unknot", "codemod", "move-symbol", *SYMBOLS, DEST, "--apply", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "imports _clean from app.orchestration.symbols" in result.stdout

    after = run_module("unknot", "analyze", "orchestration", cwd=root)
    assert after.returncode == 0, after.stdout
    assert "0 import-time cycle(s)" in after.stdout
    tests = run_own_tests(root)
    assert tests.returncode == 0, tests.stdout
    mypy = run_module("mypy", "--strict", "src", "tests", cwd=root)
    assert mypy.returncode == 0, mypy.stdout

    again = run_module("unknot", "codemod", "move-symbol", *SYMBOLS, DEST, cwd=root)
    assert again.returncode == 0
    assert again.stdout.startswith("Nothing to do")


BAD_INPUT = [
    (
        ("app.orchestration.symbols:normalise_symbols", DEST),
        "symbol-not-found",
        "normalize_symbols",
    ),
    (("app.orchestration.symbols:quote_of.upper", DEST), "not-top-level", "quote_of"),
    (("app.orchestration.symbols:os", DEST), "not-defined-here", "defines it"),
    (("app.orchestration.symbolz:quote_of", DEST), "module-not-found", "symbols"),
    (("app.orchestration.symbols", DEST), "bad-symbol", "MODULE:NAME"),
    (("app.orchestration.symbols:quote_of", "app.orchestration.symbols"), "same-module", ""),
    (
        ("app.orchestration.symbols:quote_of", "app.orchestration.extra"),
        "name-exists",
        "",
    ),
    (("app.orchestration.symbols:quote_of", "app.orchestration.symbols.x"), "", ""),
    (("app.orchestration.symbols:quote_of",), "missing-argument", "DEST"),
]


@pytest.mark.parametrize(("args", "code", "hint"), BAD_INPUT)
def test_bad_input_is_one_coded_line_and_nothing_written(
    tmp_path: Path, args: tuple[str, ...], code: str, hint: str
) -> None:
    root = copy_asset("symbols_mutual", tmp_path)
    if code == "name-exists":
        extra = root / "src/app/orchestration/extra.py"
        extra.write_text("def quote_of() -> None:\n    pass\n")
    before = snapshot(root)
    result = run_module("unknot", "codemod", "move-symbol", *args, "--apply", cwd=root)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"error[{code}]" if code else "error["), result.stderr
    assert hint in result.stderr
    assert "hint:" in result.stderr
    assert snapshot(root) == before


def test_entangled_names_are_refused_with_the_names_to_add(tmp_path: Path) -> None:
    root = copy_asset("symbols_mutual", tmp_path)
    before = snapshot(root)
    result = run_module(
        "unknot",
        "codemod",
        "move-symbol",
        "app.orchestration.symbols:normalize_symbols",
        DEST,
        "--shim",
        cwd=root,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("error[symbols-entangled]"), result.stderr
    assert "--with _clean" in result.stderr
    assert snapshot(root) == before


RENDERING = [
    f"shop.reporting:{name}"
    for name in (
        "render_table",
        "render_markdown",
        "render_csv",
        "render_html",
        "render_bars",
        "render_sparkline",
        "render_json_rows",
        "render_summary",
        "render_daily",
        "render_top",
        "render_report",
        "render_percentiles",
    )
]


def test_an_oversized_module_splits_into_two_under_the_limit(tmp_path: Path) -> None:
    root = copy_asset("symbols_split", tmp_path)
    before = run_module("unknot", "analyze", "shop", cwd=root)
    assert before.returncode == 1, before.stdout  # reporting.py: 452 lines, over 300
    result = run_module(
        "unknot", "codemod", "move-symbol", *RENDERING, "shop.rendering", "--apply", cwd=root
    )
    assert result.returncode == 0, result.stderr
    assert "moved along (used only by the moved code): _cell, _widths" in result.stdout
    after = run_module("unknot", "analyze", "shop", cwd=root)
    assert after.returncode == 0, after.stdout
    for name in ("reporting", "rendering"):
        lines = (root / f"src/shop/{name}.py").read_text().count("\n")
        assert 150 < lines < 300, (name, lines)
    tests = run_own_tests(root)
    assert tests.returncode == 0, tests.stdout
    assert "from shop import rendering" in (root / "tests/test_reporting.py").read_text()
