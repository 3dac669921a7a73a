"""The geometry of the server-drawn SVG charts; templates/figures/includes draws them.

Two kinds: lying bars (one value per row) and grouped columns (months, one
column per kind). A hidden value gets no bar, only the words "under 5" in
the table beside the chart. The chart is an image with a title and a
description; the numbers are read from the table, not the drawing.
"""

from datetime import date

from django.utils import formats

WIDTH = 640
LABEL_WIDTH = 210
BAR_AREA = 330
ROW_HEIGHT = 30
BAR_HEIGHT = 18
LABEL_CHARACTERS = 28

PLOT_LEFT = 56
PLOT_TOP = 40
PLOT_HEIGHT = 190
AXIS_ROOM = 34


def short(label):
    return label if len(label) <= LABEL_CHARACTERS else label[:LABEL_CHARACTERS - 1] + "…"


def bar_chart(figure, column, unit, leave_out_last=False):
    """Lying bars: one per row, the value of ``column``; percentages run to 100."""
    rows = figure.rows[:-1] if leave_out_last else figure.rows
    values = [row.cells[column].value for row in rows]
    top = 100 if unit == "%" else max([value for value in values if value] or [1])
    bars = []
    for position, (row, value) in enumerate(zip(rows, values, strict=True)):
        y = 8 + position * ROW_HEIGHT
        width = round(BAR_AREA * (value or 0) / top, 1)
        bars.append({
            "label": short(row.label), "y": y, "text_y": y + BAR_HEIGHT - 4,
            "width": width, "shown": value is not None,
            "value_x": LABEL_WIDTH + width + 6,
            "value_text": row.cells[column].text if unit in ("", "%") or value is None
            else f"{row.cells[column].text} {unit}",
        })
    return {"kind": "bars", "width": WIDTH, "height": 16 + len(rows) * ROW_HEIGHT,
            "bar_height": BAR_HEIGHT, "label_x": LABEL_WIDTH - 8, "bar_x": LABEL_WIDTH,
            "bars": bars}


def _nice_top(value):
    """The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least ``value``."""
    magnitude = 1
    while True:
        for step in (1, 2, 2.5, 5):
            if step * magnitude >= value:
                return int(step * magnitude) if step * magnitude >= 1 else 1
        magnitude *= 10


def column_chart(figure, series):
    """Columns grouped by row (a month), one per series (a kind); the last row is the total."""
    rows = figure.rows[:-1]
    values = [[cell.value for cell in row.cells[:series]] for row in rows]
    top = _nice_top(max([v for group in values for v in group if v] or [1]))
    plot_width = WIDTH - PLOT_LEFT - 8
    group_width = plot_width / max(len(rows), 1)
    column_width = round(group_width * 0.8 / series, 1)
    baseline = PLOT_TOP + PLOT_HEIGHT
    groups = []
    for position, (row, group) in enumerate(zip(rows, values, strict=True)):
        left = PLOT_LEFT + position * group_width + group_width * 0.1
        columns = []
        for number, value in enumerate(group):
            height = round(PLOT_HEIGHT * (value or 0) / top, 1)
            columns.append({"x": round(left + number * column_width, 1), "y": baseline - height,
                            "height": height, "series": number, "shown": value is not None})
        month = date.fromisoformat(f"{row.key}-01")
        groups.append({"columns": columns, "label": formats.date_format(month, "M"),
                       "label_x": round(left + group_width * 0.4, 1)})
    ticks = [{"y": baseline - PLOT_HEIGHT * share, "text": formats.number_format(
        top * share, decimal_pos=0 if top * share == int(top * share) else 1,
        force_grouping=True)} for share in (0, 0.5, 1)]
    legend = [{"x": PLOT_LEFT + number * 200, "text_x": PLOT_LEFT + number * 200 + 20,
               "series": number, "text": figure.columns[number]} for number in range(series)]
    return {"kind": "columns", "width": WIDTH, "height": baseline + AXIS_ROOM,
            "column_width": column_width, "baseline": baseline, "plot_left": PLOT_LEFT,
            "plot_right": WIDTH - 8, "groups": groups, "ticks": ticks, "legend": legend,
            "label_y": baseline + 20}
