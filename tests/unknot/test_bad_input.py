"""Bad input, every command: exit 2, one `error[code]` line and a hint, no traceback, and the
project on disk exactly as it was (the scan cache aside).

Each row is a mistake a user makes; the real CLI runs in a subprocess on a copy of the
`tangled` sample project, after the row's set-up has put the mistake on disk.
"""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.unknot.cli import copy_asset, run_unknot


def _nothing(project: Path) -> None:
    del project


def _latin1_outside_the_target(project: Path) -> None:
    (project / "src" / "shop" / "ring" / "latin.py").write_bytes(b'x = 1\ny = "caf\xe9"\n')


def _latin1_with_rules(project: Path) -> None:
    _latin1_outside_the_target(project)
    with (project / "pyproject.toml").open("a", encoding="utf-8") as config:
        config.write(
            '\n[[tool.unknot.targets.shop.rules.forbidden]]\nname = "no ring"\n'
            'source = ["shop.orders"]\nforbidden = ["shop.ring"]\n'
        )


def _git_then_a_new_package(project: Path) -> None:
    git = ["git", "-c", "user.name=unknot", "-c", "user.email=unknot@example.invalid"]
    subprocess.run([*git, "init", "-q"], cwd=project, check=True)
    subprocess.run([*git, "add", "-A"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-qm", "shop"], cwd=project, check=True)
    (project / "src" / "newpkg").mkdir()
    (project / "src" / "newpkg" / "__init__.py").write_text("x = 1\n")


def _a_directory_named_like_the_output(project: Path) -> None:
    (project / "out.mmd").mkdir()


@dataclass(frozen=True)
class Mistake:
    name: str
    args: tuple[str, ...]
    code: str
    setup: Callable[[Path], None] = _nothing


MISTAKES = [
    Mistake("unknown package", ("analyze", "shopp"), "package-not-found"),
    Mistake("unknown target", ("analyze", "not a target"), "target-not-found"),
    Mistake("missing root", ("analyze", "shop", "--root", "missing"), "root-not-found"),
    Mistake("unknown format", ("analyze", "shop", "-f", "yaml"), "unknown-format"),
    Mistake("negative line limit", ("analyze", "shop", "--max-module-lines", "-5"), "bad-usage"),
    Mistake("zero line limit", ("analyze", "shop", "--max-module-lines", "0"), "bad-usage"),
    Mistake("unknown option", ("graph", "shop", "--bogus"), "bad-usage"),
    Mistake("missing argument", ("analyze",), "bad-usage"),
    Mistake("unknown command", ("analyse", "shop"), "bad-usage"),
    Mistake("non-UTF-8 file", ("analyze", "shop.orders"), "not-utf8", _latin1_outside_the_target),
    Mistake("non-UTF-8 file, graph", ("graph", "shop"), "not-utf8", _latin1_outside_the_target),
    Mistake("non-UTF-8 file, rules", ("rules", "shop"), "not-utf8", _latin1_with_rules),
    Mistake(
        "graph output is a directory",
        ("graph", "shop", "-o", "out.mmd"),
        "output-is-directory",
        _a_directory_named_like_the_output,
    ),
    Mistake(
        "graph output under a file",
        ("graph", "shop", "-o", "pyproject.toml/x.mmd"),
        "no-such-directory",
    ),
    Mistake(
        "graph output cannot be created", ("graph", "shop", "-o", "/proc/x.mmd"), "cannot-write"
    ),
    Mistake(
        "diff output is a directory",
        ("diff", "a.json", "b.json", "-o", "src"),
        "output-is-directory",
    ),
    Mistake("diff of missing files", ("diff", "a.json", "b.json"), "bad-analysis-file"),
    Mistake("rules of a misspelt target", ("rules", "shp"), "target-not-found"),
    Mistake("rules in an unknown format", ("rules", "shop", "-f", "yaml"), "unknown-format"),
    Mistake("init of a configured project", ("init",), "already-configured"),
    Mistake(
        "diff against a revision without the package",
        ("diff", "newpkg", "--against", "HEAD"),
        "not-at-revision",
        _git_then_a_new_package,
    ),
    Mistake("collapse below 1", ("graph", "shop", "--collapse", "0"), "bad-collapse"),
]


def _fingerprint(project: Path) -> dict[str, str]:
    """Every path under `project` (the scan cache aside) with a digest of its content."""
    found = {}
    for path in sorted(project.rglob("*")):
        relative = path.relative_to(project).as_posix()
        if relative.startswith((".unknot_cache", ".git")):
            continue
        content = path.read_bytes() if path.is_file() else b"<dir>"
        found[relative] = hashlib.sha256(content).hexdigest()
    return found


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.name for m in MISTAKES])
def test_a_mistake_is_one_error_line_with_a_hint_and_changes_nothing(
    mistake: Mistake, tmp_path: Path
) -> None:
    project = copy_asset("tangled", tmp_path)
    mistake.setup(project)
    before = _fingerprint(project)

    result = run_unknot(*mistake.args, cwd=project)

    assert result.returncode == 2, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error[")]
    assert errors == [line for line in errors if line.startswith(f"error[{mistake.code}]: ")]
    assert len(errors) == 1, result.stderr
    assert "hint: " in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert _fingerprint(project) == before


def test_a_misspelt_target_is_suggested_by_name(tmp_path: Path) -> None:
    project = copy_asset("tangled", tmp_path)
    (project / "src" / "other").mkdir()
    (project / "src" / "other" / "__init__.py").write_text("")

    result = run_unknot("analyze", "shp", "--root", "src/other", cwd=project)

    assert result.returncode == 2
    assert "hint: Did you mean the target 'shop'?" in result.stderr
