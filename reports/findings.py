"""The located findings of an analysis: one per import to cut and per oversized module.

SARIF and GitHub annotations render the same list, so both show the same problems at the same
lines. Each finding has a stable rule id and a fingerprint that survives line moves (it is keyed
by importer, imported module and statement text, not by line).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from analyzer.model import Analysis, Cut, Cycle, ImportKind, ImportSite

__all__ = ["RULES", "Finding", "Rule", "findings", "parent_init", "repo_path"]


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    summary: str
    help: str


RULES: tuple[Rule, ...] = (
    Rule(
        "UNK001",
        "import-cycle",
        "Import to cut to break an import cycle",
        "This import closes a cycle that runs when the modules are imported. Remove it, move "
        "it into the function that needs it, or depend on a Protocol instead of the module.",
    ),
    Rule(
        "UNK002",
        "deferred-import-cycle",
        "Import to cut to break a cycle through deferred or typing-only imports",
        "The cycle cannot fail at import time, but it still ties the modules together. "
        "Cut this import to make the layer acyclic.",
    ),
    Rule(
        "UNK003",
        "module-too-long",
        "Module over the line limit",
        "Split the module: move its largest functions or classes to modules of their own.",
    ),
    Rule(
        "UNK004",
        "package-cycle",
        "Dependency to cut to break a cycle between packages of the layer",
        "Packages of the layer import each other. Cut the module imports of this dependency "
        "(the first is shown) to make the packages acyclic.",
    ),
)


@dataclass(frozen=True, order=True)
class Finding:
    """One problem at one line of one file; `level` is `error` or `warning`."""

    file: str
    line: int
    rule: str
    level: str
    title: str
    message: str
    fingerprint: str
    properties: tuple[tuple[str, str], ...] = ()


def repo_path(analysis: Analysis, file: str) -> str:
    """`file` (relative to the analysed root) relative to the current directory when possible.

    CI annotations and code scanning resolve paths against the repository root, which is where
    `unknot` runs; an analysis of `--root src` must say `src/pkg/x.py`, not `pkg/x.py`.
    """
    root = Path(analysis.root)
    if not root.is_absolute():
        joined = PurePosixPath(root.as_posix()) / file
        return str(joined) if str(root) not in ("", ".") else file
    try:
        return (root / file).relative_to(Path.cwd()).as_posix()
    except ValueError:
        return (root / file).as_posix()


def parent_init(site: ImportSite) -> str | None:
    """For an implicit site, the `__init__.py` (relative to the analysed root) that the
    statement runs as a parent package: what it imports without naming it."""
    return f"{site.imported.replace('.', '/')}/__init__.py" if site.implicit else None


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def _level(failing: set[tuple[str, int]], file: str, line: int) -> str:
    """`error` where a failed gate points, else `warning`: the level says what fails the run."""
    return "error" if (file, line) in failing or (file, 0) in failing else "warning"


def _cut_findings(analysis: Analysis, failing: set[tuple[str, int]]) -> list[Finding]:
    """The gate's cut of each cycle, then the rest of its all-kinds cut."""
    found: dict[tuple[str, int, str, str], Finding] = {}
    for cycle in analysis.cycles:
        gate_rule = RULES[0] if cycle.kind is ImportKind.IMPORT_TIME else RULES[1]
        for cuts, rule in ((cycle.gate_cuts, gate_rule), (cycle.cuts, RULES[1])):
            for cut in cuts:
                for site in cut.sites:
                    key = (site.file, site.line, site.importer, site.imported)
                    if key not in found:
                        found[key] = _cut_finding(analysis, cycle, cut, site, rule, failing)
    return list(found.values())


def _cut_finding(
    analysis: Analysis,
    cycle: Cycle,
    cut: Cut,
    site: ImportSite,
    rule: Rule,
    failing: set[tuple[str, int]],
) -> Finding:
    path = " -> ".join((*cut.witness, cut.witness[0]))
    purpose = "to pass the gate" if cut in cycle.gate_cuts else "for no cycle of any kind"
    init = parent_init(site)
    via = f", via {repo_path(analysis, init)}" if init else ""
    return Finding(
        file=repo_path(analysis, site.file),
        line=site.line,
        rule=rule.id,
        level=_level(failing, site.file, site.line),
        title=f"{rule.name}: {cut.importer} -> {cut.imported}",
        message=f"Cut `{site.text}` ({site.kind.value} import{via}) {purpose}: it closes the "
        f"cycle {path} ({cycle.kind.value} component of {len(cycle.modules)} modules).",
        fingerprint=_fingerprint(rule.id, site.importer, site.imported, site.text),
        properties=(
            ("cycle", path),
            ("imported", site.imported),
            ("importer", site.importer),
            ("kind", site.kind.value),
        ),
    )


def _package_findings(analysis: Analysis) -> list[Finding]:
    rule = RULES[3]
    found = []
    for cycle in analysis.package_cycles:
        for cut in cycle.cuts:
            site = cut.sites[0]
            pairs = len({(s.importer, s.imported) for s in cut.sites})
            path = " -> ".join((*cut.witness, cut.witness[0]))
            found.append(
                Finding(
                    file=repo_path(analysis, site.file),
                    line=site.line,
                    rule=rule.id,
                    level="warning",
                    title=f"{rule.name}: {cut.importer} -> {cut.imported}",
                    message=f"Cut the {pairs} module import(s) of {cut.importer} -> "
                    f"{cut.imported}, such as `{site.text}`: the dependency closes the "
                    f"package cycle {path}.",
                    fingerprint=_fingerprint(rule.id, cut.importer, cut.imported),
                    properties=(
                        ("cycle", path),
                        ("imported", cut.imported),
                        ("importer", cut.importer),
                        ("module_imports", str(pairs)),
                    ),
                )
            )
    return found


def _size_findings(analysis: Analysis, failing: set[tuple[str, int]]) -> list[Finding]:
    limit = analysis.summary.max_module_lines
    return [
        Finding(
            file=repo_path(analysis, module.file),
            line=1,
            rule=RULES[2].id,
            level=_level(failing, module.file, 1),
            title=f"{RULES[2].name}: {module.name}",
            message=f"{module.name} has {module.lines:,} lines, over the limit of {limit:,}.",
            fingerprint=_fingerprint(RULES[2].id, module.name),
            properties=(("lines", str(module.lines)), ("module", module.name)),
        )
        for module in analysis.modules
        if module.lines > limit
    ]


def findings(analysis: Analysis, *, package_level: bool = False) -> list[Finding]:
    """Every located finding of `analysis`, sorted by file, line and rule; with
    `package_level`, the dependencies to cut between packages too.

    A finding is an `error` when a failed gate lists its location, else a `warning`.
    """
    failing = {(loc.file, loc.line) for g in analysis.gates if not g.passed for loc in g.locations}
    found = _cut_findings(analysis, failing) + _size_findings(analysis, failing)
    if package_level:
        found += _package_findings(analysis)
    return sorted(found)
