"""Sales reporting: figures from sales, and their rendering as text, Markdown and CSV."""

from __future__ import annotations

import csv
import io
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from decimal import ROUND_HALF_EVEN, Decimal

CENT = Decimal("0.01")
COLUMN_GAP = 2


@dataclass(frozen=True)
class Sale:
    """One sale: when, what, how many, at which unit price."""

    when: datetime
    sku: str
    quantity: int
    unit_price: Decimal

    @property
    def amount(self) -> Decimal:
        return _money(self.unit_price * self.quantity)

    @property
    def day(self) -> date:
        return self.when.astimezone(timezone.utc).date()


def _money(value: Decimal) -> Decimal:
    """`value` rounded to the cent, half to even."""
    return value.quantize(CENT, rounding=ROUND_HALF_EVEN)


def _check_window(window: int) -> None:
    if window < 1:
        raise ValueError(f"window must be at least 1, got {window}")


def totals_by_day(sales: Iterable[Sale]) -> dict[date, Decimal]:
    """The amount sold on each day (UTC), days in order."""
    totals: dict[date, Decimal] = defaultdict(Decimal)
    for sale in sales:
        totals[sale.day] += sale.amount
    return {day: _money(totals[day]) for day in sorted(totals)}


def totals_by_sku(sales: Iterable[Sale]) -> dict[str, Decimal]:
    """The amount sold of each SKU, SKUs in order."""
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for sale in sales:
        totals[sale.sku] += sale.amount
    return {sku: _money(totals[sku]) for sku in sorted(totals)}


def moving_average(values: Sequence[Decimal], window: int) -> list[Decimal]:
    """The mean of each run of `window` consecutive values (none when there are fewer)."""
    _check_window(window)
    if len(values) < window:
        return []
    running = sum(values[:window], Decimal(0))
    averages = [_money(running / window)]
    for index in range(window, len(values)):
        running += values[index] - values[index - window]
        averages.append(_money(running / window))
    return averages


def percentile(values: Sequence[Decimal], fraction: float) -> Decimal:
    """The value below which `fraction` of `values` fall (linear interpolation)."""
    if not values:
        raise ValueError("no values")
    if not 0 <= fraction <= 1:
        raise ValueError(f"fraction must be within [0, 1], got {fraction}")
    ordered = sorted(values)
    position = fraction * (len(ordered) - 1)
    low, high = math.floor(position), math.ceil(position)
    weight = Decimal(str(position - low))
    return _money(ordered[low] + (ordered[high] - ordered[low]) * weight)


def best_day(sales: Iterable[Sale]) -> tuple[date, Decimal] | None:
    """The day with the largest amount sold (the earliest of equals), None without sales."""
    totals = totals_by_day(sales)
    if not totals:
        return None
    best = max(totals.values())
    day = min(d for d, amount in totals.items() if amount == best)
    return day, best


def growth(previous: Decimal, current: Decimal) -> Decimal | None:
    """Relative change from `previous` to `current`, None when `previous` is zero."""
    if previous == 0:
        return None
    return ((current - previous) / previous).quantize(Decimal("0.0001"))


@dataclass(frozen=True)
class Summary:
    """The headline figures of a period."""

    sales: int
    units: int
    amount: Decimal
    median_sale: Decimal
    best: tuple[date, Decimal] | None

    @property
    def average_sale(self) -> Decimal:
        return _money(self.amount / self.sales) if self.sales else Decimal(0)

    def rows(self) -> list[tuple[str, str]]:
        best = "-" if self.best is None else f"{self.best[0].isoformat()} ({self.best[1]})"
        return [
            ("sales", str(self.sales)),
            ("units", str(self.units)),
            ("amount", str(self.amount)),
            ("average sale", str(self.average_sale)),
            ("median sale", str(self.median_sale)),
            ("best day", best),
        ]


def summary(sales: Sequence[Sale]) -> Summary:
    """The headline figures of `sales`."""
    amounts = [s.amount for s in sales]
    return Summary(
        sales=len(sales),
        units=sum(s.quantity for s in sales),
        amount=_money(sum(amounts, Decimal(0))),
        median_sale=percentile(amounts, 0.5) if amounts else Decimal(0),
        best=best_day(sales),
    )


def parse_sales(text: str) -> list[Sale]:
    """Sales from CSV text with the header `when,sku,quantity,unit_price`."""
    reader = csv.DictReader(io.StringIO(text))
    missing = {"when", "sku", "quantity", "unit_price"} - set(reader.fieldnames or ())
    if missing:
        raise ValueError(f"missing columns: {', '.join(sorted(missing))}")
    sales = []
    for line, row in enumerate(reader, start=2):
        try:
            sales.append(
                Sale(
                    when=datetime.fromisoformat(row["when"]),
                    sku=row["sku"].strip(),
                    quantity=int(row["quantity"]),
                    unit_price=Decimal(row["unit_price"]),
                )
            )
        except (ValueError, ArithmeticError) as exc:
            raise ValueError(f"line {line}: {exc}") from exc
    return sales


