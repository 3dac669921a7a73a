"""The counts behind an area's figures: a fixed handful of grouped queries, then cached.

Nothing here reads ``MatchRequest``: requests are counted from their
anonymous facts, opportunities from the opportunities' own tables. Each query
is grouped, so its rows are bounded by months × kinds, distinct hours or
activities × commitments, never by the number of requests. The result is plain
numbers, kept in the shared cache for ``FIGURES_CACHE_SECONDS`` (the figures
are allowed to be that old; the page cache keeps the page for as long again).
"""

from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Q
from django.utils import timezone

from portal.matching.models import FollowUpAnswer
from portal.opportunities.models import OpportunityPage

from .models import RequestFact

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


def _by_month_and_kind(facts):
    answers = {f"answer_{answer}": Count("pk", filter=Q(followup_answer=answer))
               for answer in FollowUpAnswer.values}
    rows = facts.values("month", "kind").annotate(
        requests=Count("pk"), matched=Count("pk", filter=Q(matched=True)), **answers
    ).order_by()
    return [{**row, "month": row["month"].isoformat()} for row in rows]


def _hours_histogram(facts, field):
    rows = facts.filter(**{f"{field}__isnull": False}).values(field, "kind").annotate(
        requests=Count("pk")).order_by()
    return [(row[field], row["kind"], row["requests"]) for row in rows]


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
    facts = RequestFact.objects.filter(month__gte=months[0], **area.fact_filter())
    counts = {
        "months": [month.isoformat() for month in months],
        "by_month": _by_month_and_kind(facts),
        "hours_to_contact": _hours_histogram(facts, "hours_to_contact"),
        "hours_to_match": _hours_histogram(facts, "hours_to_match"),
        "open_opportunities": _open_opportunities(area),
    }
    if area.kind == "organisation":
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
