"""typing-import refuses, with file:line and the reason, when a name is needed at run time;
nothing is written."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from codemods import CodemodError
from codemods.typing_imports.service import TypingImportRequest, typing_import
from tests.codemods.repos import make_repo, snapshot

RUNTIME_USES = {
    "call": ("def f() -> object:\n    return Foo()\n", 5, "a call"),
    "isinstance": ("def f(a: object) -> bool:\n    return isinstance(a, Foo)\n", 5, "isinstance"),
    "base_class": ("class Mine(Foo):\n    pass\n", 4, "a base class"),
    "decorator": ("@Foo\ndef f() -> None: ...\n", 4, "a decorator"),
    "default_value": ("def f(a: object = Foo) -> None: ...\n", 4, "a default value"),
    "cast_type": (
        "from typing import cast\n\n\ndef f(a: object) -> Foo:\n    return cast(Foo, a)\n",
        8,
        "cast",
    ),
    "type_alias": ("Alias = list[Foo]\n", 4, "assigned value"),
    "re_export": ('__all__ = ["Foo"]\n', 4, "__all__"),
    "attribute": ("def f() -> None:\n    print(Foo.__name__)\n", 5, "run time"),
}


@pytest.mark.parametrize("name", sorted(RUNTIME_USES))
def test_runtime_use_is_refused_with_where_and_why(tmp_path: Path, name: str) -> None:
    body, line, reason = RUNTIME_USES[name]
    root = make_repo(
        tmp_path / "repo",
        {
            "pkg/__init__.py": "",
            "pkg/models.py": "class Foo: ...\n",
            "pkg/user.py": "from pkg.models import Foo\n\n\n" + body,
        },
    )
    before = snapshot(root)
    with pytest.raises(CodemodError) as caught:
        typing_import(TypingImportRequest(root, "pkg.user", "pkg.models"), apply=True)
    assert caught.value.code == "runtime-use"
    assert f"pkg/user.py:{line}: 'Foo' in " in caught.value.message
    assert reason in caught.value.message
    assert caught.value.hint
    assert snapshot(root) == before


def _repo(tmp_path: Path, user: str) -> Path:
    return make_repo(
        tmp_path / "repo",
        {
            "pkg/__init__.py": "",
            "pkg/models.py": "class Foo: ...\n",
            "pkg/user.py": textwrap.dedent(user),
        },
    )


BAD_INPUT = {
    "star_import": (
        "import os\n\nfrom pkg.models import *\n",
        "pkg.user",
        "star-import",
        "pkg/user.py:3",
    ),
    "import_in_try": (
        "try:\n    from pkg.models import Foo\nexcept ImportError:\n    Foo = None\n",
        "pkg.user",
        "import-in-block",
        "pkg/user.py:1",
    ),
    "not_imported": ("import os\n", "pkg.user", "import-not-found", "'pkg.models'"),
    "no_such_module": ("import os\n", "pkg.usr", "module-not-found", "'pkg.usr'"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUT))
def test_bad_input_is_a_coded_error(tmp_path: Path, name: str) -> None:
    user, module, code, text = BAD_INPUT[name]
    root = _repo(tmp_path, user)
    with pytest.raises(CodemodError) as caught:
        typing_import(TypingImportRequest(root, module, "pkg.models"))
    assert caught.value.code == code
    assert text in caught.value.message
    assert caught.value.hint


NOTHING_TO_DO = {
    "already_typing_only": (
        "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from pkg.models import Foo\n",
        "only under TYPE_CHECKING",
    ),
    "only_when_run_as_a_script": (
        'if __name__ == "__main__":\n    from pkg.models import Foo\n\n    Foo()\n',
        "only where it runs later (functions, classes, __main__)",
    ),
    "only_inside_functions": (
        "def f() -> None:\n    from pkg.models import Foo\n\n    Foo()\n",
        "only where it runs later (functions, classes, __main__)",
    ),
}


@pytest.mark.parametrize("name", sorted(NOTHING_TO_DO))
def test_nothing_to_do(tmp_path: Path, name: str) -> None:
    user, reason = NOTHING_TO_DO[name]
    root = _repo(tmp_path, user)
    outcome = typing_import(TypingImportRequest(root, "pkg.user", "pkg.models"), apply=True)
    assert outcome.summary.message == f"Nothing to do: 'pkg.user' imports 'pkg.models' {reason}."
    assert outcome.diff == ""
    assert outcome.summary.lines() == [outcome.summary.message]


CONSUMERS = {
    "absolute": ("from pkg.user import Foo\n", "pkg/consumer.py:1"),
    "relative_in_a_function": (
        "def make() -> object:\n    from .user import Foo\n\n    return Foo()\n",
        "pkg/consumer.py:2",
    ),
}


@pytest.mark.parametrize("name", sorted(CONSUMERS))
def test_a_name_imported_from_the_module_elsewhere_is_a_runtime_use(
    tmp_path: Path, name: str
) -> None:
    consumer, where = CONSUMERS[name]
    root = _repo(tmp_path, "from pkg.models import Foo\n\n\ndef f(a: 'Foo') -> None: ...\n")
    (root / "pkg/consumer.py").write_text(consumer, encoding="utf-8")
    with pytest.raises(CodemodError) as caught:
        typing_import(TypingImportRequest(root, "pkg.user", "pkg.models"))
    assert caught.value.code == "runtime-use"
    assert f"{where}: 'Foo' imported from pkg.user at run time" in caught.value.message


def test_a_typing_only_importer_elsewhere_is_fine(tmp_path: Path) -> None:
    root = _repo(tmp_path, "from pkg.models import Foo\n\n\ndef f(a: 'Foo') -> None: ...\n")
    consumer = (
        "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from pkg.user import Foo\n"
    )
    (root / "pkg/consumer.py").write_text(consumer, encoding="utf-8")
    outcome = typing_import(TypingImportRequest(root, "pkg.user", "pkg.models"))
    assert outcome.summary.files_changed == 1
    assert outcome.summary.files_scanned == 4
    assert outcome.summary.files_parsed == 2
