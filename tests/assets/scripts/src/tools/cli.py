"""A module that is also a script: its demo runs only as `python -m tools.cli`."""

from tools.render import render


def main() -> None:
    print(render("hello"))


if __name__ == "__main__":
    from tools.demo import sample

    main()
    print(sample)
else:
    from tools import render as renderer  # runs on import: the `else` of the guard
