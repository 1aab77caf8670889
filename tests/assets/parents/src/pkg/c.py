from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pkg.b.mod import VALUE
