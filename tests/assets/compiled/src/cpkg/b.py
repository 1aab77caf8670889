from .native._core import kernel
from cpkg._version import VERSION


def later():
    from cpkg.native._core import other

    return other
