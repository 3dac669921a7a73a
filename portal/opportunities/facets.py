"""How many results each filter choice would give, in one query.

Counts are disjunctive: a choice's number counts the results of every *other*
filter that has that choice, so ticking a second municipality adds exactly
its number to the results.

The open opportunities that pass the filters without facets (free text,
dates) are read once, into a common table expression that also says, per
row, which of the applied facet filters it passes. Every facet is then a
GROUP BY over that table (or over a many-to-many table joined to it) that
demands all filters but its own (rows failing two filters are dropped at
once, as no count needs them); the facets travel as one UNION ALL, so the
number of queries stays the same whatever is chosen or stored, and "open"
and each filter are worked out once instead of once per facet.
"""

import hashlib

from django.core.cache import cache
from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, F
from django.utils import timezone

from .filters import BOOLEAN_CONDITIONS, M2M_FILTERS
from .models import OpportunityPage

TOTAL = "total"
VERSION_KEY = "opportunities:listing-version"
# Bounds how stale counts can be where a cache is not shared between processes.
COUNTS_CACHE_SECONDS = 60
BOOLEAN_FACETS = tuple(BOOLEAN_CONDITIONS)
FACETS = (*M2M_FILTERS, "region", "type", *BOOLEAN_FACETS)


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
    applied = filterset.applied()
    facets_applied = [name for name in applied if name in FACETS]
    rows = base.order_by()
    for name in applied:
        if name not in FACETS:
            rows = rows.filter(filterset.condition(name))
    # Boolean facets need their own condition even when not applied: it is what they count.
    passes = {name: filterset.condition(name) for name in facets_applied}
    passes.update({name: condition for name, condition in BOOLEAN_CONDITIONS.items()})
    rows = rows.values(
        o_id=F("pk"), o_commitment=F("commitment"),
        **{f"f_{name}": ExpressionWrapper(condition, output_field=BooleanField())
           for name, condition in passes.items()},
    )
    cte_sql, params = rows.query.sql_with_params()

    def others(name):
        demanded = [f"o.f_{other}" for other in facets_applied if other != name]
        return " AND ".join(demanded) or "1 = 1"

    qn = connection.ops.quote_name
    parts = []
    for name, (field, column) in M2M_FILTERS.items():
        through = getattr(OpportunityPage, field).through._meta.db_table
        parts.append(
            f"SELECT '{name}', CAST(t.{qn(column)} AS TEXT), COUNT(*) FROM {qn(through)} t "
            f"JOIN o ON o.o_id = t.opportunitypage_id WHERE {others(name)} "
            f"GROUP BY t.{qn(column)}"
        )
    through = OpportunityPage.municipalities.through
    municipality = through._meta.get_field("municipality").related_model._meta.db_table
    parts.append(
        f"SELECT 'region', CAST(m.region_id AS TEXT), COUNT(DISTINCT t.opportunitypage_id) "
        f"FROM {qn(through._meta.db_table)} t JOIN o ON o.o_id = t.opportunitypage_id "
        f"JOIN {qn(municipality)} m ON m.id = t.municipality_id WHERE {others('region')} "
        f"GROUP BY m.region_id"
    )
    parts.append(
        f"SELECT 'type', o.o_commitment, COUNT(*) FROM o WHERE {others('type')} "
        f"GROUP BY o.o_commitment"
    )
    for name in BOOLEAN_FACETS:
        parts.append(f"SELECT '{name}', '1', COUNT(*) FROM o WHERE o.f_{name} AND {others(name)}")
    parts.append(f"SELECT '{TOTAL}', '1', COUNT(*) FROM o WHERE {others(None)}")
    # A row that fails two applied filters is in no count: leave it out early.
    failed = " + ".join(f"CASE WHEN a.f_{name} THEN 0 ELSE 1 END" for name in facets_applied)
    relevant = f"({failed}) <= 1" if len(facets_applied) > 1 else "1 = 1"
    sql = (
        f"WITH a AS ({cte_sql}), o AS (SELECT * FROM a WHERE {relevant}) "
        + " UNION ALL ".join(parts)
    )

    counts = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for facet, key, number in cursor.fetchall():
            counts.setdefault(facet, {})[str(key)] = number
    counts[TOTAL] = counts.get(TOTAL, {}).get("1", 0)
    return counts
