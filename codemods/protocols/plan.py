"""Plan and rewrite: the protocol's text, DEST and its packages, each dependent re-typed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from codemods.engine.changes import ChangePlan, FileChange, check_writable
from codemods.engine.context import FileContext
from codemods.engine.runner import (
    Changed,
    Failed,
    FileCodemod,
    FileJob,
    FileResult,
    check_failures,
    run_codemod,
)
from codemods.protocols.bindings import ClassRef
from codemods.protocols.conformance import conformance_test, directory_for_test
from codemods.protocols.errors import MemberUnknown, NameTaken
from codemods.protocols.locate import Located
from codemods.protocols.members import Member
from codemods.protocols.protocol_module import protocol_text, write_into
from codemods.protocols.request import ProtocolRequest
from codemods.protocols.retype import NameClash, RetypeCodemod
from codemods.protocols.scan import Dependent, Scan

__all__ = ["ProtocolPlan", "RetypeSpec", "needed_members", "plan_protocol"]


@dataclass(frozen=True)
class RetypeSpec:
    """Run `RetypeCodemod` for the class `ref` names and the protocol `dest.protocol`."""

    ref: ClassRef
    dest: str
    protocol: str

    def wants(self, data: bytes) -> bool:
        return self.ref.name.encode() in data

    def make(self, context: FileContext) -> FileCodemod:
        return RetypeCodemod(context, self.ref, self.dest, self.protocol)


@dataclass(frozen=True, kw_only=True)
class ProtocolPlan(ChangePlan):
    """The change, and what it rests on: the members copied, the re-typed files."""

    members: tuple[Member, ...] = ()
    retyped: tuple[Changed, ...] = ()
    test_path: Path | None = None


def needed_members(located: Located, scan: Scan, name: str) -> list[Member]:
    """The members of CLASS the dependents use (and those read through their own members
    typed with CLASS), in CLASS's order; raises for unknown ones used directly.
    Attributes no dependent assigns to are declared as read-only properties."""
    used: dict[str, tuple[Dependent, int]] = {}
    for dependent in scan.dependents:
        for member, line in dependent.usage.members:
            used.setdefault(member, (dependent, line))
    unknown = sorted(m for m in used if located.shape.get(m) is None)
    if unknown:
        root = located.layout.root
        shown = "; ".join(
            f"{used[m][0].path.relative_to(root)}:{used[m][1]}: {m}"
            + (" (no type to copy)" if m in located.shape.untyped else "")
            for m in unknown
        )
        raise MemberUnknown(
            f"Dependents use members {name} does not declare with a type: {shown}.",
            hint=f"Annotate them in {name} (or define them there) and run again.",
        )
    written = {w for d in scan.dependents for w in d.usage.written} | scan.chained.written
    wanted = used.keys() | scan.chained.read
    return [
        m if m.name in written else m.read_only() for m in located.shape.members if m.name in wanted
    ]


def _packages(located: Located) -> list[FileChange]:
    """`__init__.py` for each directory DEST needs that does not exist yet."""
    changes = []
    directory = located.dest_path.parent
    while not directory.exists():
        changes.append(FileChange(None, directory / "__init__.py", "", ""))
        directory = directory.parent
    return changes[::-1]


def _test(
    request: ProtocolRequest,
    located: Located,
    members: list[Member],
    dependents: tuple[Dependent, ...],
) -> FileChange | None:
    modules = [d.module for d in dependents] + [request.module]
    directory = directory_for_test(located.layout.root, located.files, modules)
    path = directory / f"test_{request.into.rpartition('.')[2]}.py"
    if path.exists():
        return None
    text = conformance_test(
        module=request.module,
        class_name=request.class_name,
        dest=request.into,
        protocol=request.protocol_name,
        members=members,
    )
    return FileChange(None, path, "", text)


def _check_clashes(results: list[FileResult], root: Path, name: str) -> None:
    clashes = [r for r in results if isinstance(r, Failed) and r.code == NameClash.code]
    if clashes:
        shown = "; ".join(f"{r.path.relative_to(root)}: {r.message}" for r in clashes)
        raise NameTaken(
            f"{len(clashes)} dependent(s) already use the name {name}: {shown}.",
            hint="Choose another name with --name; nothing was written.",
        )


def _dest(request: ProtocolRequest, located: Located, members: list[Member]) -> FileChange:
    """DEST with the protocol: created, or appended to."""
    text = protocol_text(
        members,
        located.bindings,
        module=request.module,
        class_name=request.class_name,
        protocol=request.protocol_name,
    )
    return FileChange(
        located.dest_path if located.dest_text is not None else None,
        located.dest_path,
        located.dest_text or "",
        write_into(located.dest_text, text),
    )


def plan_protocol(request: ProtocolRequest, located: Located, scan: Scan) -> ProtocolPlan:
    """Every file the extraction writes: DEST (and its packages), the dependents, the test."""
    dependents = scan.dependents
    members = needed_members(located, scan, request.class_name)
    spec = RetypeSpec(located.ref, request.into, request.protocol_name)
    jobs = [FileJob(d.path, d.module, d.package, always=True) for d in dependents]
    results = run_codemod(jobs, spec, workers=request.workers)
    _check_clashes(results, located.layout.root, request.protocol_name)
    check_failures(results, located.layout.root)
    retyped = tuple(r for r in results if isinstance(r, Changed))
    changes = [*_packages(located), _dest(request, located, members)]
    changes += [
        FileChange(r.path, r.path, r.old_text, r.new_text, r.imports_rewritten, r.strings_rewritten)
        for r in retyped
    ]
    test = _test(request, located, members, dependents) if request.with_test else None
    if test is not None:
        changes.append(test)
    check_writable([c.old_path for c in changes if c.old_path is not None], located.layout.root)
    return ProtocolPlan(
        root=located.layout.root,
        changes=tuple(changes),
        scanned=len(located.files),
        parsed=scan.parsed,
        members=tuple(members),
        retyped=retyped,
        test_path=test.new_path if test is not None else None,
    )
