from datetime import date, datetime, timezone
from decimal import Decimal

import pytest

from shop import reporting
from shop.reporting import (
    Sale,
    moving_average,
    parse_sales,
    percentile,
    render_csv,
    render_markdown,
    render_table,
    summary,
)

CSV = """when,sku,quantity,unit_price
2024-03-01T10:00:00+00:00,apple,3,0.50
2024-03-01T12:00:00+00:00,pear,1,1.25
2024-03-02T09:30:00+00:00,apple,10,0.45
"""


def test_figures() -> None:
    sales = parse_sales(CSV)
    assert reporting.totals_by_day(sales) == {
        date(2024, 3, 1): Decimal("2.75"),
        date(2024, 3, 2): Decimal("4.50"),
    }
    assert moving_average([Decimal(1), Decimal(2), Decimal(4)], 2) == [
        Decimal("1.50"),
        Decimal("3.00"),
    ]
    assert percentile([Decimal(1), Decimal(3)], 0.5) == Decimal("2.00")
    figures = summary(sales)
    assert figures.units == 14
    assert figures.best == (date(2024, 3, 2), Decimal("4.50"))


def test_rendering() -> None:
    rows = [("apple", Decimal("1.5")), ("pear", None)]
    assert render_table(("sku", "amount"), rows) == (
        "sku    amount\n-----  ------\napple    1.50\npear   -\n"
    )
    assert render_markdown(("a|b",), [("x",)]) == "| a\\|b |\n|---|\n| x |\n"
    assert render_csv(("sku",), [("a,b",)]) == 'sku\n"a,b"\n'
    when = datetime(2024, 1, 1, tzinfo=timezone.utc)
    text = reporting.render_daily([Sale(when, "a", 1, Decimal(2))], window=1)
    assert "2024-01-01" in text


def test_bad_csv() -> None:
    with pytest.raises(ValueError, match="line 2"):
        parse_sales("when,sku,quantity,unit_price\nnot a date,a,1,1\n")


def test_more_figures_and_pictures() -> None:
    sales = parse_sales(CSV)
    assert reporting.top_skus(sales, 1) == [("apple", Decimal("6.00"))]
    assert reporting.units_by_sku(sales) == {"apple": 13, "pear": 1}
    assert reporting.totals_by_weekday(sales)["Fri"] == Decimal("2.75")
    assert reporting.outliers(sales) == []
    assert reporting.period_growth(sales, date(2024, 3, 2)) == Decimal("0.6364")
    assert '<td class="num">' in reporting.render_html(("n",), [(1,)])
    assert reporting.render_bars({"a": Decimal(2), "b": Decimal(1)}, width=2) == (
        "a ## 2.00\nb # 1.00\n"
    )
    report = reporting.render_report(sales, markdown=True)
    assert report.startswith("# Sales report")


def test_refunds_and_more_rendering() -> None:
    sales = parse_sales(CSV)
    when = datetime(2024, 3, 2, 18, tzinfo=timezone.utc)
    refunds = [reporting.Refund(when, "apple", Decimal("0.45"))]
    assert reporting.net_by_day(sales, refunds)[date(2024, 3, 2)] == Decimal("4.05")
    assert reporting.refund_rate(sales, refunds) == Decimal("0.0621")
    assert reporting.render_sparkline([Decimal(0), Decimal(7)]) == " #"
    assert reporting.render_json_rows(("a",), [(Decimal(1),)]) == [{"a": "1.00"}]
    assert "p50" in reporting.render_percentiles(sales)
