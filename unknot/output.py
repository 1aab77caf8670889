"""Writing a command's result to stdout or to a file, whole or not at all."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from unknot.errors import CliError

__all__ = ["write_text"]


def write_text(text: str, path: Path | None) -> None:
    """Print `text`, or write it to `path` through a temporary file renamed into place."""
    if path is None:
        sys.stdout.write(text)
        return
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise CliError(
            code="no-such-directory",
            message=f"Cannot write {path}: {directory} is not a directory.",
            hint="Create the directory first, or pick another --output.",
        )
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    """The process umask (read by setting it, then restoring it at once)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
