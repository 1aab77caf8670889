from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.config import load_target
from analyzer.errors import ConfigError, TargetNotFound


def _project(tmp_path: Path, toml: str) -> Path:
    (tmp_path / "pyproject.toml").write_text(toml)
    return tmp_path


def test_named_target_with_gates(tmp_path: Path) -> None:
    cwd = _project(
        tmp_path,
        """
[tool.unknot]
root = "src"
[tool.unknot.targets.core]
package = "app.core"
max_module_lines = 250
allow_module_lines = { "app.core.big" = 400 }
max_cycles = { import-time = 0, typing = 2 }
ignore = [{ import = "app.core.a -> app.core.b", reason = "goes in the split" }]
""",
    )
    target = load_target("core", cwd=cwd)
    assert target.package == "app.core"
    assert target.root == tmp_path / "src"
    assert target.gates.max_module_lines == 250
    assert target.gates.allow_module_lines == {"app.core.big": 400}
    assert target.gates.max_cycles == {"import-time": 0, "typing": 2}
    assert target.gates.ignores[0].imported == "app.core.b"


def test_dotted_package_without_config_defaults(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    target = load_target("app.core", cwd=tmp_path)
    assert target.package == "app.core"
    assert target.root == tmp_path / "src"
    assert target.gates.max_cycles == {"import-time": 0}


def test_unknown_key_warns_with_nearest(tmp_path: Path) -> None:
    cwd = _project(tmp_path, '[tool.unknot.targets.core]\npackage = "app"\nmax_modul_lines = 3\n')
    target = load_target("core", cwd=cwd)
    (warning,) = target.warnings
    assert warning.startswith("unknown key 'max_modul_lines' in [tool.unknot.targets.core].")
    assert warning.endswith("Did you mean 'max_module_lines'?")


@pytest.mark.parametrize(
    ("toml", "code"),
    [
        ("[tool.unknot\n", "bad-config"),
        ('[tool.unknot.targets.core]\npackage = "app"\nmax_module_lines = "many"\n', "bad-config"),
        (
            '[tool.unknot.targets.core]\npackage = "app"\nmax_cycles = { import_time = 0 }\n',
            "bad-config",
        ),
        (
            '[tool.unknot.targets.core]\npackage = "app"\nignore = [{ import = "a -> b" }]\n',
            "bad-config",
        ),
        ('[tool.unknot.targets.core]\npackage = "not a name"\n', "bad-config"),
    ],
)
def test_bad_config_is_a_clear_error(tmp_path: Path, toml: str, code: str) -> None:
    cwd = _project(tmp_path, toml)
    with pytest.raises(ConfigError) as raised:
        load_target("core", cwd=cwd)
    assert raised.value.code == code
    assert raised.value.hint


def test_unknown_target_suggests_a_configured_one(tmp_path: Path) -> None:
    cwd = _project(tmp_path, '[tool.unknot.targets.orchestration]\npackage = "bot.orchestration"\n')
    with pytest.raises(TargetNotFound) as raised:
        load_target("orchestraton!", cwd=cwd)
    assert raised.value.hint == "Did you mean 'orchestration'?"
