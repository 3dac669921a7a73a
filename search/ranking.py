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

On PostgreSQL the collection of the newest matches is tuned with the planner's
own estimates (``search.postgres_ranking``, one entry point); every other
database collects them plainly. The tuning's tests run on PostgreSQL only,
and CI's PostgreSQL pass of the whole suite is the one that guards them.

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

from portal.core.queries import ids_parameter

from . import postgres_ranking

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
    tuned = connection.vendor == "postgresql"
    if tuned:
        postgres_ranking.serial_plans()
    newest = pages.order_by("-id")

    def matches(among, **options):
        found = among.search(query, operator=OPERATOR, order_by_relevance=False, **options)
        return found.get_queryset()

    def newest_ids(count, among=newest, **options):
        return list(matches(among, **options).values_list("pk", flat=True)[:count])

    def newest_matches(count, among=newest):
        if not tuned:
            return [(page_id, None) for page_id in newest_ids(count, among)]
        found = matches(among).annotate(in_title=postgres_ranking.title_holds(query))
        return list(found.values_list("pk", "in_title")[:count])

    # The newest matches, as many as the count needs: walking the pages newest
    # first is also how an unordered count would read them.
    if tuned:
        matching = postgres_ranking.newest_matches(newest, query, cap + 1, newest_matches)
    else:
        matching = newest_matches(cap + 1)
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
