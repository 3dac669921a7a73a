"""A per-client limit on API requests, counted in the shared cache.

A fixed window per client: the window's number is part of the key, so the
answer to "when may I try again" (``Retry-After``) is the end of the window,
known without asking the cache. The key is a keyed hash of the client
address (``portal.core.clients``), so the cache never holds an IP address.

While Redis cannot be reached there is no count to trust, and an API that
only reads public data is better open than closed: every request is let
through (``CacheUnavailable`` from ``incr``, see ``portal.core.cache``).
"""

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac
from ninja.throttling import BaseThrottle

from portal.core.cache import CacheUnavailable
from portal.core.clients import client_address


def window_seconds():
    return settings.API_RATE_WINDOW_SECONDS


class ClientRateThrottle(BaseThrottle):
    """``API_RATE_LIMIT`` requests per client and ``API_RATE_WINDOW_SECONDS``."""

    timer = time.time

    def allow_request(self, request):
        window = window_seconds()
        number = int(self.timer() // window)
        digest = salted_hmac("api.throttle", client_address(request)).hexdigest()[:32]
        key = f"api:rate:{digest}:{number}"
        try:
            cache.add(key, 0, timeout=window + 1)
            count = cache.incr(key)
        except CacheUnavailable:
            return True
        except ValueError:  # the key expired between add and incr: a new window
            return True
        return count <= settings.API_RATE_LIMIT

    def wait(self):
        """Seconds to the end of the current window (the same for every client)."""
        window = window_seconds()
        return max(1, math.ceil(window - self.timer() % window))
