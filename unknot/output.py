"""Writing a command's result to stdout or to a file, whole or not at all."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from unknot.errors import CliError

__all__ = ["check_output", "write_text"]


def write_text(text: str, path: Path | None) -> None:
    """Print `text`, or write it to `path` through a temporary file renamed into place."""
    if path is None:
        sys.stdout.write(text)
        return
    check_output(path)
    try:
        _replace(text, path, path.parent if str(path.parent) else Path("."))
    except OSError as error:
        raise CliError(
            code="cannot-write",
            message=f"Cannot write {path}: {error.strerror or error}.",
            hint="Pick an --output in a directory you can write to.",
        ) from error


def check_output(path: Path | None) -> None:
    """Fail before any work when `path` cannot be an output file: a directory, or in one
    that does not exist."""
    if path is None:
        return
    if path.is_dir():
        raise CliError(
            code="output-is-directory",
            message=f"Cannot write {path}: it is a directory.",
            hint="Name a file, e.g. --output " + (path / "unknot.out").as_posix() + ".",
        )
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise CliError(
            code="no-such-directory",
            message=f"Cannot write {path}: {directory} is not a directory.",
            hint="Create the directory first, or pick another --output.",
        )


def _replace(text: str, path: Path, directory: Path) -> None:
    """Write `text` to a temporary file beside `path`, then rename it into place."""
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
