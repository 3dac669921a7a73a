"""The bounded ranking's PostgreSQL tuning: reading the planner's estimates.

``newest_matches`` is the one entry point ``search.ranking`` calls (with
``serial_plans`` and ``title_holds`` for its queries); on other databases the
ranking collects the newest matches plainly. This module reads PostgreSQL's
planner estimates and modelsearch's index table, so its tests run on
PostgreSQL only (``tests/search/test_bounded_ranking.py``): CI's PostgreSQL
pass of the whole suite is what guards it.
"""

import json
import math
from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, Q
from modelsearch.conf import get_app_config
from wagtail.models import Page

from .languages import query_stemmers

# A query of several words searches the newest pages first (``newest_matches``)
# when its rarest word is on at least this share of the pages but the planner,
# taking the words as independent, expects fewer matches than that...
WINDOW_SHARE = 0.05
# ...in this many times the pages that should hold enough matches...
WINDOW_MARGIN = 3
# ...if that is no more than this many pages.
WINDOW_PAGES = 20_000


def _set_local(setting, value):
    """A PostgreSQL planner setting until the end of the transaction (or reset)."""
    if connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL {setting} = {value}")


def serial_plans():
    """No parallel workers for the rest of this transaction, on PostgreSQL.

    Every query of a bounded ranking stops after at most a thousand rows;
    starting parallel workers took 20 ms more than such a query on a two-core
    server, and the planner, which counts the start at a fixed small cost,
    chose them anyway.
    """
    _set_local("max_parallel_workers_per_gather", 0)


def title_holds(query):
    """Whether a page's indexed title holds every word of ``query`` (PostgreSQL).

    A title holding every word is a match; the search's own join to the index
    entries is reused, so the count's walk tells it without another search.
    """
    configs = query_stemmers()
    words = reduce(and_, (
        reduce(or_, (SearchQuery(word, search_type="plain", config=config) for config in configs))
        for word in query.split()
    ))
    return ExpressionWrapper(Q(index_entries__title=words), output_field=BooleanField())


def newest_matches(newest, query, count, collect):
    """``(id, title holds every word)`` of the ``count`` newest pages of
    ``newest`` matching ``query``, newest first; ``collect(count, among)``
    collects them from a queryset of pages in one search.

    PostgreSQL estimates a query of several words as if they were independent:
    "mentor unge uddannelse", whose words come together on 20,000 of 100,000
    pages, was estimated at 2,600. It then joined every match from the search
    index with every page and sorted them (45 ms), although the 1,001 newest
    matches lie within the newest 5,000 pages.

    So when even the rarest word is common, the newest pages are searched
    first, as many as should hold ``count`` matches if the words came together
    (``WINDOW_MARGIN`` times that): joining the matches with 15,000 pages instead
    of 100,000 takes half the time. Should those pages hold fewer matches, the
    older pages are searched for the rest.
    """
    words = query.split()
    if len(words) < 2:
        return collect(count)
    shares = _estimated_shares(words)
    if min(shares) < WINDOW_SHARE or math.prod(shares) >= WINDOW_SHARE:
        # A rare word: the search index finds its few pages at once. Or the
        # planner, too, expects the words together on many pages and walks.
        return collect(count)
    # Under a facet, only its pages count.
    share = min(shares) * _estimated_rows(newest) / max(_table_rows(Page), 1)
    window = math.ceil(WINDOW_MARGIN * count / share) if share else WINDOW_PAGES + 1
    if window > WINDOW_PAGES:
        return collect(count)
    page_ids = Page.objects.order_by("-id").values_list("id", flat=True)
    floor = next(iter(page_ids[window : window + 1]), 0)
    found = collect(count, among=newest.filter(id__gt=floor))
    if len(found) >= count or not floor:
        return found
    return found + collect(count - len(found), among=newest.filter(id__lte=floor))


def _estimated_shares(words):
    """The planner's estimate of the share of indexed pages holding each word.

    A word on its own is estimated from the statistics of the search index's
    most common words, so each estimate is close.
    """
    entries = get_app_config().get_model("IndexEntry")
    table = connection.ops.quote_name(entries._meta.db_table)
    configs = query_stemmers()
    # The word in any of the languages the search stems it in.
    word_query = " || ".join(["plainto_tsquery(%s::regconfig, %s)"] * len(configs))
    rows = max(_table_rows(entries), 1)
    shares = []
    with connection.cursor() as cursor:
        for word in words:
            cursor.execute(
                f"EXPLAIN (FORMAT JSON) SELECT 1 FROM {table} "
                f"WHERE (title || body) @@ ({word_query})",
                [value for config in configs for value in (config, word)],
            )
            shares.append(_plan_rows(cursor.fetchone()[0]) / rows)
    return shares


def _estimated_rows(queryset):
    return _plan_rows(queryset.values("id").explain(format="json"))


def _table_rows(model):
    """The number of rows PostgreSQL's statistics hold for ``model``'s table."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE oid = %s::regclass",
            [connection.ops.quote_name(model._meta.db_table)],
        )
        return cursor.fetchone()[0]


def _plan_rows(explained):
    plans = json.loads(explained) if isinstance(explained, str) else explained
    return plans[0]["Plan"]["Plan Rows"]
