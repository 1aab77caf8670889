"""The protocol's module: created with its imports, or appended to an existing DEST."""

from __future__ import annotations

from codemods.protocols.bindings import Binding
from codemods.protocols.members import Member
from codemods.protocols.protocol_module import protocol_text, write_into

MEMBERS = [
    Member("config", "attribute", "config: Config", frozenset({"Config"})),
    Member("when", "attribute", "when: dt.datetime", frozenset({"dt"})),
    Member("stop", "method", "def stop(self, reason: Any = ...) -> None: ...", frozenset({"Any"})),
]
BINDINGS = {
    "Config": Binding("Config", "pkg.config", "Config"),
    "dt": Binding("dt", "datetime", None),
    "Any": Binding("Any", "typing", "Any"),
}


def text() -> str:
    protocol = protocol_text(MEMBERS, BINDINGS, module="pkg.bot", class_name="Bot", protocol="IBot")
    return write_into(None, protocol)


def test_a_new_module_imports_from_the_package_only_for_type_checkers() -> None:
    assert text() == (
        '"""Protocols: what modules use of a class, so they can be typed without its module."""\n'
        "\n"
        "from __future__ import annotations\n"
        "\n"
        "import datetime as dt\n"
        "from typing import TYPE_CHECKING, Any, Protocol\n"
        "\n"
        "if TYPE_CHECKING:\n"
        "    from pkg.config import Config\n"
        "\n"
        '__all__ = ["IBot"]\n'
        "\n"
        "\n"
        "class IBot(Protocol):\n"
        '    """What the dependents of `pkg.bot.Bot` use of it.\n'
        "\n"
        "    `Bot` satisfies this protocol; modules typed against it need not import\n"
        "    `pkg.bot`.\n"
        '    """\n'
        "\n"
        "    config: Config\n"
        "    when: dt.datetime\n"
        "\n"
        "    def stop(self, reason: Any = ...) -> None: ...\n"
    )


def test_an_existing_module_keeps_its_code_and_gains_the_protocol() -> None:
    existing = '"""Interfaces."""\n\nfrom typing import Any\n\n__all__ = ["X"]\n\nX: Any = 1\n'
    protocol = protocol_text(MEMBERS, BINDINGS, module="pkg.bot", class_name="Bot", protocol="IBot")
    result = write_into(existing, protocol)
    assert result.startswith(
        '"""Interfaces."""\n\nfrom __future__ import annotations\n\nfrom typing import Any\n'
        "import datetime as dt\nfrom typing import TYPE_CHECKING, Protocol\n"
    )
    assert "if TYPE_CHECKING:\n    from pkg.config import Config\n" in result
    assert '__all__ = ["X", "IBot"]\n\nX: Any = 1\n' in result
    assert result.endswith("    def stop(self, reason: Any = ...) -> None: ...\n")
    compile(result, "api.py", "exec")
