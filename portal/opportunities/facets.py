"""How many results each filter choice would give, in one query.

Counts are disjunctive: a choice's number counts the results of every *other*
filter that has that choice, so ticking a second municipality adds exactly
its number to the results. Every facet is one GROUP BY over the results of
the other filters, and all of them travel as a single UNION ALL, so the
number of queries stays the same whatever is chosen or stored.
"""

import hashlib

from django.core.cache import cache
from django.db.models import Case, CharField, Count, F, Value, When
from django.db.models.functions import Cast
from django.utils import timezone

from .filters import M2M_FILTERS
from .models import OpportunityPage

TOTAL = "total"
VERSION_KEY = "opportunities:listing-version"
# Bounds how stale counts can be where a cache is not shared between processes.
COUNTS_CACHE_SECONDS = 60
BOOLEAN_FACETS = {
    "uden_boerneattest": {"requires_child_certificate": False},
    "online": {"is_online": True},
}


def _label(name):
    return Value(name, output_field=CharField())


def _flag(condition):
    """'1' where ``condition`` holds, '0' elsewhere: a grouping key both databases agree on."""
    return Case(When(then=Value("1"), **condition), default=Value("0"), output_field=CharField())


def listing_version():
    return cache.get_or_set(VERSION_KEY, 1, timeout=None)


def listing_changed(**kwargs):
    """Forget every cached count: an opportunity, its taxonomies or its shifts changed."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, timeout=None)


def cached_facet_counts(filterset, base):
    """``facet_counts``, remembered briefly per filter combination.

    Counting every facet over all open opportunities is the listing's one
    expensive query at scale, and most visitors ask for the same few
    combinations. The key holds today's date (expiry), and the version that
    publishing, unpublishing or changing an opportunity or shift moves on.
    """
    applied = sorted(
        (name, sorted(map(str, value)) if isinstance(value, list) else str(value))
        for name, value in filterset.values.items()
        if name != "sorter"
    )
    digest = hashlib.sha256(repr(applied).encode()).hexdigest()[:32]
    key = f"opportunities:facets:{listing_version()}:{timezone.localdate()}:{digest}"
    counts = cache.get(key)
    if counts is None:
        counts = facet_counts(filterset, base)
        cache.set(key, counts, COUNTS_CACHE_SECONDS)
    return counts


def facet_counts(filterset, base):
    """{facet name: {key: count}}, where key is a taxonomy id, a commitment or '1'.

    ``TOTAL`` holds the number of results with every filter applied.
    """

    def others(name):
        return filterset.filter_queryset(base, exclude=name).order_by()

    parts = []
    for name, (field, column) in M2M_FILTERS.items():
        through = getattr(OpportunityPage, field).through.objects
        parts.append(
            through.filter(opportunitypage_id__in=others(name).values("pk"))
            .order_by()
            .values(facet=_label(name), key=Cast(column, CharField()))
            .annotate(n=Count("opportunitypage_id"))
        )
    through = OpportunityPage.municipalities.through.objects
    parts.append(
        through.filter(opportunitypage_id__in=others("region").values("pk"))
        .order_by()
        .values(facet=_label("region"), key=Cast("municipality__region_id", CharField()))
        .annotate(n=Count("opportunitypage_id", distinct=True))
    )
    parts.append(
        others("type").values(facet=_label("type"), key=F("commitment")).annotate(n=Count("pk"))
    )
    for name, condition in BOOLEAN_FACETS.items():
        parts.append(
            others(name).values(facet=_label(name), key=_flag(condition)).annotate(n=Count("pk"))
        )
    parts.append(
        others(None).values(facet=_label(TOTAL), key=_flag({"pk__isnull": False}))
        .annotate(n=Count("pk"))
    )

    counts = {}
    for row in parts[0].union(*parts[1:], all=True):
        counts.setdefault(row["facet"], {})[str(row["key"])] = row["n"]
    counts[TOTAL] = counts.get(TOTAL, {}).get("1", 0)
    return counts