def totals_by_weekday(sales: Iterable[Sale]) -> dict[str, Decimal]:
    """The amount sold on each weekday, Monday first."""
    names = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    totals = dict.fromkeys(names, Decimal(0))
    for sale in sales:
        totals[names[sale.day.weekday()]] += sale.amount
    return {name: _money(amount) for name, amount in totals.items()}


def totals_by_hour(sales: Iterable[Sale]) -> dict[int, Decimal]:
    """The amount sold in each hour of the day (UTC), hours in order, empty hours left out."""
    totals: dict[int, Decimal] = defaultdict(Decimal)
    for sale in sales:
        totals[sale.when.astimezone(timezone.utc).hour] += sale.amount
    return {hour: _money(totals[hour]) for hour in sorted(totals)}


def units_by_sku(sales: Iterable[Sale]) -> dict[str, int]:
    """The units sold of each SKU, SKUs in order."""
    units: dict[str, int] = defaultdict(int)
    for sale in sales:
        units[sale.sku] += sale.quantity
    return {sku: units[sku] for sku in sorted(units)}


def top_skus(sales: Iterable[Sale], count: int = 3) -> list[tuple[str, Decimal]]:
    """The `count` SKUs with the largest amounts, largest first (ties by name)."""
    if count < 0:
        raise ValueError(f"count must not be negative, got {count}")
    totals = totals_by_sku(sales)
    ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
    return ranked[:count]


def share_by_sku(sales: Sequence[Sale]) -> dict[str, Decimal]:
    """Each SKU's share of the amount sold, as a fraction with four places."""
    totals = totals_by_sku(sales)
    whole = sum(totals.values(), Decimal(0))
    if whole == 0:
        return dict.fromkeys(totals, Decimal(0))
    return {sku: (amount / whole).quantize(Decimal("0.0001")) for sku, amount in totals.items()}


def _spread(values: Sequence[Decimal]) -> Decimal:
    """The population standard deviation of `values`."""
    mean = sum(values, Decimal(0)) / len(values)
    variance = sum(((v - mean) ** 2 for v in values), Decimal(0)) / len(values)
    return variance.sqrt()


def outliers(sales: Sequence[Sale], *, limit: Decimal = Decimal(3)) -> list[Sale]:
    """The sales whose amount lies more than `limit` standard deviations from the mean."""
    if len(sales) < 2:
        return []
    amounts = [s.amount for s in sales]
    spread = _spread(amounts)
    if spread == 0:
        return []
    mean = sum(amounts, Decimal(0)) / len(amounts)
    return [s for s in sales if abs(s.amount - mean) / spread > limit]


def period_growth(sales: Sequence[Sale], split: date) -> Decimal | None:
    """Growth of the amount sold from before `split` to `split` and after."""
    before = sum((s.amount for s in sales if s.day < split), Decimal(0))
    after = sum((s.amount for s in sales if s.day >= split), Decimal(0))
    return growth(before, after)


@dataclass(frozen=True)
class Refund:
    """Money given back for a sale of `sku` on `when`."""

    when: datetime
    sku: str
    amount: Decimal

    @property
    def day(self) -> date:
        return self.when.astimezone(timezone.utc).date()


def net_by_day(sales: Iterable[Sale], refunds: Iterable[Refund]) -> dict[date, Decimal]:
    """The amount sold on each day less the refunds of that day."""
    net: dict[date, Decimal] = defaultdict(Decimal)
    for day, amount in totals_by_day(sales).items():
        net[day] += amount
    for refund in refunds:
        net[refund.day] -= refund.amount
    return {day: _money(net[day]) for day in sorted(net)}


def refund_rate(sales: Sequence[Sale], refunds: Sequence[Refund]) -> Decimal:
    """Refunds as a fraction of the amount sold (four places; zero without sales)."""
    sold = sum((s.amount for s in sales), Decimal(0))
    if sold == 0:
        return Decimal(0)
    given = sum((r.amount for r in refunds), Decimal(0))
    return (given / sold).quantize(Decimal("0.0001"))


