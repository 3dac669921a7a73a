"""Search statistics counted without a database write while a visitor waits.

A search adds one to a counter in the shared cache (a Redis hash: one field
per day, query and "found nothing"); ``flush_statistics`` moves the counts into
Wagtail's ``Query``/``QueryDailyHits`` (popular searches) and
``ZeroResultQuery`` (searches without results). The worker's cron runs it
(``manage.py flush_search_statistics``, every minute).

Without Redis (the embedded setup) or while it is unreachable, the counts
wait in the process's memory, and the process writes them itself at most once
a minute, after a response has been sent (``request_finished``), so a search
never waits for the write. Counts a process holds when it stops are lost:
statistics may be a little short, never wrong about what was searched.
"""

import threading
import time
from collections import Counter
from datetime import date

from django.core.cache import caches
from django.core.signals import request_finished
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import normalise_query_string

from portal.core.cache import CacheUnavailable, ResilientRedisCache

from .models import ZeroResultQuery

PENDING = "search:pending-statistics"
LOCAL_FLUSH_SECONDS = 60
SEPARATOR = "\t"


class LocalTally:
    """Counts kept in this process until it writes them itself."""

    def __init__(self):
        self.lock = threading.Lock()
        self.counts = Counter()
        self.flushed_at = time.monotonic()

    def add(self, field):
        with self.lock:
            self.counts[field] += 1

    def take(self, due_only=False):
        with self.lock:
            if due_only and time.monotonic() - self.flushed_at < LOCAL_FLUSH_SECONDS:
                return {}
            counts, self.counts = dict(self.counts), Counter()
            self.flushed_at = time.monotonic()
            return counts


local_tally = LocalTally()


def _shared():
    cache = caches["default"]
    return cache if isinstance(cache, ResilientRedisCache) else None


def record(query, found_nothing):
    """Count one search for ``query``; ``found_nothing`` when it had no result."""
    day = timezone.localdate().isoformat()
    field = SEPARATOR.join([day, "1" if found_nothing else "0", normalise_query_string(query)])
    shared = _shared()
    try:
        if shared is not None:
            shared.tally(PENDING, field)
            return
    except CacheUnavailable:
        pass
    local_tally.add(field)


def flush_statistics():
    """Write every count waiting in the shared cache and in this process; how many searches."""
    counts = Counter(local_tally.take())
    shared = _shared()
    if shared is not None:
        try:
            counts.update(shared.take_tally(PENDING))
        except CacheUnavailable:
            pass
    _write(counts)
    return sum(counts.values())


@transaction.atomic
def _write(counts):
    for field, times in counts.items():
        day, found_nothing, query_string = field.split(SEPARATOR, 2)
        day = date.fromisoformat(day)
        query = Query.get(query_string)
        hits, _created = QueryDailyHits.objects.get_or_create(query=query, date=day)
        QueryDailyHits.objects.filter(pk=hits.pk).update(hits=F("hits") + times)
        if found_nothing == "1":
            ZeroResultQuery.record(query_string, times=times)


def _flush_when_due(**kwargs):
    counts = local_tally.take(due_only=True)
    if counts:
        _write(counts)


request_finished.connect(_flush_when_due, dispatch_uid="search-statistics-flush")
