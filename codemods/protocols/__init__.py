"""extract-protocol: a `typing.Protocol` of what a class's dependents use, and the dependents
typed against it, so their import of the class's module (and the cycle through it) goes.

`extract_protocol(ProtocolRequest(root, "pkg.mod:Class", "pkg.core.interfaces"))` is a dry
run that returns the `Outcome` (summary and diff); `apply=True` writes every file or none.
"""

from __future__ import annotations

from codemods.protocols.request import ProtocolRequest
from codemods.protocols.service import extract_protocol

__all__ = ["ProtocolRequest", "extract_protocol"]
