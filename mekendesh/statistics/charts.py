"""Charts of published tables: a Vega-Lite chart made with Altair, rendered to SVG on the server by
vl-convert with the DejaVu Sans font shipped in ``fonts/`` (it has the Kyrgyz letters ө ү ң), so
that neither a system font nor the network is used and the page needs no JavaScript.

* the dimensions drawn are those the table is read along (:meth:`TableData.layout`: a dimension
  with one code, such as an official table's one geography, is not drawn), each at the first
  level of its hierarchy only (countries, not countries and their regions; years, not years and
  their months), its total left out, so that nothing is counted twice;
* one dimension: a bar per code, or a line when it is a period with three codes or more;
* two dimensions: grouped bars (the second dimension's codes side by side), or lines when one of
  them is a period (``year``, ``period``, ``month`` …) with three codes or more, one line per code
  of the other;
* more dimensions: the first two, the others at their totals (or their one code).

A suppressed cell is missing (no bar, a gap in a line), never zero. The SVG of a published table
is cached per language: a published table never changes.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from mekendesh.statistics.formats import TableData, public_cells

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu Sans"
PERIOD_DIMENSIONS = frozenset({"year", "period", "month", "quarter", "time", "time_period"})
WIDTH = 560
# A period with fewer codes is drawn as bars: a line needs a few points to say anything.
MIN_LINE_POINTS = 3
_fonts_registered = False
_lock = threading.Lock()


def _register_fonts() -> None:
    global _fonts_registered
    with _lock:
        if not _fonts_registered:
            import vl_convert

            vl_convert.register_font_directory(str(FONT_DIR))
            _fonts_registered = True


def chart_data(table: TableData, language: str) -> tuple[list[dict[str, Any]], list[str]]:
    """The rows the chart draws (at most two dimensions, each at its first level below the total;
    the others at their totals or their one code) and the dimensions drawn."""
    along, fixed = table.layout()
    drawn = along[:2]
    for name in along[2:]:
        codes = table.codes(name)
        fixed[name] = table.totals.get(name) or (codes[-1] if codes else "")
    shown = {name: set(table.codes_at(name, table.depths(name)[0])) for name in drawn}
    rows = []
    for cell in public_cells(table):
        if any(cell.codes[name] != code for name, code in fixed.items()):
            continue
        if any(cell.codes[name] not in shown[name] for name in drawn):
            continue
        row: dict[str, Any] = {"value": cell.value}
        for index, name in enumerate(drawn):
            row[f"d{index}"] = table.label(name, cell.codes[name], language)
        rows.append(row)
    return rows, drawn


def chart_spec(
    table: TableData,
    language: str,
    *,
    dimension_names: dict[str, str] | None = None,
    value_title: str = "",
    time: frozenset[str] = PERIOD_DIMENSIONS,
) -> dict[str, Any]:
    """The chart's Vega-Lite specification (a dict), with its labels in ``language``; ``time``
    names the dimensions that are periods."""
    import altair as alt

    names = dimension_names or {}
    rows, drawn = chart_data(table, language)
    value_title = value_title or table.unit
    orders = [[table.label(dim, code, language) for code in table.codes_at(dim, table.depths(dim)[0])] for dim in drawn]

    def over_time(index: int) -> bool:
        return drawn[index] in time and len(orders[index]) >= MIN_LINE_POINTS

    data = alt.Data(values=rows)
    y = alt.Y("value:Q", title=value_title, axis=alt.Axis(format="~d"))
    base = alt.Chart(data, title=alt.TitleParams(table.title, anchor="start", fontSize=14), width=WIDTH)
    if not drawn:
        chart = base.mark_bar().encode(y=y)
    elif len(drawn) == 1:
        x = alt.X("d0:O" if over_time(0) else "d0:N", title=names.get(drawn[0], drawn[0]), sort=orders[0])
        tooltip = [alt.Tooltip("d0:N"), alt.Tooltip("value:Q")]
        if over_time(0):
            chart = base.mark_line(point=True).encode(x=x, y=y, tooltip=tooltip)
        else:
            x = alt.X("d0:N", title=names.get(drawn[0], drawn[0]), sort=orders[0], axis=alt.Axis(labelAngle=-40))
            chart = base.mark_bar().encode(x=x, y=y, tooltip=tooltip)
    else:
        series, along = (0, 1) if over_time(1) and not over_time(0) else (1, 0)
        if over_time(along):
            chart = base.mark_line(point=True).encode(
                x=alt.X(f"d{along}:O", title=names.get(drawn[along], drawn[along]), sort=orders[along]),
                y=y,
                color=alt.Color(f"d{series}:N", title=names.get(drawn[series], drawn[series]), sort=orders[series]),
            )
        else:
            chart = base.mark_bar().encode(
                x=alt.X(
                    f"d{along}:N",
                    title=names.get(drawn[along], drawn[along]),
                    sort=orders[along],
                    axis=alt.Axis(labelAngle=-40),
                ),
                xOffset=alt.XOffset(f"d{series}:N", sort=orders[series]),
                y=y,
                color=alt.Color(f"d{series}:N", title=names.get(drawn[series], drawn[series]), sort=orders[series]),
            )
    chart = chart.configure(font=FONT).configure_legend(orient="bottom", columns=3).configure_view(stroke=None)
    spec: dict[str, Any] = chart.to_dict()
    spec["description"] = table.title
    return spec


def render_svg(spec: dict[str, Any]) -> str:
    """The chart as SVG, drawn with the shipped font only; no data or font is fetched."""
    import vl_convert

    _register_fonts()
    return vl_convert.vegalite_to_svg(spec, allowed_base_urls=[])


def table_chart_svg(table: TableData, language: str, **labels: Any) -> str:
    return render_svg(chart_spec(table, language, **labels))
