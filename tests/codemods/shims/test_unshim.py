"""Before/after cases of the remove-shim codemod; each runs twice, the second changes nothing."""

from __future__ import annotations

import textwrap

import libcst as cst
import pytest
from libcst.codemod import CodemodContext

from codemods.shims.unshim import MissingNames, RemoveShimCodemod

HOMES = {
    "normalize": ("pkg.shared.symbols", "normalize"),
    "split_symbol": ("pkg.shared.symbols", "split"),
    "MARKETS": ("pkg.shared.markets", "MARKETS"),
}


def run(source: str, *, package: str = "pkg.app") -> str:
    context = CodemodContext(full_module_name=f"{package}.user", full_package_name=package)
    codemod = RemoveShimCodemod(context, "pkg.app.symbols", HOMES)
    return codemod.transform_module(cst.parse_module(source)).code


CASES = {
    "one_home": (
        "from pkg.app.symbols import normalize\n",
        "from pkg.shared.symbols import normalize\n",
    ),
    "renamed_in_the_shim": (
        "from pkg.app.symbols import split_symbol, normalize as n\n",
        "from pkg.shared.symbols import split as split_symbol, normalize as n\n",
    ),
    "two_homes_relative": (
        "from .symbols import MARKETS, normalize\n",
        "from ..shared.markets import MARKETS\nfrom ..shared.symbols import normalize\n",
    ),
    "binding_kept_when_one_home": (
        "from pkg.app import symbols\n\nsymbols.normalize('x')\n",
        "from pkg.shared import symbols\n\nsymbols.normalize('x')\n",
    ),
    "chains_when_names_change": (
        "import pkg.app.symbols as s\n\ns.split_symbol('x'), s.MARKETS\n",
        "import pkg.shared.markets\nimport pkg.shared.symbols\n\n"
        "pkg.shared.symbols.split('x'), pkg.shared.markets.MARKETS\n",
    ),
    "strings": (
        'mock.patch("pkg.app.symbols.normalize")\nresolve("pkg.app.symbols:MARKETS")\n',
        'mock.patch("pkg.shared.symbols.normalize")\nresolve("pkg.shared.markets:MARKETS")\n',
    ),
    "function_level_import_stays": (
        "def f():\n    from pkg.app.symbols import normalize\n    return normalize\n",
        "def f():\n    from pkg.shared.symbols import normalize\n    return normalize\n",
    ),
    "unrelated_untouched": (
        "from pkg.app.other import normalize\nimport pkg.app\n",
        "from pkg.app.other import normalize\nimport pkg.app\n",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_remove_shim_case(name: str) -> None:
    before, after = (textwrap.dedent(text) for text in CASES[name])
    assert run(before) == after
    assert run(after) == after


def test_a_name_the_shim_does_not_provide_is_an_error() -> None:
    with pytest.raises(MissingNames) as caught:
        run("from pkg.app.symbols import nothing_here\n")
    assert caught.value.names == {"nothing_here"}
