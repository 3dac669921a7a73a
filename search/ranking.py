"""The order of a search's results: by relevance, within bounds on the database
backends.

The database backends rank by scoring every matching page and sorting them
all. A word found on half of 100,000 pages ("frivillige", "ældre") then reads
most of the search index, which is larger than PostgreSQL's memory for it
(≈300 ms a search). Elasticsearch and OpenSearch rank inside their own index,
so their results keep the backend's full ranking.

On a database backend a search first collects the ids of the newest matching
pages, one more than the count cap (newest = created last, the highest page id:
walking the primary key backwards, the database can stop as soon as it has
them). That is also the count the page shows. Then:

- When at most ``cap`` pages match, all of them are ranked: the results are
  the backend's full ranking, as they were.
- When more match, the backend ranks ``limit`` newest matches together with
  the ``limit`` newest pages whose *title* holds every word. On PostgreSQL the
  collection of the newest matches tells which of them are title matches, and
  only older title matches need a search of their own (an index on the
  title's text-search vector finds them without reading the search index).
  The results begin with those in order of relevance and go on with the other
  matches, newest first.

What a visitor sees of the bound, only for queries with more than ``cap``
matches: a page that matches in its text alone and is older than the
``limit`` newest matches is not ranked; it comes after the ranked results.
A page whose title holds all the words is always ranked unless more than
``limit`` titles do; then the ``limit`` newest of them are.
"""

import json
import math
from collections import namedtuple
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, Q
from modelsearch.backends import get_search_backend
from modelsearch.conf import get_app_config
from wagtail.models import Page

from portal.core.queries import ids_parameter

OPERATOR = "and"
# What the ranking reads of each page; the view fetches the specific pages it shows.
FIELDS = ("id", "content_type_id", "path")
Hit = namedtuple("Hit", FIELDS)
# A query of several words searches the newest pages first (``_newest_matches``)
# when its rarest word is on at least this share of the pages but the planner,
# taking the words as independent, expects fewer matches than that...
WINDOW_SHARE = 0.05
# ...in this many times the pages that should hold enough matches...
WINDOW_MARGIN = 3
# ...if that is no more than this many pages.
WINDOW_PAGES = 20_000


def hits(results):
    """``results`` as :class:`Hit` rows.

    On a database backend straight from its queryset: no page instances, and
    not the matched text-search vector the backend selects along with each page.
    """
    if ranks_in_database(results):
        return [Hit(*row) for row in results.get_queryset().values_list(*FIELDS)]
    return [Hit(*(getattr(page, name) for name in FIELDS)) for page in results]


def ranks_in_database(results):
    """Whether the backend ranks in the database (its results have a queryset)."""
    return hasattr(results, "get_queryset")


def _set_local(setting, value):
    """A PostgreSQL planner setting until the end of the transaction (or reset)."""
    if connection.vendor == "postgresql" and connection.in_atomic_block:
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


@dataclass
class Ranking:
    """A search's results in order: ``ranked`` first, then ``rest(start, stop)``.

    ``total`` is the number of matches counted up to the cap plus one.
    """

    ranked: list
    total: int
    rest: object = field(repr=False)

    def slice(self, start, stop):
        """The pages at positions ``start:stop`` of the whole order."""
        shown = self.ranked[start:stop]
        if stop > len(self.ranked):
            shown += self.rest(max(start - len(self.ranked), 0), stop - len(self.ranked))
        return shown


