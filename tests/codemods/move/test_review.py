"""What a move leaves for review: named by the file's path after the move, at the line where
the string starts."""

from __future__ import annotations

from pathlib import Path

from codemods import MoveRequest, move_module
from tests.codemods.repos import make_repo

MODULE = '''"""Pricing."""


def first() -> None:
    """
    Unrelated.
    """


def second() -> None:
    """
    Prose about app.core.pricing, the module this is.
    """
'''


def test_a_review_item_of_the_moved_module_is_named_by_its_new_path_at_its_line(
    tmp_path: Path,
) -> None:
    root = make_repo(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/core/__init__.py": "",
            "app/core/pricing.py": MODULE,
            "app/user.py": "from app.core import pricing\n\nX = pricing.first\n",
        },
    )
    outcome = move_module(MoveRequest(root, "app.core.pricing", "app.billing.pricing"))
    review = outcome.summary.as_dict()["strings_for_review"]
    assert [(path, line) for path, line, _ in review] == [  # type: ignore[attr-defined]
        ("app/billing/pricing.py", 11)
    ]


def test_a_comment_naming_old_is_listed_and_a_role_in_it_rewritten(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/core/__init__.py": "",
            "app/core/pricing.py": "PRICE = 1\n",
            "app/user.py": (
                "from app.core import pricing\n\n"
                "#: The price, from :data:`app.core.pricing.PRICE`.\n"
                "X = pricing.PRICE  # app.core.pricing is where prices live\n"
            ),
        },
    )
    outcome = move_module(MoveRequest(root, "app.core.pricing", "app.billing.pricing"))
    assert "+#: The price, from :data:`app.billing.pricing.PRICE`." in outcome.diff
    review = outcome.summary.as_dict()["strings_for_review"]
    assert [(path, line) for path, line, _ in review] == [  # type: ignore[attr-defined]
        ("app/user.py", 4)
    ]


def test_a_review_line_is_counted_in_the_file_as_written(tmp_path: Path) -> None:
    user = (
        "from app.core import pricing, rates\n"  # split in two: one line more
        "\n"
        "X = pricing.PRICE, rates\n"
        'NOTE = "see app.core.pricing for prices"\n'
    )
    root = make_repo(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/core/__init__.py": "",
            "app/core/rates.py": "",
            "app/core/pricing.py": "PRICE = 1\n",
            "app/user.py": user,
        },
    )
    outcome = move_module(MoveRequest(root, "app.core.pricing", "app.billing.pricing"))
    after = outcome.diff
    review = outcome.summary.as_dict()["strings_for_review"]
    assert [(path, line) for path, line, _ in review] == [  # type: ignore[attr-defined]
        ("app/user.py", 5)
    ], after
    move_module(MoveRequest(root, "app.core.pricing", "app.billing.pricing"), apply=True)
    written = (root / "app/user.py").read_text(encoding="utf-8").splitlines()
    assert written[5 - 1] == 'NOTE = "see app.core.pricing for prices"'
