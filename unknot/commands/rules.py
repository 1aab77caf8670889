"""`unknot rules TARGET`: check the layer, forbidden and independence rules of a target."""

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from unknot.exit_codes import ExitCode
from unknot.usage import PlainUsage

__all__ = ["register"]


def rules(
    target: Annotated[
        str, typer.Argument(metavar="TARGET", help="A [tool.unknot.targets.NAME] with rules.")
    ],
    root: Annotated[
        Path | None, typer.Option("--root", help="Source root of the packages.")
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="text, json, github or sarif.")
    ] = "text",
) -> int:
    """Check TARGET's [tool.unknot.targets.TARGET.rules]; exit 1 when one is broken."""
    from analyzer.config import load_target
    from analyzer.rules import RulesError, check, parse_rules
    from analyzer.rules_source import build_rules_graph
    from unknot.wiring import default_root

    render = _checked(target, output_format)
    root = root if root is not None else default_root(target, Path.cwd())
    config = load_target(target, cwd=Path.cwd(), root=root)
    raw = config.raw.get("rules")
    if not isinstance(raw, dict):
        raise RulesError(
            f"Target {target!r} has no rules.",
            hint=f"Add [[tool.unknot.targets.{target}.rules.layers]] (or forbidden, independent).",
            code="no-rules",
        )
    spec = parse_rules(raw, target=target, package=config.package)
    graph, files = build_rules_graph(config.root, spec.packages, cwd=Path.cwd())
    report = check(graph, spec, files=files)
    typer.echo(render(report, target=target), nl=False)
    return ExitCode.OK if report.passed else ExitCode.GATE_FAILED


def _checked(target: str, output_format: str) -> Callable[..., str]:
    """The renderer of `output_format`, once the format and the target are known to be good."""
    from analyzer.rules import RulesError
    from reports.rules_report import RULES_FORMATS
    from unknot.wiring import configured_targets

    render = RULES_FORMATS.get(output_format)
    if render is None:
        raise RulesError(
            f"Unknown format '{output_format}'.",
            hint=f"Choose one of: {', '.join(RULES_FORMATS)}.",
            code="unknown-format",
        )
    known = configured_targets(Path.cwd())
    if target not in known:
        raise RulesError(
            f"No target '{target}' in [tool.unknot.targets].",
            hint=_did_you_mean(target, known),
            code="target-not-found",
        )
    return render


def _did_you_mean(name: str, known: list[str]) -> str:
    import difflib

    near = difflib.get_close_matches(name, known, n=1)
    if near:
        return f"Did you mean '{near[0]}'?"
    if known:
        return f"Configured targets: {', '.join(known)}."
    return "Add [tool.unknot.targets.NAME] with its rules to pyproject.toml."


def register(app: typer.Typer) -> None:
    app.command("rules", cls=PlainUsage)(rules)
