"""The dates a need runs between, counted in Copenhagen's calendar."""

import calendar
import datetime

from django.utils import timezone

DEFAULT_MONTHS = 6
MAXIMUM_MONTHS = 12


def add_months(day, months):
    """The same day ``months`` later; the month's last day where it is shorter (31 Aug → 28 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def default_end_date():
    return add_months(timezone.localdate(), DEFAULT_MONTHS)


def latest_end_date():
    return add_months(timezone.localdate(), MAXIMUM_MONTHS)
