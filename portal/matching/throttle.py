"""A per-client limit on intake submissions, counted in the shared cache.

The cache key is a keyed hash of the client address, so the cache never holds
an IP address (which is personal data) in the clear.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac


def client_key(request):
    address = request.META.get("REMOTE_ADDR", "")
    digest = salted_hmac("matching.throttle", address).hexdigest()[:32]
    return f"matching:intake:{digest}"


def allow_submission(request):
    """Count this submission; ``False`` once the client is over the limit."""
    key = client_key(request)
    window = settings.INTAKE_RATE_WINDOW_SECONDS
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= settings.INTAKE_RATE_LIMIT
