"""How long search statistics keep what visitors typed, and erasing one person's searches.

Registered with ``portal.core.retention`` in ``SearchConfig.ready()``, so the
matching app's retention job and erasure cover the statistics without
importing this app. Popular searches (``Query`` and its daily hits) and
searches without results (``ZeroResultQuery``) are kept for
``SEARCH_QUERY_RETENTION_DAYS`` after they were last typed. A query an editor
has promoted results for stays (the promotion needs it); its hits expire.
"""

from datetime import timedelta
from functools import reduce
from operator import or_

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string

from .models import ZeroResultQuery

# A shorter term ("Bo") would erase unrelated searches ("bolig") along with the person's.
MIN_TERM_LENGTH = 4


def _unpromoted(queries):
    return queries.filter(editors_picks__isnull=True)


def _removed(deleted, model):
    return deleted[1].get(model._meta.label, 0)


@transaction.atomic
def expire_statistics(today):
    """Remove searches not typed for the retention period; returns how many texts went."""
    cutoff = today - timedelta(days=settings.SEARCH_QUERY_RETENTION_DAYS)
    QueryDailyHits.objects.filter(date__lt=cutoff).delete()
    popular = _unpromoted(Query.objects.filter(daily_hits__isnull=True)).delete()
    without_results = ZeroResultQuery.objects.filter(last_seen__date__lt=cutoff).delete()
    return _removed(popular, Query) + _removed(without_results, ZeroResultQuery)


@transaction.atomic
def forget_statistics(terms):
    """Remove every search containing one of the terms (a person's address or name)."""
    needles = {normalise_query_string(term) for term in terms}
    needles = [needle for needle in needles if len(needle) >= MIN_TERM_LENGTH]
    if not needles:
        return 0
    containing = reduce(or_, (Q(query_string__icontains=needle) for needle in needles))
    popular = _unpromoted(Query.objects.filter(containing)).delete()
    without_results = ZeroResultQuery.objects.filter(containing).delete()
    return _removed(popular, Query) + _removed(without_results, ZeroResultQuery)
