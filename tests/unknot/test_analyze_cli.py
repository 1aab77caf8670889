"""`unknot analyze` end to end: the real CLI in a subprocess on sample packages on disk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.unknot.cli import REPO, copy_asset, run_unknot


@pytest.fixture
def asset(tmp_path: Path):  # type: ignore[no-untyped-def]
    def copy(name: str) -> Path:
        return copy_asset(name, tmp_path)

    return copy


def test_gate_fails_with_file_and_line(asset) -> None:  # type: ignore[no-untyped-def]
    result = run_unknot("analyze", "shop", cwd=asset("tangled"))
    assert result.returncode == 1, result.stderr
    assert "FAIL max-cycles.import-time: 2 import-time cycle(s)" in result.stdout
    assert "shop/ring/" in result.stdout
    assert "shop/big.py:1 shop.big: 310 lines > 300" in result.stdout


def test_json_report_has_every_section(asset) -> None:  # type: ignore[no-untyped-def]
    result = run_unknot("analyze", "shop", "--format", "json", cwd=asset("tangled"))
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["schema_version"] == 4
    assert data["summary"]["circular_dependencies"] == 2  # the import-time cut, the gate's
    assert data["summary"]["all_kinds_circular_dependencies"] == 4
    assert data["summary"]["cycles_by_kind"] == {"deferred": 1, "import-time": 2, "typing": 1}
    kinds = {tuple(c["modules"]): c["kind"] for c in data["cycles"]}
    assert kinds[("shop.billing", "shop.ledger")] == "deferred"
    assert kinds[("shop.models", "shop.repo")] == "typing"
    cut = data["cycles"][0]["cuts"][0]
    assert set(cut) >= {"importer", "imported", "sites", "witness", "weight"}
    assert set(cut["sites"][0]) == {"file", "line", "text", "kind"}
    assert [s["module"] for s in data["shims"]] == ["shop.legacy_names"]
    assert {m["name"]: m["tier"] for m in data["modules"]}["shop.catalog"] == 1
    assert data["passed"] is False


def test_cycles_that_cannot_fail_on_import_pass_the_gate(asset) -> None:  # type: ignore[no-untyped-def]
    """A cycle only through a script's `if __name__ == "__main__":` block, and one only
    through a one-line `if TYPE_CHECKING: import`, never run on import."""
    result = run_unknot("analyze", "tools", "--root", "src", "-f", "json", cwd=asset("scripts"))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["summary"]["cycles_by_kind"] == {"deferred": 1, "typing": 1}
    kinds = {
        (edge["importer"], edge["imported"], site["line"]): site["kind"]
        for edge in data["imports"]
        for site in edge["sites"]
    }
    assert kinds[("tools.cli", "tools.demo", 11)] == "deferred"
    assert kinds[("tools.cli", "tools.render", 16)] == "import-time"  # the guard's `else`
    assert kinds[("tools.typed", "tools.models", 3)] == "typing"
    assert kinds[("tools.models", "tools.render", 5)] == "deferred"  # `def f(): import x`


def test_json_is_byte_stable_and_cache_does_not_change_it(asset) -> None:  # type: ignore[no-untyped-def]
    project = asset("tangled")
    cold = run_unknot("analyze", "shop", "-f", "json", cwd=project).stdout
    assert (project / ".unknot_cache").is_dir()
    warm = run_unknot("analyze", "shop", "-f", "json", cwd=project).stdout
    uncached = run_unknot("analyze", "shop", "-f", "json", "--no-cache", cwd=project).stdout
    assert cold == warm == uncached


def test_syntax_error_stops_with_file_and_line(asset) -> None:  # type: ignore[no-untyped-def]
    result = run_unknot("analyze", "pkg", "--root", "src", cwd=asset("broken"))
    assert result.returncode == 2
    assert "error[syntax-error]: pkg/bad.py:1: invalid syntax" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unreadable_file_is_a_clear_error(asset) -> None:  # type: ignore[no-untyped-def]
    project = asset("tangled")
    (project / "src" / "shop" / "gone.py").symlink_to(project / "nowhere.py")
    result = run_unknot("analyze", "shop", cwd=project)
    assert result.returncode == 2
    assert result.stderr.startswith("error[unreadable-file]: Cannot read shop/gone.py")
    assert "Traceback" not in result.stderr
    assert "panicked" not in result.stderr


def test_user_packages_named_like_ours_are_read_from_disk(asset) -> None:  # type: ignore[no-untyped-def]
    project = asset("namesake")
    for package, modules in [
        ("analyzer", ["analyzer.left", "analyzer.right"]),
        ("reports", ["reports.one", "reports.two"]),
    ]:
        result = run_unknot("analyze", package, "-f", "json", cwd=project)
        assert result.returncode == 1, result.stderr
        assert [c["modules"] for c in json.loads(result.stdout)["cycles"]] == [modules]


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["analyze", "shopp"], "package-not-found"),
        (["analyze", "shop.nowhere"], "package-not-found"),
        (["analyze", "not a target"], "target-not-found"),
        (["analyze", "shop", "--root", "missing"], "root-not-found"),
        (["analyze", "shop", "--format", "yaml"], "unknown-format"),
    ],
)
def test_bad_input_is_one_line_with_code_and_hint(asset, args: list[str], code: str) -> None:  # type: ignore[no-untyped-def]
    result = run_unknot(*args, cwd=asset("tangled"))
    assert result.returncode == 2
    assert f"error[{code}]" in result.stderr
    assert "hint:" in result.stderr
    assert "Traceback" not in result.stderr


def test_broken_pyproject_is_a_config_error(asset) -> None:  # type: ignore[no-untyped-def]
    project = asset("tangled")
    (project / "pyproject.toml").write_text("[tool.unknot\n")
    result = run_unknot("analyze", "shop", cwd=project)
    assert result.returncode == 2
    assert "error[bad-config]" in result.stderr


def test_debug_shows_the_traceback(asset) -> None:  # type: ignore[no-untyped-def]
    result = run_unknot("--debug", "analyze", "shopp", cwd=asset("tangled"))
    assert result.returncode != 0
    assert "Traceback" in result.stderr


def test_this_repository_gates_its_bot() -> None:
    result = run_unknot("analyze", "orchestration", cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All gates passed." in result.stdout


def test_the_cache_keeps_one_file_per_package(asset) -> None:  # type: ignore[no-untyped-def]
    project = asset("tangled")
    run_unknot("analyze", "shop", cwd=project)
    (project / "src" / "shop" / "added.py").write_text("from shop import catalog\n")
    result = run_unknot("analyze", "shop", "-f", "json", cwd=project)
    assert "shop.added" in {m["name"] for m in json.loads(result.stdout)["modules"]}
    cached = sorted(p.name.split("-")[0] for p in (project / ".unknot_cache").glob("*.json"))
    assert cached == ["cuts.shop", "shop"]


def test_targets_analysed_in_turn_keep_each_others_cuts(asset) -> None:  # type: ignore[no-untyped-def]
    project = asset("tangled")
    run_unknot("analyze", "shop", cwd=project)
    run_unknot("analyze", "shop.ring", cwd=project)
    cached = sorted(p.name.split("-")[0] for p in (project / ".unknot_cache").glob("*.json"))
    assert cached == ["cuts.shop", "cuts.shop.ring", "shop"]


def test_the_cache_tells_git_to_ignore_it(asset) -> None:  # type: ignore[no-untyped-def]
    project = asset("tangled")
    run_unknot("analyze", "shop", cwd=project)

    assert (project / ".unknot_cache" / ".gitignore").read_text(encoding="utf-8").endswith("*\n")


def test_the_default_root_is_found_beside_the_pyproject_above(asset) -> None:  # type: ignore[no-untyped-def]
    project = asset("tangled")
    config = project / "pyproject.toml"
    config.write_text(config.read_text().replace('root = "src"\n', ""), encoding="utf-8")

    result = run_unknot("analyze", "shop.orders", "-f", "json", cwd=project / "src" / "shop")

    assert result.returncode in (0, 1), result.stderr  # analysed: the gate decides
    data = json.loads(result.stdout)
    assert data["package"] == "shop.orders"
    assert "shop.orders.checkout" in {module["name"] for module in data["modules"]}
