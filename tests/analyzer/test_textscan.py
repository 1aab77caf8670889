from __future__ import annotations

from pathlib import Path

from analyzer.adapters.grimp_source import GrimpSource
from analyzer.adapters.kinds import classify_import_lines, indented_imports
from analyzer.adapters.strings import masked_lines
from analyzer.adapters.textscan import reexport_sources, top_level_definitions
from analyzer.model import ImportKind

SOURCE = '''"""Module docstring.

def not_code():
"""
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from a import b
else:
    from a import c

try:
    import fast
except ImportError:
    import slow


class Holder:
    import inside_class

    def method(self):
        import in_method
        if True:
            from x import y


def function():
    """Docstring
def fake(): pass
    """
    import in_function


if typing.TYPE_CHECKING:
    import typed

if TYPE_CHECKING: import typed_on_one_line
def one_liner(): import deferred_on_one_line


class Shapes:
    def method(self): import deferred_in_class_on_one_line


if __name__ == "__main__":
    import only_as_a_script
    if TYPE_CHECKING:
        import typed_in_script
elif condition:
    import beside_the_guard
if '__main__' == __name__: import script_on_one_line

if sys.version_info >= (3, 13):
    from warnings import deprecated
elif TYPE_CHECKING:
    from typing_extensions import deprecated_for_types
elif __name__ == "__main__":
    import deprecated_in_script
else:
    import deprecated_fallback
'''


def _line(text: str) -> int:
    return next(i for i, line in enumerate(SOURCE.split("\n"), 1) if line.strip() == text)


def test_import_kinds() -> None:
    expected = {
        "import os": ImportKind.IMPORT_TIME,
        "from a import b": ImportKind.TYPING,
        "from a import c": ImportKind.IMPORT_TIME,
        "import fast": ImportKind.IMPORT_TIME,
        "import slow": ImportKind.IMPORT_TIME,
        "import inside_class": ImportKind.IMPORT_TIME,
        "import in_method": ImportKind.DEFERRED,
        "from x import y": ImportKind.DEFERRED,
        "import in_function": ImportKind.DEFERRED,
        "import typed": ImportKind.TYPING,
        "if TYPE_CHECKING: import typed_on_one_line": ImportKind.TYPING,
        "def one_liner(): import deferred_on_one_line": ImportKind.DEFERRED,
        "def method(self): import deferred_in_class_on_one_line": ImportKind.DEFERRED,
        "import only_as_a_script": ImportKind.DEFERRED,
        "import typed_in_script": ImportKind.TYPING,
        "import beside_the_guard": ImportKind.IMPORT_TIME,
        "if '__main__' == __name__: import script_on_one_line": ImportKind.DEFERRED,
        "from warnings import deprecated": ImportKind.IMPORT_TIME,
        "from typing_extensions import deprecated_for_types": ImportKind.TYPING,
        "import deprecated_in_script": ImportKind.DEFERRED,
        "import deprecated_fallback": ImportKind.IMPORT_TIME,
    }
    kinds = classify_import_lines(SOURCE, [_line(text) for text in expected])
    assert {text: kinds[_line(text)] for text in expected} == expected


def test_three_quotes_inside_a_string_open_nothing() -> None:
    text = 'TOKENS = ["\'\'\'", "x"]\ndef f():\n    import inside\nNAMES = """a\nb"""\n'
    assert 3 not in masked_lines(text)
    assert 5 in masked_lines(text)
    assert classify_import_lines(text, [3]) == {3: ImportKind.DEFERRED}


def test_escaped_quotes_do_not_close_a_string() -> None:
    text = 'DOC = """one \\""" still\nin the string\n"""\nimport after\n'
    mask = masked_lines(text)
    assert 2 in mask
    assert 4 not in mask


def test_docstring_lines_are_masked() -> None:
    mask = masked_lines(SOURCE)
    assert _line("def not_code():") in mask
    assert _line("def fake(): pass") in mask
    assert _line("import os") not in mask


def test_top_level_definitions_skip_strings_and_count_lines() -> None:
    definitions = top_level_definitions(SOURCE, mask=masked_lines(SOURCE))
    assert [(name, kind) for name, kind, _, _ in definitions] == [
        ("Holder", "class"),
        ("function", "function"),
        ("one_liner", "function"),
        ("Shapes", "class"),
    ]
    holder = definitions[0]
    assert holder[2] == _line("class Holder:")
    assert holder[3] == _line("from x import y") - _line("class Holder:") + 1


