from typing import TYPE_CHECKING

READY = True

if TYPE_CHECKING or READY:
    import hdr.either

if not TYPE_CHECKING:
    import hdr.negated
