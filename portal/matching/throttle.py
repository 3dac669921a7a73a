"""A per-client limit on intake submissions, counted in the shared cache.

The cache key is a keyed hash of the client address, so the cache never holds
an IP address (which is personal data) in the clear.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac


def client_address(request):
    """The visitor's address; behind proxies, the one the outermost trusted proxy saw.

    ``X-Forwarded-For`` is read only when ``TRUSTED_PROXY_COUNT`` says proxies
    add to it; otherwise any client could write it and escape the limit.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def client_key(request):
    address = client_address(request)
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
