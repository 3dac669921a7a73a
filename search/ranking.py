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
  the ``limit`` newest pages whose *title* holds every word (on PostgreSQL an
  index on the title's text-search vector finds them without reading the
  search index). The results begin with those in order of relevance and go on
  with the other matches, newest first.

What a visitor sees of the bound, only for queries with more than ``cap``
matches: a page that matches in its text alone and is older than the
``limit`` newest matches is not ranked; it comes after the ranked results.
A page whose title holds all the words is always ranked unless more than
``limit`` titles do; then the ``limit`` newest of them are.
"""

from collections import namedtuple
from dataclasses import dataclass, field

from django.db import connection
from modelsearch.backends import get_search_backend

OPERATOR = "and"
# What the ranking reads of each page; the view fetches the specific pages it shows.
FIELDS = ("id", "content_type_id", "path")
Hit = namedtuple("Hit", FIELDS)


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

    def newest_ids(count, **options):
        found = newest.search(query, operator=OPERATOR, order_by_relevance=False, **options)
        return list(found.get_queryset().values_list("pk", flat=True)[:count])

    # The newest matches, as many as the count needs: walking the pages newest
    # first is also how an unordered count would read them.
    matching = newest_ids(cap + 1)
    total = len(matching)
    candidates = set(matching)
    if total > cap:
        # Under a broad facet (a region: 40,000 pages) the planner would start
        # from the facet's pages and compute each title's text-search vector
        # (200 ms; it counts that function as cheap) rather than read the title
        # index once and join (40 ms); without nested loops it reads the index.
        _set_local("enable_nestloop", "off")
        titled = newest_ids(limit, fields=["title"])
        _set_local("enable_nestloop", "on")
        candidates = set(matching[:limit]) | set(titled)
    # The candidates passed every filter of ``pages`` already.
    ranked = hits(pages.model.objects.filter(id__in=candidates).search(query, operator=OPERATOR))

    def rest(start, stop):
        others = newest.exclude(id__in=candidates)
        return hits(others.search(query, operator=OPERATOR, order_by_relevance=False)[start:stop])

    return Ranking(ranked, total, rest)


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
