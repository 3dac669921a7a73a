"""Staff read times in Copenhagen time, wherever Wagtail would show the stored UTC.

Templates convert an aware datetime to the current time zone by themselves;
these are the places that do not: the inspect view (it localizes the value
but never converts it) and the spreadsheet exports (Wagtail writes XLSX
datetimes as naive UTC and CSV ones as ``str()``, which keeps ``+00:00``).
"""

from django.utils import formats, timezone
from wagtail.admin.ui.fields import BaseFieldDisplay


class LocalDateTimeDisplay(BaseFieldDisplay):
    """A datetime field in an admin inspect view, in the viewer's time zone."""

    def render_html(self, parent_context=None):
        if self.value is None:
            return "–"
        return formats.localize(timezone.localtime(self.value))


def csv_datetime(value):
    """Copenhagen wall time with its offset, so a spreadsheet cannot mistake the hour."""
    return timezone.localtime(value).isoformat(sep=" ", timespec="seconds")


def xlsx_datetime(value):
    """XLSX cells hold no time zone: write the wall time a Danish reader expects."""
    return timezone.make_naive(value) if timezone.is_aware(value) else value
