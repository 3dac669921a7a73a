"""Small counts hidden across the public pages at once, so no page gives away another's.

A region's count is the sum of its municipalities' counts, and the country's
is the sum of the regions' and of the requests with no municipality (online
opportunities, a referral without a place). Solved page by page, a reader
could take a region's month, subtract all but one of its municipalities'
months and find the one hidden there. So the country, the regions and the
municipalities are solved together: every page's own sums, and for every
count the sum tying an area to the areas inside it. The requests with no
municipality have no page, but the country minus the regions shows them, so
they are solved as if they had one.

The answer is the counts each area's page must hide besides its own small
ones; a page still hides its own small counts from its own, possibly newer,
numbers (``figures.Ledger``). It is computed from one grouped query of the
tallies and cached like the counts.
"""

from collections import defaultdict

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from portal.core.models import Municipality

from .counting import CACHE_VERSION, last_months, month_rows
from .figures import Ledger, request_ledger
from .models import Tally
from .suppression import hidden_cells
from .tallies import COUNT_MEASURES

COUNTRY = "country-0"
NO_MUNICIPALITY = "no-municipality"


def _ledgers(today):
    """Each public area's ledger, and which areas each area is the sum of."""
    months = last_months(today)
    region_of = dict(Municipality.objects.values_list("pk", "region_id"))
    inside = defaultdict(list)
    for municipality, region in region_of.items():
        inside[f"region-{region}"].append(f"municipality-{municipality}")
    inside[COUNTRY] = sorted(inside)
    areas = [COUNTRY, *inside[COUNTRY], *(f"municipality-{pk}" for pk in region_of)]
    rows = Tally.objects.filter(
        area__in=areas, month__gte=months[0], value=0, measure__in=COUNT_MEASURES,
    ).values_list("area", "month", "kind", "measure", "number")
    by_area = defaultdict(list)
    for area, *row in rows:
        by_area[area].append(row)
    month_keys = [month.isoformat() for month in months]
    ledgers = {}
    for area in areas:
        ledgers[area] = Ledger()
        request_ledger({"months": month_keys, "by_month": month_rows(by_area[area])},
                       ledgers[area])
    rest = Ledger()
    for key, value in ledgers[COUNTRY].values.items():
        rest.add(key, value - sum(ledgers[region].values[key] for region in inside[COUNTRY]))
    rest.add_sums(ledgers[COUNTRY].sums)
    ledgers[NO_MUNICIPALITY] = rest
    inside[COUNTRY].append(NO_MUNICIPALITY)
    return ledgers, inside


def solve(today):
    """``{area cache key: {ledger keys to hide}}`` for every public area."""
    ledgers, inside = _ledgers(today)
    values, sums = {}, []
    for area, ledger in ledgers.items():
        values.update({(area, key): value for key, value in ledger.values.items()})
        sums += [((area, total), [(area, part) for part in parts])
                 for total, parts in ledger.sums]
    for outer, areas in inside.items():
        sums += [((outer, key), [(area, key) for area in areas]) for key in ledgers[outer].values]
    hidden = defaultdict(set)
    for area, key in hidden_cells(values, sums):
        hidden[area].add(key)
    return dict(hidden)


def cache_key(today):
    return f"figures:v{CACHE_VERSION}:across:{today.isoformat()}"


def hidden_across(area):
    """The counts ``area``'s public page hides for the other pages' sake; cached."""
    today = timezone.localdate()
    key = cache_key(today)
    hidden = cache.get(key)
    if hidden is None:
        hidden = solve(today)
        cache.set(key, hidden, settings.FIGURES_CACHE_SECONDS)
    return hidden.get(area.cache_key, set())