def test_a_reexport_shim_is_recognised() -> None:
    shim = '"""Old home."""\nfrom pkg.new import Thing\nfrom .other import helper as helper\n'
    assert reexport_sources(shim) == (".other", "pkg.new")
    with_all = "from pkg.new import Thing\n__all__ = ['Thing']\n"
    assert reexport_sources(with_all) == ("pkg.new",)
    # Lines at column 0 that look like code, inside the docstring, do not spoil it.
    documented = (
        '"""Moved.\n\nUsage (old) = still works\nif in doubt: import pkg.new\n"""\n' + with_all
    )
    assert reexport_sources(documented) == ("pkg.new",)
    warned = "import warnings\nfrom pkg.new import *\nwarnings.warn('moved', DeprecationWarning)\n"
    assert reexport_sources(warned) == ("pkg.new",)


def test_future_is_not_a_source_of_a_shim() -> None:
    """`from __future__ import annotations` is a compiler directive, not a re-export."""
    shim = "from __future__ import annotations\n\nfrom pkg.new import Thing\n__all__ = ['Thing']\n"
    assert reexport_sources(shim) == ("pkg.new",)
    assert reexport_sources("from __future__ import annotations\n__all__ = []\n") is None


def test_a_module_with_code_or_no_explicit_reexport_is_not_a_shim() -> None:
    assert reexport_sources("from pkg import x\n\ndef f():\n    return x\n") is None
    assert reexport_sources("from pkg import x\nVALUE = x + 1\n") is None
    assert reexport_sources("from pkg import side_effect\n") is None
    assert reexport_sources("import os\n__all__ = []\n") is None
    assert reexport_sources("from pkg import x\n__all__ = ['x']\nsetup(x)\n") is None
    assert reexport_sources("from pkg import x\n__all__ = ['x']\nif x:\n    pass\n") is None


def test_indented_imports_are_the_statements_that_start_a_line() -> None:
    text = (
        "import os\n"
        "def f():\n"
        "    from a import b\n"
        "    x = 'import y'\n"
        "    from the start, nothing here\n"
        "\timport c, d\n"
        "    from .e import (\n"
        "        f,\n"
        "    )\n"
        "    important = 1\n"
    )
    assert [(line, indent) for line, indent, _ in indented_imports(text)] == [
        (3, 4),
        (6, 1),
        (7, 4),
    ]
    assert all(
        text[offset:].lstrip()[:4] in {"from", "impo"} for _, _, offset in indented_imports(text)
    )


def test_a_statement_continued_before_its_import_is_classified(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "a.py").write_text("")
    (package / "__init__.py").write_text(
        "def load():\n    from pkg \\\n        import a\n    return a\n"
    )
    (site,) = GrimpSource(tmp_path).scan("pkg").sites
    assert (site.imported, site.line, site.kind) == ("pkg.a", 2, ImportKind.DEFERRED)


HEADERS = Path(__file__).parents[1] / "assets" / "headers" / "src"


def test_every_spelling_of_a_type_checking_guard_is_typing_only() -> None:
    """Parentheses, a backslash, an alias, an `and`, a bracketed header, one line."""
    scanned = GrimpSource(HEADERS).scan("hdr")
    kinds = {(s.importer, s.imported): s.kind for s in scanned.sites}
    guarded = ["parens", "continued", "aliased", "conjunct", "bracketed", "same_line"]
    assert {name: kinds[("hdr.base", f"hdr.{name}")] for name in guarded} == dict.fromkeys(
        guarded, ImportKind.TYPING
    )
    assert kinds[("hdr.base", "hdr.runtime")] is ImportKind.IMPORT_TIME


def test_look_alikes_that_run_stay_import_time() -> None:
    """`if TYPE_CHECKING or X:` and `if not TYPE_CHECKING:` run at import time."""
    scanned = GrimpSource(HEADERS).scan("hdr")
    kinds = {(s.importer, s.imported): s.kind for s in scanned.sites}
    assert kinds[("hdr.runtime", "hdr.either")] is ImportKind.IMPORT_TIME
    assert kinds[("hdr.runtime", "hdr.negated")] is ImportKind.IMPORT_TIME
