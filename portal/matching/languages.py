"""The language a person used, and how dates read in it.

A person who fills in a form under ``/en/`` gets every later mail in English,
however much later the worker sends it: the language is stored with what
they sent, and each mail is rendered under it. Staff read Danish.
"""

from contextlib import contextmanager

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from portal.core.local_time import local_format

STAFF_LANGUAGE = settings.LANGUAGE_CODE


def supported(code):
    """``code`` if it is one of the portal's languages, else the default (Danish)."""
    try:
        return translation.get_supported_language_variant(code or STAFF_LANGUAGE)
    except LookupError:
        return STAFF_LANGUAGE


def active_language():
    """The language of the page the visitor is on: ``en`` under ``/en/``, else ``da``."""
    return supported(translation.get_language())


@contextmanager
def in_language(code):
    """Render in the person's stored language, whatever the worker has active."""
    with translation.override(supported(code)):
        yield


def day_text(value, weekday=False):
    """"lørdag 12. december 2026" / "Saturday 12 December 2026"; a moment in Copenhagen
    time."""
    return local_format(value, "WEEKDAY_DATE_FORMAT" if weekday else "DATE_FORMAT")


def time_text(value):
    return local_format(value, "TIME_FORMAT")


def span_text(starts_at, ends_at):
    """"lørdag 12. december 2026, 10.00–13.00" / "Saturday 12 December 2026, 10:00–13:00"."""
    return f"{day_text(starts_at, weekday=True)}, {time_text(starts_at)}–{time_text(ends_at)}"


def moment_text(value, weekday=False):
    """"4. december 2026 kl. 07.00" / "4 December 2026 at 07:00"."""
    return _("%(day)s kl. %(time)s") % {"day": day_text(value, weekday=weekday),
                                        "time": time_text(value)}
