"""Each figure as CSV and as JSON, made from the same ``Figure`` as its table.

A hidden count is ``<5`` in CSV and ``null`` in JSON (with the threshold
said once at the top), never the number. Every CSV cell goes through the one
spreadsheet formula guard (``portal.core.csv_cells``).
"""

import csv
import json

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core.csv_cells import spreadsheet_safe

from .suppression import THRESHOLD

FORMATS = ("csv", "json")


def _filename(figure, area, extension):
    place = area.parameter or ("organisation-" + str(area.pk) if area.pk else "hele-landet")
    return f"tal-{figure.slug}-{place}.{extension}"


def _attachment(response, name):
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def as_csv(figure, area):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response.write("\ufeff")  # so spreadsheet programs read the Danish letters right
    writer = csv.writer(response)
    writer.writerow([spreadsheet_safe(text) for text in [figure.row_heading, *figure.columns]])
    for row in figure.rows:
        values = [f"<{THRESHOLD}" if cell.hidden else cell.value for cell in row.cells]
        writer.writerow([spreadsheet_safe(value) for value in [row.key, *values]])
    return _attachment(response, _filename(figure, area, "csv"))


def as_json(figure, area):
    data = {
        "figure": figure.slug,
        "title": str(figure.title),
        "area": str(area.name),
        "made": timezone.localtime().isoformat(timespec="seconds"),
        "hidden": _("null betyder under %(threshold)d henvendelser, eller skjult, så et lille "
                    "tal ikke kan regnes ud fra de andre") % {"threshold": THRESHOLD},
        "columns": [str(column) for column in figure.columns],
        "rows": [{"key": row.key, "label": str(row.label),
                  "values": [cell.value for cell in row.cells]} for row in figure.rows],
    }
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=2),
                            content_type="application/json; charset=utf-8")
    return _attachment(response, _filename(figure, area, "json"))


def download(figure, area, extension):
    return as_csv(figure, area) if extension == "csv" else as_json(figure, area)
