"""Members reached through a dependent's own members typed with CLASS.

Once a dependent's `config` property (or method, or field) is typed against the protocol,
code anywhere in the packages searched that reads `runtime.config.account` needs `account` in
the protocol too, though it never names CLASS. Without type inference such reads are found by
their spelling, `.config.account`, `.config().account`, or `account` read on a name given
`x.config` (`config = self.cycle.config`), over the files' text: a read of an
unrelated `config` may add a member CLASS has anyway, which costs nothing (CLASS satisfies a
protocol of any of its members); names CLASS does not have are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Chained", "chained_members"]

_ASSIGN = rb"\s*(?:[-+*/%&|^@]|//|\*\*|<<|>>)?=(?!=)"


@dataclass(frozen=True)
class Chained:
    """Attribute names read (and assigned) after one of the producers' names."""

    read: frozenset[str] = frozenset()
    written: frozenset[str] = frozenset()


def chained_members(paths: list[Path], producers: set[str]) -> Chained:
    """The names read after `.producer.` or `.producer(...).` in the files at `paths`."""
    if not producers:
        return Chained()
    names = b"|".join(re.escape(p.encode()) for p in sorted(producers))
    chain = rb"\.(?:" + names + rb")(?:\([^()\n]*\))?\.([A-Za-z_]\w*)"
    reads, writes = re.compile(chain), re.compile(chain + _ASSIGN)
    produced = re.compile(  # `config = self.cycle.config` names the result
        rb"^[ \t]*([A-Za-z_][\w.]*)[ \t]*(?::[^=\n]*)?=[ \t]*[\w.]*\.(?:"
        + names
        + rb")(?:\([^()\n]*\))?[ \t]*(?:#.*)?$",
        re.MULTILINE,
    )
    read: set[str] = set()
    written: set[str] = set()
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        patterns = [(reads, writes)]
        aliases = sorted({m.group(1) for m in produced.finditer(data)})
        if aliases:
            named = rb"(?<![\w.])(?:" + b"|".join(re.escape(a) for a in aliases) + rb")"
            attribute = named + rb"\.([A-Za-z_]\w*)"
            patterns.append((re.compile(attribute), re.compile(attribute + _ASSIGN)))
        for read_pattern, write_pattern in patterns:
            read.update(m.group(1).decode() for m in read_pattern.finditer(data))
            written.update(m.group(1).decode() for m in write_pattern.finditer(data))
    return Chained(frozenset(read), frozenset(written))
