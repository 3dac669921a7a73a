"""Times in Copenhagen time, wherever Django or Wagtail would show the stored UTC.

Templates convert an aware datetime to the current time zone by themselves;
these are the places that do not: text written in Python (mails, feeds, form
errors), the inspect view (it localizes the value but never converts it) and
the spreadsheet exports (Wagtail writes XLSX datetimes as naive UTC and CSV
ones as ``str()``, which keeps ``+00:00``).
"""

from datetime import datetime

from django.utils import formats, timezone
from wagtail.admin.ui.fields import BaseFieldDisplay


def local_format(value, format_name="DATE_FORMAT"):
    """A date or moment as the active language writes it, a moment in Copenhagen time.

    ``format_name`` is one of Django's or ours (``portal/formats``), never a pattern:
    how a date reads in each language is decided there, once.
    """
    day = timezone.localtime(value) if isinstance(value, datetime) else value
    return formats.date_format(day, format_name)


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
