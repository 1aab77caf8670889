"""The class's members as the protocol declares them: exact signatures, defaults `...`."""

from __future__ import annotations

import libcst as cst

from codemods.protocols.members import ClassShape, read_members

SOURCE = '''
class Bot:
    """A bot."""

    LIMIT = 10
    name: str = "bot"
    factor = compute()

    def __init__(self, config: Config, *, live: bool = False) -> None:
        self.config = config
        self.marks: dict[str, float] = {}
        self.count = 0
        self.monitor = Monitor(self)
        self.live = live
        self.loose = something()

    @property
    def is_running(self) -> bool:
        """Whether it runs."""
        return True

    @is_running.setter
    def is_running(self, value: bool) -> None:
        pass

    @functools.cache
    def stop(
        self,
        reason: str = "requested",  # why
        *,
        force: bool = False,
    ) -> None:
        pass

    @classmethod
    def create(cls, *args: int, **kwargs: "Quote") -> "Bot":
        return cls()

    async def fetch(self, symbol: str, /, depth: int = 5) -> list[float]:
        return []
'''


def shape() -> ClassShape:
    node = cst.parse_module(SOURCE).body[0]
    assert isinstance(node, cst.ClassDef)
    return read_members(node)


def test_methods_keep_their_signature_with_defaults_elided() -> None:
    members = {m.name: m for m in shape().members}
    assert members["is_running"].text == "@property\ndef is_running(self) -> bool: ..."
    assert members["is_running"].kind == "property"
    assert members["stop"].text == (
        "def stop(self, reason: str = ..., *, force: bool = ...) -> None: ..."
    )
    assert members["create"].text == (
        '@classmethod\ndef create(cls, *args: int, **kwargs: "Quote") -> "Bot": ...'
    )
    assert members["create"].names == frozenset({"int", "Quote", "Bot"})
    assert members["fetch"].text == (
        "async def fetch(self, symbol: str, /, depth: int = ...) -> list[float]: ..."
    )


def test_attributes_take_the_type_the_class_gives_them() -> None:
    members = {m.name: m.text for m in shape().members if m.kind == "attribute"}
    assert members == {
        "LIMIT": "LIMIT: int",
        "name": "name: str",
        "config": "config: Config",
        "marks": "marks: dict[str, float]",
        "count": "count: int",
        "monitor": "monitor: Monitor",
        "live": "live: bool",
    }
    assert shape().untyped == frozenset({"factor", "loose"})
