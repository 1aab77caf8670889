"""The real projects `nox -s realworld` changes: five much-imported modules moved in each, and
oversized modules split with move-symbol. Versions are pinned so a run can be compared with the
last one."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["PROJECTS", "Project", "Split"]


@dataclass(frozen=True)
class Split:
    """Top-level names of `module` moved into `dest` together (`--with` adds names the tool
    would otherwise refuse to leave behind, because the moved code uses them)."""

    module: str
    names: tuple[str, ...]
    dest: str
    with_: tuple[str, ...] = ()
    shim: bool = False  # keep `from DEST import NAME` in MODULE (and its __all__)

    @property
    def moved(self) -> tuple[str, ...]:
        return (*self.names, *self.with_)


@dataclass(frozen=True)
class Project:
    name: str
    requirement: str
    moves: tuple[tuple[str, str], ...] = ()
    splits: tuple[Split, ...] = ()


PROJECTS = (
    Project(
        "click",
        "click==8.5.1",
        moves=(
            ("click.termui", "click.ui.termui"),  # monkeypatch targets, relative imports
            ("click._termui_impl", "click.ui._termui_impl"),  # function-level imports, chains
            ("click._compat", "click.support.compat"),  # imported by most modules
            ("click.utils", "click.support.utils"),  # Sphinx roles in docstrings
            ("click.exceptions", "click.errors.exceptions"),  # re-exported by click/__init__
        ),
        splits=(
            # core.py (3,825 lines): the small pieces Context, Command and Parameter lean on.
            # ParameterSource is re-exported by click/__init__ and imported by tests; V is the
            # TypeVar of batch and _check_iter.
            Split(
                "click.core",
                (
                    "ParameterSource",
                    "batch",
                    "_check_iter",
                    "_echo_aborted",
                    "_format_deprecated_label",
                    "_format_deprecated_suffix",
                ),
                "click._core_support",
                with_=("V",),
            ),
        ),
    ),
    Project(
        "itsdangerous",
        "itsdangerous==2.2.0",
        moves=(
            ("itsdangerous.encoding", "itsdangerous.codec.encoding"),
            ("itsdangerous.exc", "itsdangerous.errors"),
            ("itsdangerous.signer", "itsdangerous.signing.signer"),
            ("itsdangerous.serializer", "itsdangerous.serialization.serializer"),
            ("itsdangerous.timed", "itsdangerous.signing.timed"),
        ),
    ),
    Project(
        "attrs",
        "attrs==26.1.0",
        moves=(
            ("attr.exceptions", "attr.errors.exceptions"),  # a .pyi stub; `attr as _attr` chains
            ("attr.validators", "attr.checks.validators"),  # a .pyi stub
            ("attr._compat", "attr.support._compat"),
            ("attr._config", "attr.support._config"),
            ("attr.setters", "attr.hooks.setters"),  # a .pyi stub
        ),
        splits=(
            # _make.py (3,406 lines): compiling the generated dunder methods (hash, eq) and
            # caching their source in linecache; tests import _compile_and_eval.
            Split(
                "attr._make",
                (
                    "_compile_and_eval",
                    "_linecache_and_compile",
                    "_generate_unique_filename",
                    "_make_hash_script",
                    "_make_eq_script",
                ),
                "attr._scripts",
                with_=("_HASH_CACHE_FIELD",),
            ),
        ),
    ),
    Project(
        "markdown-it-py",
        "markdown-it-py==4.3.0",
        moves=(
            # rules_inline/__init__.py re-binds `html_inline` to the function of that name
            ("markdown_it.rules_inline.html_inline", "markdown_it.inline_html.html_inline"),
            ("markdown_it.common.utils", "markdown_it.support.utils"),
            ("markdown_it.token", "markdown_it.tokens.token"),
            ("markdown_it.rules_inline.state_inline", "markdown_it.state.state_inline"),
            ("markdown_it.rules_block.state_block", "markdown_it.state.state_block"),
        ),
    ),
    Project(
        "marshmallow",
        "marshmallow==4.4.0",
        moves=(
            # tests match messages built from "...instance of " "marshmallow.fields.Field"
            ("marshmallow.fields", "marshmallow.core.fields"),
            ("marshmallow.exceptions", "marshmallow.core.exceptions"),
            ("marshmallow.validate", "marshmallow.validation.validate"),
            ("marshmallow.class_registry", "marshmallow.registry.class_registry"),
            ("marshmallow.constants", "marshmallow.core.constants"),
        ),
    ),
    Project(
        "more-itertools",
        "more-itertools==11.2.1",
        splits=(
            # more.py (5,644 lines): the split_* family. The package re-exports more.py with
            # `from .more import *` and the tests call `mi.split_at`, so without --shim the
            # names leave the package (move-symbol does not extend the star re-export).
            Split(
                "more_itertools.more",
                ("split_at", "split_before", "split_after", "split_when", "split_into"),
                "more_itertools.splitting",
                shim=True,
            ),
        ),
    ),
)
