"""Before/after cases of move-symbol, one file per case in tests/assets/symbols_cases/.

A case file starts with the command line (`# move-symbol pkg.mod:Name pkg.dest [--shim]
[--with NAME]`), then `=== before PATH` and `=== after PATH` sections. Every file with a
`before` must equal its `after` once the move is applied (a file without `after` must not
change; an `after` without `before` is created), and a second run must change nothing.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from codemods import SymbolRequest, move_symbols

CASES = Path(__file__).resolve().parents[2] / "assets" / "symbols_cases"


@dataclass
class Case:
    symbols: tuple[str, ...]
    dest: str
    shim: bool = False
    with_names: tuple[str, ...] = ()
    before: dict[str, str] = field(default_factory=dict)
    after: dict[str, str] = field(default_factory=dict)


def read_case(path: Path) -> Case:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    words = shlex.split(lines[0].removeprefix("#"))[1:]
    flags = [w for w in words if w.startswith("--")]
    with_names = tuple(words[i + 1] for i, w in enumerate(words) if w == "--with")
    positional = [
        w for i, w in enumerate(words) if not w.startswith("--") and words[i - 1] != "--with"
    ]
    case = Case(tuple(positional[:-1]), positional[-1], "--shim" in flags, with_names)
    section: dict[str, str] | None = None
    name = ""
    for line in lines[1:]:
        if line.startswith("=== "):
            kind, name = line[4:].split()
            section = case.before if kind == "before" else case.after
            section[name] = ""
        elif section is not None:
            section[name] += line
    return case


def run(root: Path, case: Case) -> str:
    request = SymbolRequest(
        root, case.symbols, case.dest, with_names=case.with_names, shim=case.shim, workers=1
    )
    return move_symbols(request, apply=True).summary.message


@pytest.mark.parametrize("name", sorted(p.stem for p in CASES.glob("*.txt")))
def test_case(name: str, tmp_path: Path) -> None:
    case = read_case(CASES / f"{name}.txt")
    for rel, text in case.before.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    run(tmp_path, case)
    for rel in sorted(set(case.before) | set(case.after)):
        expected = case.after.get(rel, case.before.get(rel))
        assert (tmp_path / rel).read_text(encoding="utf-8") == expected, rel
    message = run(tmp_path, case)
    assert message.startswith("Nothing to do"), message
    for rel in sorted(set(case.before) | set(case.after)):
        expected = case.after.get(rel, case.before.get(rel))
        assert (tmp_path / rel).read_text(encoding="utf-8") == expected, f"second run: {rel}"
