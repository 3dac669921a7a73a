"""A visitor's words handed to the search backend: cleaned, bounded, and safe
against outages.

Everything that searches goes through here: the site-wide search (``search``),
its title suggestions, and the text filter of every listing
(:func:`text_condition`), so the same words find the same pages everywhere and
a failing backend fails the same way everywhere.

Failures we expect are the backend's: a database error (including a statement
cancelled by ``SEARCH_DATABASE_TIMEOUT_MS``, or FTS syntax SQLite refuses), or
the Elasticsearch/OpenSearch client's transport and API errors. Anything else
is a bug and is raised.
"""

import logging
import re
import unicodedata
from functools import reduce
from operator import or_

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import Q
from modelsearch.backends import get_search_backend

from .queries import ids_parameter

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
# Words that say nothing about what is wanted. PostgreSQL's Danish configuration
# drops them itself; SQLite and a plain AND query would otherwise demand them.
STOP_WORDS = frozenset(
    "af at de den der det en er et for i med og om på som til".split()
)
WORD = re.compile(r"\w+")


def _client_errors():
    """The search clients' own error classes, for whichever clients are installed."""
    errors = []
    try:
        from elastic_transport import TransportError
        from elasticsearch import ApiError
    except ImportError:  # the Elasticsearch client is optional
        pass
    else:
        errors += [TransportError, ApiError]
    try:
        from opensearchpy.exceptions import OpenSearchException
    except ImportError:  # so is the OpenSearch client
        pass
    else:
        errors.append(OpenSearchException)
    return tuple(errors)


SEARCH_ERRORS = (DatabaseError, *_client_errors())


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


def backend_query(raw):
    """The raw text as the plain query every backend reads the same way ('' for none)."""
    return " ".join(query_terms(clean_query(raw)))


def run_safely(action):
    """Run ``action()`` against the search backend; ``(value, failed)``.

    A failure the backend may have (see the module) is logged and reported as
    ``failed``; the savepoint keeps a failed database query from poisoning the
    rest of the request's transaction. On PostgreSQL a statement that runs
    longer than ``SEARCH_DATABASE_TIMEOUT_MS`` is cancelled and counts as a
    failure, as a timeout of Elasticsearch does: a visitor is not held by a
    search the database cannot answer quickly, nor is a worker. ``action``
    must therefore read everything it needs (lists, counts), not return lazy
    querysets that would search again outside the bound.
    """
    try:
        with transaction.atomic():
            _limit_statement_time(settings.SEARCH_DATABASE_TIMEOUT_MS)
            value = action()
            _limit_statement_time("DEFAULT")
            return value, False
    except SEARCH_ERRORS:
        logger.exception("The search backend failed")
        return None, True


def _limit_statement_time(milliseconds):
    """``statement_timeout`` for the rest of the transaction, on PostgreSQL."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL statement_timeout = {milliseconds}")


def matching_ids(model, query):
    """Ids of the ``model`` pages (or objects) matching every word of ``query``.

    On a database backend one query of ids; on Elasticsearch the ids of its
    hits. Raises the backend's errors: call it inside :func:`run_safely`.
    """
    results = get_search_backend().search(query, model, operator="and", order_by_relevance=False)
    as_queryset = getattr(results, "get_queryset", None)
    if as_queryset is not None:
        return list(as_queryset().values_list("pk", flat=True))
    return [hit.pk for hit in results]


class TextCondition:
    """The listings' text filter: a condition on the listed model for a visitor's text.

    ``condition`` narrows a queryset of ``model`` to the pages whose indexed
    text holds every word (stemmed, as the site search does). The search runs
    once, inside :func:`run_safely`, and hands over ids, so nothing searches
    again later outside the time bound. When the backend fails, the condition
    is a substring match on ``fallback_fields`` and ``exact`` is false: the
    listing still answers, and says it searched less.
    """

    ids = None  # the matching ids, when the backend answered

    def __init__(self, model, raw, fallback_fields=("title",)):
        self.query = backend_query(raw)
        self.exact = True
        if not self.query:
            self.condition = Q()
            return
        ids, failed = run_safely(lambda: matching_ids(model, self.query))
        if failed:
            self.exact = False
            self.condition = _substring_condition(self.query, fallback_fields)
        else:
            self.ids = ids
            self.condition = Q(pk__in=ids_parameter(ids))


def _substring_condition(query, fields):
    """Every word in at least one of ``fields``: a plain match any database can do."""
    condition = Q()
    for word in query.split():
        condition &= reduce(or_, (Q(**{f"{name}__icontains": word}) for name in fields))
    return condition
