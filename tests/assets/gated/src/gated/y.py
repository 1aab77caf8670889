from typing import TYPE_CHECKING

from gated import z

if TYPE_CHECKING:
    from gated.x import BOTH


class First:
    pass


class Second:
    pass
