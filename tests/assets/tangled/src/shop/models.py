from shop.repo import Repo


class Model:
    repo = Repo
