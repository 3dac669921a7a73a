"""Text search on the configured backend, safe against bad input and outages.

Everything that hands a visitor's words to the search backend goes through
here: the site-wide search, the autocomplete and the listings' text filter.
"""

import logging
import re
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
# Words that say nothing about what is wanted. PostgreSQL's Danish configuration
# drops them itself; SQLite and a plain AND query would otherwise demand them.
STOP_WORDS = frozenset(
    "af at de den der det en er et for i med og om på som til".split()
)
WORD = re.compile(r"\w+")
# Something that looks like an e-mail address, a phone or CPR number: never kept
# in the query statistics, because a search box is not a place for personal data.
PERSONAL_LOOKING = re.compile(r"@|\d[\d\s-]{5,}\d")


def clean_query(raw):
    """The visitor's text as shown back in the search box: printable, capped."""
    text = "".join(
        " " if unicodedata.category(char) in {"Cc", "Zl", "Zp"} else char
        for char in (raw or "")[: MAX_QUERY_LENGTH * 4]
        if unicodedata.category(char) not in {"Cs", "Co", "Cn"}
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def query_terms(query):
    """The words the backend is asked for: letters and digits only.

    Operators, quotes, ``*``, ``:``, ``\\`` and the like mean something
    different to each backend; passing only words makes every backend read
    the same plain query. Stop words are dropped unless nothing else is left.
    """
    words = [word.lower() for word in WORD.findall(query)]
    meaningful = [word for word in words if word not in STOP_WORDS]
    return (meaningful or words)[:MAX_TERMS]


def backend_query(query):
    return " ".join(query_terms(query))


def is_recordable(query):
    """Whether a query may go into the search statistics editors see."""
    return bool(query_terms(query)) and not PERSONAL_LOOKING.search(query)


def run_safely(action):
    """Run ``action()`` against the search backend; ``(value, failed)``.

    Backends raise their own client library's errors (Elasticsearch's and
    OpenSearch's transport errors, database errors, timeouts), so no list of
    exception types can be complete; any failure is logged and reported as
    ``failed``. The savepoint keeps a failed database query from poisoning the
    rest of the request's transaction.

    On PostgreSQL a statement of the search that runs longer than
    ``SEARCH_DATABASE_TIMEOUT_MS`` is cancelled and counts as a failure, as a
    timeout of Elasticsearch does: a visitor is not held by a search the
    database cannot answer quickly, nor is a worker.
    """
    try:
        with transaction.atomic():
            _limit_statement_time(settings.SEARCH_DATABASE_TIMEOUT_MS)
            value = action()
            _limit_statement_time("DEFAULT")
            return value, False
    except Exception:
        logger.exception("The search backend failed")
        return None, True


def _limit_statement_time(milliseconds):
    """``statement_timeout`` for the rest of the transaction, on PostgreSQL."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL statement_timeout = {milliseconds}")


@dataclass
class TextFilter:
    """What :func:`filter_by_text` returns.

    ``results`` can be given to Django's ``Paginator`` (it supports ``count()``
    and slicing); ``count`` is already known; ``failed`` is true when the backend
    failed and ``results`` is the structured queryset without the text filter.
    """

    results: "SafeResults | object"
    count: int
    failed: bool = False
    terms: list = field(default_factory=list)


class SafeResults:
    """Search results for a ``Paginator`` whose slices never raise.

    The count is known in advance; a slice that fails (the backend went away
    between count and fetch) comes back empty instead of a server error.
    """

    def __init__(self, results, count):
        self._results = results
        self._count = count

    def count(self):
        return self._count

    def __len__(self):
        return self._count

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        value, failed = run_safely(lambda: list(self._results[key]))
        return [] if failed else value


def _search(queryset, query, order_by_relevance):
    from modelsearch.backends.base import FilterFieldError

    try:
        return queryset.search(query, operator="and", order_by_relevance=order_by_relevance)
    except FilterFieldError:
        # The listing filters on fields the index does not hold (taxonomies,
        # shifts…): the backend gets the matching ids instead, which every
        # backend can filter on since ``id`` is a FilterField of every page.
        by_id = queryset.model.objects.filter(id__in=queryset.values("id"))
        if not order_by_relevance:
            by_id = by_id.order_by(*queryset.query.order_by)
        return by_id.search(query, operator="and", order_by_relevance=order_by_relevance)


def filter_by_text(queryset, q, *, order_by_relevance=True):
    """Narrow a page queryset by the visitor's text ``q`` with the search backend.

    Contract, for the opportunities, cases and tools listings:

    - ``queryset`` is a page queryset with the listing's structured filters
      already applied (``OpportunityPage.objects.live().public().filter(...)``);
      filters on fields that are not ``index.FilterField`` are fine.
    - ``q`` is the raw text from the request; it is cleaned here. If it holds no
      words, the queryset is returned untouched.
    - Returns a :class:`TextFilter`. Paginate ``result.results`` and show
      ``result.count``; when ``result.failed`` is true, show a short notice
      ("Fritekstsøgningen er midlertidigt utilgængelig") and the structured
      results, so the listing keeps working while the backend is down.
    - ``order_by_relevance=False`` keeps the queryset's own ``order_by`` (its
      fields must be ``index.FilterField`` for Elasticsearch).
    - The count is taken here, so a backend failure shows up in ``failed``; a
      page slice that fails later comes back empty rather than as an error.
    """
    query = backend_query(clean_query(q))
    if not query:
        return TextFilter(queryset, queryset.count())

    def search():
        results = _search(queryset, query, order_by_relevance)
        return results, results.count()

    value, failed = run_safely(search)
    if failed:
        return TextFilter(queryset, queryset.count(), failed=True, terms=query.split())
    results, count = value
    return TextFilter(SafeResults(results, count), count, terms=query.split())
