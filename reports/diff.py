"""What changed between two analyses of one target: figures, cycles, and modules moved.

A module present before and absent after, and another absent before and present after, are one
module **moved** when the evidence says so: similar file content (when both files can be read),
the same importers now importing the new name (the import rewrite a move makes), the same
imports, the same leaf name, a similar size. Only what is not matched is reported as removed or
added. Cycles are compared by their modules after the moves are applied, so a cycle whose
modules merely moved is neither gained nor lost.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from analyzer.model import Analysis
from reports.figures import FIGURES, figure_values

__all__ = ["MOVE_THRESHOLD", "AnalysisDiff", "FigureChange", "Move", "Reader", "diff"]

MOVE_THRESHOLD = 0.5
Reader = Callable[[str], str | None]


@dataclass(frozen=True, order=True)
class FigureChange:
    key: str
    before: int
    after: int


@dataclass(frozen=True, order=True)
class Move:
    """`old` became `new`; `score` in 0..1, `evidence` says why we think so."""

    old: str
    new: str
    score: float
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class AnalysisDiff:
    target: str
    package: str
    max_module_lines: int
    figures: tuple[FigureChange, ...]
    cycles_gained: tuple[tuple[str, ...], ...]
    cycles_lost: tuple[tuple[str, ...], ...]
    added: tuple[str, ...]
    removed: tuple[str, ...]
    moved: tuple[Move, ...]
    candidates_left: tuple[str, ...]


def _neighbours(analysis: Analysis) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    importers: dict[str, set[str]] = defaultdict(set)
    imports: dict[str, set[str]] = defaultdict(set)
    for edge in analysis.imports:
        importers[edge.imported].add(edge.importer)
        imports[edge.importer].add(edge.imported)
    return importers, imports


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


@dataclass(frozen=True)
class _Side:
    analysis: Analysis
    read: Reader
    importers: dict[str, set[str]]
    imports: dict[str, set[str]]
    files: dict[str, str]
    lines: dict[str, int]

    @classmethod
    def of(cls, analysis: Analysis, read: Reader) -> _Side:
        importers, imports = _neighbours(analysis)
        files = {m.name: m.file for m in analysis.modules}
        lines = {m.name: m.lines for m in analysis.modules}
        return cls(analysis, read, importers, imports, files, lines)

    def text(self, module: str) -> str | None:
        return self.read(self.files[module])


def _score(old: str, new: str, before: _Side, after: _Side) -> tuple[float, tuple[str, ...]]:
    """How likely `old` became `new`, in 0..1 (0 without strong evidence), and why.

    Strong evidence is needed: similar content, or importers of the old name now importing the
    new one (the rewrite a move makes), or the same name with the same imports. The score then
    ranks the candidates.
    """
    evidence: list[str] = []
    parts: list[tuple[float, float]] = []  # (weight, value)
    strong = False
    content = _similarity(before.text(old), after.text(new))
    if content is not None:
        parts.append((3.0, content))
        strong |= content >= MOVE_THRESHOLD
        evidence.append(f"content {content:.0%} similar")
    old_importers = before.importers[old]
    rewritten = old_importers & after.importers[new]
    if old_importers:
        parts.append((2.0, len(rewritten) / len(old_importers)))
    if rewritten:
        # When both files can be read, their content decides: a module split out of another
        # is imported by the same modules without being the one that left.
        strong |= content is None
        evidence.append(f"{len(rewritten)} of {len(old_importers)} importer(s) now import it")
    same_leaf = old.rpartition(".")[2] == new.rpartition(".")[2]
    if before.imports[old] or after.imports[new]:
        same_imports = _jaccard(before.imports[old], after.imports[new])
        parts.append((1.0, same_imports))
        strong |= same_leaf and same_imports >= MOVE_THRESHOLD
        if same_imports:
            evidence.append(f"imports {same_imports:.0%} the same")
    parts.append((1.0, 1.0 if same_leaf else 0.0))
    if same_leaf:
        evidence.append("same name")
    small, large = sorted((before.lines[old], after.lines[new]))
    parts.append((0.5, small / large if large else 1.0))
    if not strong:
        return 0.0, ()
    return sum(w * v for w, v in parts) / sum(w for w, _ in parts), tuple(evidence)


def _similarity(old_text: str | None, new_text: str | None) -> float | None:
    """How alike two files are by lines, in 0..1 (0 below the threshold); None when one of
    them cannot be read."""
    if old_text is None or new_text is None:
        return None
    matcher = difflib.SequenceMatcher(None, old_text.splitlines(), new_text.splitlines())
    if matcher.real_quick_ratio() < MOVE_THRESHOLD or matcher.quick_ratio() < MOVE_THRESHOLD:
        return 0.0
    return matcher.ratio()


def _moves_out(
    removed: list[str], before: _Side, outside: Mapping[str, str], read_after: Reader
) -> list[Move]:
    """Modules that left the layer: each removed module whose content went to a new file
    outside it (a file the revision before did not have)."""
    scored = []
    for new, file in sorted(outside.items()):
        if before.read(file) is not None:
            continue
        new_text = read_after(file)
        for old in removed:
            content = _similarity(before.text(old), new_text)
            if content is not None and content >= MOVE_THRESHOLD:
                evidence = (f"content {content:.0%} similar", "moved out of the layer")
                scored.append((-content, old, new, evidence))
    return _best(scored)


def _best(scored: Sequence[tuple[float, str, str, tuple[str, ...]]]) -> list[Move]:
    """The best-scored pairs, each old and new module used once."""
    taken_old: set[str] = set()
    taken_new: set[str] = set()
    moves = []
    for negative, old, new, evidence in sorted(scored):
        if old in taken_old or new in taken_new:
            continue
        taken_old.add(old)
        taken_new.add(new)
        moves.append(Move(old, new, round(-negative, 3), evidence))
    return sorted(moves)


def _moves(removed: list[str], added: list[str], before: _Side, after: _Side) -> list[Move]:
    scored = []
    for old in removed:
        for new in added:
            score, evidence = _score(old, new, before, after)
            if score > 0:
                scored.append((-score, old, new, evidence))
    return _best(scored)


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def _no_files(_: str) -> str | None:
    return None


def diff(
    before: Analysis,
    after: Analysis,
    *,
    read_before: Reader = _no_files,
    read_after: Reader = _no_files,
    outside: Mapping[str, str] | None = None,
) -> AnalysisDiff:
    """Compare two analyses; the readers give a module file's text (by its `file`) if they can;
    `outside` names the modules outside the target afterwards, each with its file, so a module
    that left the layer is recognised as moved."""
    old_side, new_side = _Side.of(before, read_before), _Side.of(after, read_after)
    old_names = {m.name for m in before.modules}
    new_names = {m.name for m in after.modules}
    removed = sorted(old_names - new_names)
    added = sorted(new_names - old_names)
    moves = _moves(removed, added, old_side, new_side)
    left = sorted(set(removed) - {m.old for m in moves})
    moves = sorted(moves + _moves_out(left, old_side, outside or {}, read_after))
    renamed = {move.old: move.new for move in moves}
    old_cycles = {tuple(sorted(renamed.get(m, m) for m in c.modules)) for c in before.cycles}
    new_cycles = {tuple(sorted(c.modules)) for c in after.cycles}
    gone = sorted(set(removed) - set(renamed))
    package = after.package
    departed = [*gone, *(m.old for m in moves if not _within(m.new, package))]
    old_figures, new_figures = figure_values(before.summary), figure_values(after.summary)
    return AnalysisDiff(
        target=after.target,
        package=after.package,
        max_module_lines=after.summary.max_module_lines,
        figures=tuple(FigureChange(k, old_figures[k], new_figures[k]) for k, _ in FIGURES),
        cycles_gained=tuple(sorted(new_cycles - old_cycles)),
        cycles_lost=tuple(sorted(old_cycles - new_cycles)),
        added=tuple(sorted(set(added) - set(renamed.values()))),
        removed=tuple(gone),
        moved=tuple(moves),
        candidates_left=tuple(sorted({c.module for c in before.candidates} & set(departed))),
    )
