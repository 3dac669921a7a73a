"""The listing's filters, kept as a query string, read back with the listing's own code.

An alert follows exactly what /frivilligopgaver/ shows for the same query string:
``OpportunityFilterSet`` cleans it (unknown values dropped with a notice) and filters
the same open opportunities. This module only adds the words for the filters and the
"published since" window.
"""

from urllib.parse import urlencode

from django.http import QueryDict
from django.utils.translation import gettext as _

from portal.matching.languages import day_text
from portal.opportunities.filters import OpportunityFilterSet
from portal.opportunities.models import OpportunityIndexPage, OpportunityPage

# The order only; an alert lists what is new, newest first.
NOT_SAVED = {"sorter", "page"}


def filterset_for(query):
    data = QueryDict(query, mutable=True) if query else None
    return OpportunityFilterSet(data or None)


def saved_query(filterset):
    """The applied filters as a stable query string; invalid values are left out."""
    pairs = []
    for name, value in filterset.values.items():
        if name in NOT_SAVED:
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, bool):
                item = "on"
            pairs.append((name, item.isoformat() if hasattr(item, "isoformat") else item))
    return urlencode(pairs)


def notices(filterset):
    """What the listing would say about the query: unknown values, impossible dates."""
    errors = [
        f"{filterset.form.fields[name].label}: {' '.join(messages)}"
        for name, messages in (filterset.form.errors.items() if filterset.is_bound else ())
        if name in filterset.form.fields
    ]
    return [*filterset.notices, *errors]


def describe(filterset):
    """Each applied filter in words, e.g. "Kommune: Aalborg eller Aarhus", named as the
    listing's own form names them (so in the active language)."""
    words = []
    for name, value in filterset.values.items():
        if name in NOT_SAVED:
            continue
        field = filterset.form.fields[name]
        names = {str(key): str(label) for key, label in getattr(field, "choices", ())}
        if isinstance(value, list):
            words.append(f"{field.label}: "
                         + _(" eller ").join(names.get(item, item) for item in value))
        elif isinstance(value, bool):
            words.append(str(field.label))
        elif hasattr(value, "isoformat"):
            words.append(f"{field.label}: {day_text(value)}")
        elif value in names:
            words.append(f"{field.label}: {names[value]}")
        else:
            words.append(f"{field.label}: “{value}”")
    return words or [_("Alle nye frivilligopgaver")]


def new_matches(query, since, until):
    """Open opportunities first published in ``(since, until]`` that pass the filters."""
    window = OpportunityPage.objects.open().filter(published_at__gt=since,
                                                   published_at__lte=until)
    return filterset_for(query).filter_queryset(window).order_by("-published_at", "-pk")


def listing_path(query):
    """/frivilligopgaver/ with the alert's filters, or ``None`` without a listing page."""
    index = OpportunityIndexPage.objects.live().first()
    parts = index.get_url_parts() if index else None
    if parts is None:
        return None
    return parts[2] + (f"?{query}" if query else "")
