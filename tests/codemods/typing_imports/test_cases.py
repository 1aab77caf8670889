"""Before/after cases of typing-import on a module `pkg.user` importing `pkg.models`; each runs
twice through the use case, and the second run changes nothing."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from codemods.typing_imports.service import TypingImportRequest, typing_import
from tests.codemods.repos import make_repo

MODELS = "class Foo: ...\nclass Bar: ...\n"


def run_twice(tmp_path: Path, before: str) -> str:
    root = make_repo(
        tmp_path / "repo",
        {
            "pkg/__init__.py": "",
            "pkg/models.py": MODELS,
            "pkg/other.py": "x = 1\n",
            "pkg/user.py": textwrap.dedent(before),
        },
        use_git=False,
    )
    request = TypingImportRequest(root, "pkg.user", "pkg.models")
    first = typing_import(request, apply=True)
    after = (root / "pkg/user.py").read_text(encoding="utf-8")
    assert first.summary.files_changed == 1
    compile(after, "user.py", "exec")
    second = typing_import(request, apply=True)
    assert second.summary.message.startswith("Nothing to do"), second.summary
    assert (root / "pkg/user.py").read_text(encoding="utf-8") == after
    return after


CASES = {
    "from_import_with_future_already": (
        """\
        from __future__ import annotations

        from pkg.models import Foo


        def f(x: Foo) -> Foo:
            return x
        """,
        """\
        from __future__ import annotations

        from typing import TYPE_CHECKING

        if TYPE_CHECKING:
            from pkg.models import Foo


        def f(x: Foo) -> Foo:
            return x
        """,
    ),
    "future_added_for_evaluated_annotations": (
        '''\
        """Users."""

        import os

        from pkg.models import Foo


        class User:
            foo: Foo

            def path(self) -> str:
                return os.sep
        ''',
        '''\
        """Users."""

        from __future__ import annotations

        import os
        from typing import TYPE_CHECKING

        if TYPE_CHECKING:
            from pkg.models import Foo


        class User:
            foo: Foo

            def path(self) -> str:
                return os.sep
        ''',
    ),
    "strings_and_locals_need_no_future": (
        """\
        from pkg.models import Foo


        def f(x: "Foo") -> "list[Foo]":
            y: Foo = x
            return [y]
        """,
        """\
        from typing import TYPE_CHECKING

        if TYPE_CHECKING:
            from pkg.models import Foo


        def f(x: "Foo") -> "list[Foo]":
            y: Foo = x
            return [y]
        """,
    ),
    "import_dotted_and_aliased": (
        """\
        from __future__ import annotations

        import pkg.models
        import pkg.models as m
        import pkg.other


        def f(x: pkg.models.Foo, y: m.Bar) -> int:
            return pkg.other.x
        """,
        """\
        from __future__ import annotations

        from typing import TYPE_CHECKING

        import pkg.other

        if TYPE_CHECKING:
            import pkg.models
            import pkg.models as m


        def f(x: pkg.models.Foo, y: m.Bar) -> int:
            return pkg.other.x
        """,
    ),
    "relative_and_parent_leaf_neighbours_stay": (
        """\
        from __future__ import annotations

        from . import models, other
        from .models import Bar as B


        def f(x: models.Foo, y: B) -> int:
            return other.x
        """,
        """\
        from __future__ import annotations

        from typing import TYPE_CHECKING

        from . import other

        if TYPE_CHECKING:
            from . import models
            from .models import Bar as B


        def f(x: models.Foo, y: B) -> int:
            return other.x
        """,
    ),
    "existing_block_reused": (
        """\
        from __future__ import annotations

        from typing import TYPE_CHECKING

        from pkg.models import Foo

        if TYPE_CHECKING:
            from pkg.other import x


        def f(a: Foo) -> None: ...
        """,
        """\
        from __future__ import annotations

        from typing import TYPE_CHECKING

        if TYPE_CHECKING:
            from pkg.other import x
            from pkg.models import Foo


        def f(a: Foo) -> None: ...
        """,
    ),
    "type_checking_joins_the_typing_import": (
        """\
        from __future__ import annotations

        from typing import Any

        from pkg.models import Foo

        X: Any = 1


        def f(a: Foo) -> None: ...
        """,
        """\
        from __future__ import annotations

        from typing import TYPE_CHECKING, Any

        if TYPE_CHECKING:
            from pkg.models import Foo

        X: Any = 1


        def f(a: Foo) -> None: ...
        """,
    ),
    "import_typing_spelling": (
        """\
        from __future__ import annotations

        import typing

        from pkg.models import Foo


        def f(a: Foo) -> typing.Any: ...
        """,
        """\
        from __future__ import annotations

        import typing

        if typing.TYPE_CHECKING:
            from pkg.models import Foo


        def f(a: Foo) -> typing.Any: ...
        """,
    ),
    "parenthesized_statement_moves_whole_with_its_comments": (
        """\
        from __future__ import annotations

        import sys
        import zipfile

        # the models
        from pkg.models import (  # noqa: TC001
            Bar,
            Foo,
        )


        def f(a: Foo, b: Bar) -> None:
            zipfile.ZipFile(sys.argv[0])
        """,
        """\
        from __future__ import annotations

        import sys
        import zipfile
        from typing import TYPE_CHECKING

        if TYPE_CHECKING:
            # the models
            from pkg.models import (  # noqa: TC001
                Bar,
                Foo,
            )


        def f(a: Foo, b: Bar) -> None:
            zipfile.ZipFile(sys.argv[0])
        """,
    ),
    "parenthesized_neighbour_stays": (
        """\
        from __future__ import annotations

        from pkg import (
            models,
            other,
        )


        def f(a: models.Foo) -> int:
            return other.x
        """,
        """\
        from __future__ import annotations

        from typing import TYPE_CHECKING

        from pkg import (
            other,
        )

        if TYPE_CHECKING:
            from pkg import models


        def f(a: models.Foo) -> int:
            return other.x
        """,
    ),
    "cast_with_a_string_type": (
        """\
        from typing import cast

        from pkg.models import Foo


        def f(a: object) -> object:
            return cast("Foo", a)
        """,
        """\
        from typing import TYPE_CHECKING, cast

        if TYPE_CHECKING:
            from pkg.models import Foo


        def f(a: object) -> object:
            return cast("Foo", a)
        """,
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_case(tmp_path: Path, name: str) -> None:
    before, after = CASES[name]
    assert run_twice(tmp_path, before) == textwrap.dedent(after)
