"""Project tasks. Every session runs in the current environment (`pip install -e '.[dev]'`)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import nox

nox.options.default_venv_backend = "none"
nox.options.sessions = ["tests", "lint", "typecheck", "contracts", "gate"]

PACKAGES = ["unknot", "analyzer", "codemods", "reports", "bot"]
# What the real projects' own test suites need beyond pytest (click: freezegun; attrs:
# hypothesis, pympler, cloudpickle; markdown-it-py: mdurl and its pytest plugins; marshmallow:
# simplejson).
REALWORLD_TEST_DEPS = [
    "freezegun",
    "hypothesis",
    "pympler",
    "cloudpickle",
    "mdurl",
    "pytest-regressions",
    "pytest-timeout",
    "flit_core",
    "requests",
    "simplejson",
]


def _python(session: nox.Session, *args: str) -> None:
    session.run(sys.executable, *args, external=True)


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (pass extra pytest arguments after --)."""
    _python(session, "-m", "pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Lint and check formatting with ruff."""
    _python(session, "-m", "ruff", "check", *PACKAGES, "tests", "noxfile.py")
    _python(session, "-m", "ruff", "format", "--check", *PACKAGES, "tests", "noxfile.py")


@nox.session
def typecheck(session: nox.Session) -> None:
    """Type-check the tool's packages and the bot with mypy strict."""
    _python(session, "-m", "mypy")


@nox.session
def contracts(session: nox.Session) -> None:
    """Check our own architecture rules on this repository."""
    session.run(str(Path(sys.executable).parent / "lint-imports"), "--no-cache", external=True)
    _python(session, "-m", "unknot", "rules", "tool")


@nox.session
def gate(session: nox.Session) -> None:
    """Gate the bundled bot's orchestration layer: `unknot analyze orchestration`."""
    _python(session, "-m", "unknot", "analyze", "orchestration")


@nox.session
def bench(session: nox.Session) -> None:
    """Run the benchmarks and print their figures."""
    _python(session, "-m", "pip", "install", "--quiet", "-e", ".[dev,bench]")
    _python(session, "tests/benchmarks/run.py", *session.posargs)


@nox.session
def pictures(session: nox.Session) -> None:
    """Draw the pictures for real: SVG through Graphviz, HTML opened in headless Chromium."""
    missing = [
        pkg for cmd, pkg in (("dot", "graphviz"), ("chromium", "chromium")) if not shutil.which(cmd)
    ]
    if missing:
        session.run("apt-get", "update", "-qq", external=True)
        session.run("apt-get", "install", "-y", "-qq", *missing, external=True)
    _python(session, "-m", "pytest", "-q", "tests/reports/pictures", "-rs", *session.posargs)


@nox.session
def realworld(session: nox.Session) -> None:
    """Move modules and split oversized ones in real PyPI projects (sdists), rerun their tests."""
    _python(session, "-m", "pip", "install", "--quiet", "-e", ".[dev]", *REALWORLD_TEST_DEPS)
    _python(session, "-m", "tests.codemods.realworld", *session.posargs)
