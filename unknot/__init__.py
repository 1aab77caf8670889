"""unknot: untangle Python code bases.

The `unknot` package is the composition root: the command line, the wiring of use cases to
adapters, and the rendering of errors. The work itself lives in `analyzer`, `codemods` and
`reports`.
"""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
