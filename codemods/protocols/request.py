"""What the user asks of extract-protocol, and where its pieces are on disk."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from codemods.protocols.errors import BadTarget

__all__ = ["ProtocolRequest"]


@dataclass(frozen=True)
class ProtocolRequest:
    """Extract a `typing.Protocol` of `target` (`MODULE:CLASS`) into the module `into`.

    `name` defaults to `I<CLASS>`; `dependents` are packages searched for dependents besides
    MODULE's own package; `with_test` also writes a test that CLASS satisfies the protocol.
    """

    root: Path
    target: str
    into: str
    name: str | None = None
    dependents: tuple[str, ...] = ()
    import_roots: tuple[Path, ...] = ()
    with_test: bool = False
    workers: int | None = None

    @property
    def module(self) -> str:
        return self._parts()[0]

    @property
    def class_name(self) -> str:
        return self._parts()[1]

    @property
    def protocol_name(self) -> str:
        return self.name or f"I{self.class_name}"

    @property
    def scope(self) -> tuple[str, ...]:
        """The packages whose modules may be dependents: MODULE's package, then `dependents`."""
        home = self.module.rpartition(".")[0] or self.module
        return tuple(dict.fromkeys((home, *self.dependents)))

    def _parts(self) -> tuple[str, str]:
        module, sep, name = self.target.partition(":")
        dotted = module.replace(".", "")
        if not sep or not name.isidentifier() or not dotted.isidentifier():
            raise BadTarget(
                f"'{self.target}' is not MODULE:CLASS.",
                hint="Name the class as a dotted module, a colon and the class: "
                "pkg.perps_bot:PerpsBot.",
            )
        return module, name
