"""The `.pyi` stubs beside the source modules: their definitions of the moved names move too."""

from __future__ import annotations

from codemods.engine.layout import ModuleLocation
from codemods.symbols.definitions import read_module
from codemods.symbols.locate import Source, file_of, read_source

__all__ = ["stub_sources"]


def stub_sources(sources: list[Source]) -> list[Source]:
    """A source for each stub beside a source module that defines some of the moved names."""
    stubs = []
    for source in sources:
        path = file_of(source.location).with_suffix(".pyi")
        if not path.is_file():
            continue
        text, tree = read_source(path, source.location.root)
        facts = read_module(tree)
        names = tuple(n for n in source.names if facts.defining(n) is not None)
        if names:
            location = ModuleLocation(source.location.name, source.location.root, path)
            stubs.append(Source(location, source.package, text, facts, names))
    return stubs
