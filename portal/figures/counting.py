"""The counts behind an area's figures: a fixed handful of grouped queries, then cached.

Nothing here reads ``MatchRequest``: requests are counted from the area's
tallies of their anonymous facts (``tallies.py``), opportunities from the
opportunities' own tables. Each query is grouped, so its rows are bounded by
months × kinds, distinct hours or activities × commitments, never by the
number of requests. The result is plain
numbers, kept in the shared cache for ``FIGURES_CACHE_SECONDS`` (the figures
are allowed to be that old; the page cache keeps the page for as long again).
"""

from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Q, Sum
from django.utils import timezone

from portal.opportunities.models import OpportunityPage

from .models import RequestFact, Tally
from .tallies import COUNT_MEASURES, HOURS_MEASURES

MONTHS = 12
CACHE_VERSION = 1


def last_months(today, count=MONTHS):
    """The first days of the ``count`` months up to and including ``today``'s, oldest first."""
    year, month = today.year, today.month
    months = []
    for _ in range(count):
        months.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def _by_month_and_kind(tallies):
    # A count's tallies have one row per month, kind and measure: nothing to group.
    rows = tallies.filter(value=0, measure__in=COUNT_MEASURES).values_list(
        "month", "kind", "measure", "number")
    return month_rows(rows)


def month_rows(rows):
    """Tally rows ``(month, kind, measure, number)`` as one entry per month and kind."""
    per = {}
    for month, kind, measure, number in rows:
        key = (month.isoformat(), kind)
        entry = per.setdefault(key, {"month": key[0], "kind": kind,
                                     **dict.fromkeys(COUNT_MEASURES, 0)})
        entry[measure] = number
    return list(per.values())


def _hours_histograms(tallies):
    """``{measure: [(hours, kind, requests)]}`` for first contact and match, months summed."""
    measures = {measure: field for measure, field in HOURS_MEASURES}
    rows = tallies.filter(measure__in=measures).values("measure", "kind", "value").annotate(
        number=Sum("number")).filter(number__gt=0).order_by()
    histograms = {field: [] for field in measures.values()}
    for row in rows:
        histograms[measures[row["measure"]]].append((row["value"], row["kind"], row["number"]))
    return histograms


def _open_opportunities(area):
    opportunities = OpportunityPage.objects.open().filter(**area.opportunity_filter())
    through = OpportunityPage.activities.through.objects.filter(
        opportunitypage__in=opportunities.values("pk"))
    rows = through.values("activity__name", "opportunitypage__commitment").annotate(
        opportunities=Count("opportunitypage", distinct=True)).order_by()
    return [(row["activity__name"], row["opportunitypage__commitment"], row["opportunities"])
            for row in rows]


def _by_opportunity(facts):
    rows = facts.values("opportunity_id", "opportunity__title").annotate(
        requests=Count("pk"), matched=Count("pk", filter=Q(matched=True))).order_by()
    return [(row["opportunity_id"], row["opportunity__title"], row["requests"], row["matched"])
            for row in rows]


def compute(area, today):
    months = last_months(today)
    tallies = Tally.objects.filter(area=area.cache_key, month__gte=months[0])
    counts = {
        "months": [month.isoformat() for month in months],
        "by_month": _by_month_and_kind(tallies),
        **_hours_histograms(tallies),
        "open_opportunities": _open_opportunities(area),
    }
    if area.kind == "organisation":
        # One organisation's facts are few enough to count directly.
        facts = RequestFact.objects.filter(month__gte=months[0], **area.fact_filter())
        counts["by_opportunity"] = _by_opportunity(facts)
    return counts


def counts_for(area):
    """The area's counts for the last twelve months, from the cache when they are there."""
    today = timezone.localdate()
    key = f"figures:v{CACHE_VERSION}:{area.cache_key}:{today.isoformat()}"
    counts = cache.get(key)
    if counts is None:
        counts = compute(area, today)
        cache.set(key, counts, settings.FIGURES_CACHE_SECONDS)
    return counts
