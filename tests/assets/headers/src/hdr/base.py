import typing
from typing import TYPE_CHECKING
from typing import TYPE_CHECKING as TC

import hdr.runtime

if (TYPE_CHECKING):
    import hdr.parens

if TYPE_CHECKING \
        :
    import hdr.continued

if TC:
    import hdr.aliased

if typing.TYPE_CHECKING and hdr.runtime.READY:
    import hdr.conjunct

if (
    TYPE_CHECKING
):
    import hdr.bracketed

if (TYPE_CHECKING): import hdr.same_line
