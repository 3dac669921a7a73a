"""Cursor pagination: a page starts after the last item of the one before.

A cursor names that item (its id, and for opportunities when it was first
published), so the next page follows it however many items were published
in front of it meanwhile: a client walking every page sees each item once.
Page numbers would shift by one with every new opportunity.
"""

import base64
import binascii
import datetime
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from .errors import BadParameter

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


def encode_cursor(pk, published_at=None):
    text = f"{pk}|{published_at.isoformat() if published_at else ''}"
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_cursor(cursor):
    """``(pk, published_at or None)``; ``BadParameter`` for anything this API did not make."""
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        pk, published = text.split("|")
        published_at = datetime.datetime.fromisoformat(published) if published else None
        pk = int(pk)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pk = None
    # Page ids are the database's 32-bit integers.
    if pk is None or not 0 < pk < 2**31:
        raise BadParameter(
            "cursor", _("Markøren er ugyldig. Brug adressen i “next” fra forrige side.")
        )
    return pk, published_at


def next_url(request, cursor):
    """The address of the next page: this request's own, with the new cursor."""
    pairs = [(name, value) for name, values in request.GET.lists() if name != "cursor"
             for value in values]
    pairs.append(("cursor", cursor))
    return request.build_absolute_uri(f"{request.path}?{urlencode(pairs)}")


def reject_unknown(request, known):
    """A parameter nobody declared is a typo: better a 400 than a silently unfiltered list."""
    for name in request.GET:
        if name not in known:
            raise BadParameter(name, _("Parameteren “%(name)s” findes ikke.") % {"name": name[:40]})


def keyset_page(queryset, cursor, limit):
    """Newest first by id, the page after ``cursor``; ``(rows, cursor of the next or None)``."""
    if cursor:
        pk, _published_at = decode_cursor(cursor)
        queryset = queryset.filter(pk__lt=pk)
    rows = list(queryset.order_by("-pk")[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (encode_cursor(rows[-1].pk) if more else None)