def rank(pages, query, limit, cap):
    """Rank the ``pages`` matching ``query`` (plain words, all required)."""
    if not hasattr(get_search_backend().results_class, "get_queryset"):
        return _rank_all(pages, query, limit, cap)
    serial_plans()
    newest = pages.order_by("-id")

    def matches(among, **options):
        found = among.search(query, operator=OPERATOR, order_by_relevance=False, **options)
        return found.get_queryset()

    def newest_ids(count, among=newest, **options):
        return list(matches(among, **options).values_list("pk", flat=True)[:count])

    def newest_matches(count, among=newest):
        if connection.vendor != "postgresql":
            return [(page_id, None) for page_id in newest_ids(count, among)]
        found = matches(among).annotate(in_title=_title_holds(query))
        return list(found.values_list("pk", "in_title")[:count])

    # The newest matches, as many as the count needs: walking the pages newest
    # first is also how an unordered count would read them.
    matching = _newest_matches(newest, query, cap + 1, newest_matches)
    total = len(matching)
    candidates = {page_id for page_id, _in_title in matching}
    if total > cap:
        # The newest title matches: those among the newest matches were seen
        # already (on PostgreSQL); only older ones need a search of their own.
        titled = [page_id for page_id, in_title in matching if in_title][:limit]
        older = newest if matching[0][1] is None else newest.filter(id__lt=matching[-1][0])
        if len(titled) < limit:
            titled += newest_ids(limit - len(titled), among=older, fields=["title"])
        candidates = {page_id for page_id, _in_title in matching[:limit]} | set(titled)
    # The candidates passed every filter of ``pages`` already.
    ranked = pages.model.objects.filter(id__in=ids_parameter(candidates))
    ranked = hits(ranked.search(query, operator=OPERATOR))

    def rest(start, stop):
        others = newest.exclude(id__in=ids_parameter(candidates))
        return hits(others.search(query, operator=OPERATOR, order_by_relevance=False)[start:stop])

    return Ranking(ranked, total, rest)


def _title_holds(query):
    """Whether a page's indexed title holds every word of ``query`` (PostgreSQL).

    A title holding every word is a match; the search's own join to the index
    entries is reused, so the count's walk tells it without another search.
    """
    words = SearchQuery(query, search_type="plain", config=_search_config())
    return ExpressionWrapper(Q(index_entries__title=words), output_field=BooleanField())


def _newest_matches(newest, query, count, newest_matches):
    """``(id, title holds every word)`` of the ``count`` newest pages of
    ``newest`` matching ``query``, newest first.

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
    if len(words) < 2 or connection.vendor != "postgresql":
        return newest_matches(count)
    shares = _estimated_shares(words)
    if min(shares) < WINDOW_SHARE or math.prod(shares) >= WINDOW_SHARE:
        # A rare word: the search index finds its few pages at once. Or the
        # planner, too, expects the words together on many pages and walks.
        return newest_matches(count)
    # Under a facet, only its pages count.
    share = min(shares) * _estimated_rows(newest) / max(_table_rows(Page), 1)
    window = math.ceil(WINDOW_MARGIN * count / share) if share else WINDOW_PAGES + 1
    if window > WINDOW_PAGES:
        return newest_matches(count)
    page_ids = Page.objects.order_by("-id").values_list("id", flat=True)
    floor = next(iter(page_ids[window : window + 1]), 0)
    found = newest_matches(count, among=newest.filter(id__gt=floor))
    if len(found) >= count or not floor:
        return found
    return found + newest_matches(count - len(found), among=newest.filter(id__lte=floor))


def _estimated_shares(words):
    """The planner's estimate of the share of indexed pages holding each word.

    A word on its own is estimated from the statistics of the search index's
    most common words, so each estimate is close.
    """
    entries = get_app_config().get_model("IndexEntry")
    table = connection.ops.quote_name(entries._meta.db_table)
    config = _search_config()
    rows = max(_table_rows(entries), 1)
    shares = []
    with connection.cursor() as cursor:
        for word in words:
            cursor.execute(
                f"EXPLAIN (FORMAT JSON) SELECT 1 FROM {table} "
                "WHERE (title || body) @@ plainto_tsquery(%s::regconfig, %s)",
                [config, word],
            )
            shares.append(_plan_rows(cursor.fetchone()[0]) / rows)
    return shares


def _search_config():
    """The database backend's text-search configuration (``SEARCH_CONFIG``)."""
    return getattr(get_search_backend(), "config", None) or "simple"


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


def _rank_all(pages, query, limit, cap):
    """The backend's own ranking of every match (Elasticsearch, OpenSearch)."""
    ranked = hits(pages.only(*FIELDS).search(query, operator=OPERATOR)[:limit])
    total = len(ranked)
    if total >= limit:
        # Counted from the index without reading documents, up to the cap.
        unordered = pages.search(query, operator=OPERATOR, order_by_relevance=False)
        total = unordered[: cap + 1].count()

    def rest(start, stop):
        results = pages.only(*FIELDS).search(query, operator=OPERATOR)
        return hits(results[limit + start : limit + stop])

    return Ranking(ranked, total, rest)