def _cell(value: object) -> str:
    """A value as a table cell: decimals with two places, dates in ISO form, None as `-`."""
    if value is None:
        return "-"
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def _widths(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[int]:
    """The width of each column: its widest cell, header included."""
    widths = [len(h) for h in header]
    for row in rows:
        if len(row) != len(header):
            raise ValueError(f"row has {len(row)} cells, the header {len(header)}")
        for index, cell in enumerate(row):
            widths[index] = max(widths[index], len(cell))
    return widths


def _numeric(cell: str) -> bool:
    """Does the cell hold a number (right-aligned in tables)?"""
    try:
        Decimal(cell)
    except ArithmeticError:
        return False
    return cell not in {"NaN", "Infinity", "-Infinity"}


def _align(cell: str, width: int) -> str:
    return cell.rjust(width) if _numeric(cell) else cell.ljust(width)


def render_table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A plain-text table: header, a rule, then the rows; numbers right-aligned."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = _widths(header, cells)
    gap = " " * COLUMN_GAP
    lines = [gap.join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append(gap.join("-" * w for w in widths))
    for row in cells:
        lines.append(gap.join(_align(c, w) for c, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines) + "\n"


def _escape_markdown(cell: str) -> str:
    """A cell safe inside a Markdown table: pipes and line breaks escaped."""
    return cell.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def render_markdown(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A GitHub Markdown table; numeric columns right-aligned."""
    cells = [[_escape_markdown(_cell(v)) for v in row] for row in rows]
    _widths(header, cells)
    numeric = [
        bool(cells) and all(_numeric(row[index]) for row in cells) for index in range(len(header))
    ]
    lines = ["| " + " | ".join(_escape_markdown(h) for h in header) + " |"]
    lines.append("|" + "|".join("---:" if n else "---" for n in numeric) + "|")
    lines.extend("| " + " | ".join(row) + " |" for row in cells)
    return "\n".join(lines) + "\n"


def render_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """CSV text with a header row (RFC 4180 quoting, `\\n` line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return buffer.getvalue()


def render_summary(figures: Summary, *, markdown: bool = False) -> str:
    """The summary as a two-column table."""
    rows = figures.rows()
    if markdown:
        return render_markdown(("figure", "value"), rows)
    return render_table(("figure", "value"), rows)


def render_daily(sales: Iterable[Sale], *, window: int = 7, markdown: bool = False) -> str:
    """Each day's amount with its moving average over `window` days."""
    totals = totals_by_day(sales)
    days, amounts = list(totals), list(totals.values())
    averages = moving_average(amounts, window) if len(amounts) >= window else []
    padded: list[Decimal | None] = [None] * (len(amounts) - len(averages)) + list(averages)
    rows = list(zip(days, amounts, padded, strict=True))
    header = ("day", "amount", f"{window}-day average")
    return render_markdown(header, rows) if markdown else render_table(header, rows)


def _escape_html(cell: str) -> str:
    return cell.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_html(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """An HTML table (no styles), cells escaped, numeric cells with class `num`."""
    lines = ["<table>", "  <thead>", "    <tr>"]
    lines.extend(f"      <th>{_escape_html(h)}</th>" for h in header)
    lines.extend(["    </tr>", "  </thead>", "  <tbody>"])
    for row in rows:
        cells = [_cell(v) for v in row]
        _widths(header, [cells])
        lines.append("    <tr>")
        for cell in cells:
            attribute = ' class="num"' if _numeric(cell) else ""
            lines.append(f"      <td{attribute}>{_escape_html(cell)}</td>")
        lines.append("    </tr>")
    lines.extend(["  </tbody>", "</table>"])
    return "\n".join(lines) + "\n"


def render_bars(values: dict[str, Decimal], *, width: int = 40) -> str:
    """A horizontal bar chart in text, one bar per key, scaled to the largest value."""
    if width < 1:
        raise ValueError(f"width must be at least 1, got {width}")
    if not values:
        return ""
    largest = max(values.values())
    label = max(len(k) for k in values)
    lines = []
    for key, value in values.items():
        length = 0 if largest <= 0 else int(value / largest * width)
        lines.append(f"{key.ljust(label)} {'#' * length} {_cell(value)}")
    return "\n".join(lines) + "\n"


def render_top(sales: Iterable[Sale], count: int = 3, *, markdown: bool = False) -> str:
    """The top SKUs as a table with their rank."""
    rows = [(rank, sku, amount) for rank, (sku, amount) in enumerate(top_skus(sales, count), 1)]
    header = ("rank", "sku", "amount")
    return render_markdown(header, rows) if markdown else render_table(header, rows)


def render_report(sales: Sequence[Sale], *, markdown: bool = False) -> str:
    """The whole report: the summary, the top SKUs and the daily figures."""
    title = "# Sales report\n\n" if markdown else "Sales report\n============\n\n"
    parts = [
        title,
        render_summary(summary(sales), markdown=markdown),
        "\n",
        render_top(sales, markdown=markdown),
        "\n",
        render_daily(sales, markdown=markdown),
    ]
    return "".join(parts)


_SPARKS = " .:-=+*#"


def render_sparkline(values: Sequence[Decimal]) -> str:
    """One character per value, taller for larger values (blank for the smallest)."""
    if not values:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return _SPARKS[len(_SPARKS) // 2] * len(values)
    steps = len(_SPARKS) - 1
    return "".join(_SPARKS[int((v - low) / (high - low) * steps)] for v in values)


def render_json_rows(header: Sequence[str], rows: Iterable[Sequence[object]]) -> list[dict[str, str]]:
    """The rows as dictionaries keyed by the header, cells as in the text table."""
    records = []
    for row in rows:
        cells = [_cell(v) for v in row]
        _widths(header, [cells])
        records.append(dict(zip(header, cells, strict=True)))
    return records


def render_percentiles(sales: Sequence[Sale], *, markdown: bool = False) -> str:
    """The amount of a sale at the usual percentiles, as a two-column table."""
    amounts = [s.amount for s in sales]
    if not amounts:
        return ""
    rows = [
        (f"p{round(fraction * 100)}", percentile(amounts, fraction))
        for fraction in (0.1, 0.25, 0.5, 0.75, 0.9)
    ]
    if markdown:
        return render_markdown(("percentile", "amount"), rows)
    return render_table(("percentile", "amount"), rows)
