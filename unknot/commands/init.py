"""`unknot init` and `unknot targets`: a starter configuration, and what is configured."""

from pathlib import Path
from typing import Annotated

import typer

from unknot.exit_codes import ExitCode
from unknot.usage import PlainUsage

__all__ = ["register"]

_SKIPPED = {"tests", "test", "docs", "doc", "build", "dist", "examples", "scripts"}


def _packages(directory: Path) -> list[str]:
    """The top-level regular packages directly under `directory`, tests and docs aside."""
    if not directory.is_dir():
        return []
    return sorted(
        child.name
        for child in directory.iterdir()
        if (child / "__init__.py").is_file()
        and child.name.isidentifier()
        and child.name not in _SKIPPED
    )


def _starter(package: str, *, in_src: bool) -> str:
    name = package.rsplit(".", 1)[-1]
    root = 'root = "src"\n' if in_src else 'root = "."\n'
    return (
        "[tool.unknot]\n" + root + f"\n[tool.unknot.targets.{name}]\n"
        f'package = "{package}"\n'
        "max_module_lines = 300\n"
        'max_cycles = { "import-time" = 0 }\n'
    )


def _choose(package: str | None, cwd: Path) -> tuple[str, bool]:
    from unknot.errors import CliError

    in_src = (cwd / "src").is_dir()
    if package is not None:
        if not all(part.isidentifier() for part in package.split(".")):
            raise CliError(
                code="bad-package-name",
                message=f"'{package}' is not a dotted package name.",
                hint="Name it as you would import it, e.g. app.core.",
            )
        return package, in_src
    found = _packages(cwd / "src") if in_src else _packages(cwd)
    if len(found) == 1:
        return found[0], in_src
    where = "src/" if in_src else "this folder"
    raise CliError(
        code="no-package" if not found else "several-packages",
        message=f"No package under {where}."
        if not found
        else f"Several packages under {where}: {', '.join(found)}.",
        hint="Name the package to gate: unknot init PACKAGE (a dotted name, e.g. app.core).",
    )


def _appended(text: str, starter: str, name: str) -> str:
    """`text` with `starter` after it, checked to be TOML as a whole."""
    import tomllib

    from unknot.errors import CliError

    updated = text + ("\n" if text and not text.endswith("\n\n") else "") + starter
    try:
        tomllib.loads(updated)
    except tomllib.TOMLDecodeError as error:
        raise CliError(
            code="bad-config",
            message=f"{name} is not valid TOML: {error}.",
            hint="Fix it first; init only appends to it.",
        ) from error
    return updated


def init(
    package: Annotated[
        str | None,
        typer.Argument(metavar="PACKAGE", help="The package to gate (default: the only one)."),
    ] = None,
) -> int:
    """Write a starter [tool.unknot] with one target into ./pyproject.toml."""
    from unknot.errors import CliError
    from unknot.output import write_text

    cwd = Path.cwd()
    pyproject = cwd / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8") if pyproject.is_file() else ""
    if "[tool.unknot" in text:
        raise CliError(
            code="already-configured",
            message=f"{pyproject.name} already has a [tool.unknot] table.",
            hint="Edit it, or list its targets with `unknot targets`.",
        )
    chosen, in_src = _choose(package, cwd)
    updated = _appended(text, _starter(chosen, in_src=in_src), pyproject.name)
    write_text(updated, pyproject)
    typer.echo(f"Wrote [tool.unknot.targets.{chosen.rsplit('.', 1)[-1]}] to {pyproject.name}.")
    return ExitCode.OK


def targets() -> int:
    """List the targets of [tool.unknot.targets] with their packages."""
    from analyzer.config import load_target
    from unknot.wiring import configured_targets

    names = configured_targets(Path.cwd())
    if not names:
        typer.echo("No [tool.unknot.targets.NAME] in pyproject.toml; `unknot init` writes one.")
    for name in names:
        target = load_target(name, cwd=Path.cwd())
        rules = " (with rules)" if "rules" in target.raw else ""
        typer.echo(f"{name}: {target.package}{rules}")
    return ExitCode.OK


def register(app: typer.Typer) -> None:
    app.command("init", cls=PlainUsage)(init)
    app.command("targets", cls=PlainUsage)(targets)
