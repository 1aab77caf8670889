from typing import TYPE_CHECKING

if TYPE_CHECKING: from tools.models import Model


class Typed:
    def of(self) -> "Model":
        raise NotImplementedError
