"""A per-client limit on intake submissions, counted in the shared cache.

The cache key is a keyed hash of the client address, so the cache never holds
an IP address (which is personal data) in the clear.

While the shared cache (Redis) cannot be reached, each app process counts in
its own memory instead: the limit still holds per process, so a client can
send at most the limit times the number of processes in a window, and the
forms stay open for everybody else. The counts start again from zero when
Redis is back.
"""

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.utils.crypto import salted_hmac

from portal.core.cache import CacheUnavailable
from portal.core.clients import client_address

local_counts = LocMemCache("matching-throttle", {"OPTIONS": {"MAX_ENTRIES": 10_000}})


def client_key(request):
    address = client_address(request)
    digest = salted_hmac("matching.throttle", address).hexdigest()[:32]
    return f"matching:intake:{digest}"


def allow_submission(request):
    """Count this submission; ``False`` once the client is over the limit."""
    key = client_key(request)
    try:
        count = _count(cache, key)
    except CacheUnavailable:
        count = _count(local_counts, key)
    return count <= settings.INTAKE_RATE_LIMIT


def _count(counts, key):
    window = settings.INTAKE_RATE_WINDOW_SECONDS
    counts.add(key, 0, timeout=window)
    try:
        return counts.incr(key)
    except ValueError:  # expired between add and incr
        counts.set(key, 1, timeout=window)
        return 1
