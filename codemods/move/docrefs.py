"""Code inside prose: the parts of a docstring (or any string) that name OLD as code.

Sphinx cross-references (``:func:`pkg.mod.f` ``, ``:class:`~pkg.mod.C` ``, ``:mod:`title
<pkg.mod>` ``), doctest lines (``>>> from pkg.mod import x``, ``... pkg.mod.f()``) and reprs
(``<class 'pkg.mod.C'>``, ``<pkg.mod.C object at 0x...>``) and quoted dotted paths
(``'pkg.mod'``, a doctest's output) are rewritten like code; a mention in prose is left as it
is, for review.
"""

from __future__ import annotations

import re

from codemods.engine.names import Rename

__all__ = ["rewrite_code_mentions"]

_ROLE = re.compile(r"(:[\w:.+-]+:`[~!]?(?:[^`<]*<)?)([\w.]+)(?=[>`])")
_REPR = re.compile(r"(<(?:class|module|function|enum|bound method|built-in function) ')([\w.]+)'")
_OBJECT_REPR = re.compile(r"(<)([\w.]+)(?= object at )")
_QUOTED = re.compile(r"(?<![\w.])(['\"])([A-Za-z_][\w.]*)(?=\1)")
_DOCTEST = re.compile(r"^(\s*(?:>>>|\.\.\.)(?: |$))(.*)$", re.MULTILINE)


def _mention(rename: Rename) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.]){re.escape(rename.old)}(?![\w])")


def rewrite_code_mentions(text: str, rename: Rename) -> tuple[str, bool]:
    """`text` with OLD renamed where it is code, and whether a mention is left in prose."""
    mention = _mention(rename)

    def dotted(match: re.Match[str]) -> str:
        renamed = rename.apply(match.group(2))
        return match.group(1) + (renamed if renamed is not None else match.group(2))

    def quoted(match: re.Match[str]) -> str:
        return dotted(match) + "'"

    def doctest(match: re.Match[str]) -> str:
        return match.group(1) + mention.sub(rename.new, match.group(2))

    new = _ROLE.sub(dotted, text)
    new = _REPR.sub(quoted, new)
    new = _OBJECT_REPR.sub(dotted, new)
    new = _QUOTED.sub(dotted, new)
    new = _DOCTEST.sub(doctest, new)
    return new, mention.search(_DOCTEST.sub("", new)) is not None
