from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from shop.models import Model


class Repo:
    def get(self) -> "Model":
        raise NotImplementedError
