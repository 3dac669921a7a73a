"""The shared cache on Redis, made so that the site stays up while Redis is down.

Everything the portal keeps in the cache can be computed again, so an
unreachable Redis server is treated as an empty cache: a read is a miss
(``get`` gives the default), a write is dropped, ``add`` and ``delete`` say
``False``. Only ``incr`` has no honest answer — a counter cannot be made up —
so it raises ``CacheUnavailable`` and its caller decides (the intake rate limit
counts in local memory instead, see ``portal.matching.throttle``).

After a failure the server is left alone for ``RETRY_AFTER_SECONDS`` (an
option), so a dead or hung Redis costs one short timeout per process and
period, not one per cache call. The outage is logged once when it starts and
once when it ends. Writes and deletions lost during the outage leave Redis
holding values that may be stale (the opportunity listing's version, a
template fragment), so when the server is back those keys are deleted, or the
whole cache cleared if there were too many to remember.
"""

import logging
import threading
import time
import uuid
from urllib.parse import urlsplit

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
DEFAULT_RETRY_AFTER_SECONDS = 5
# Beyond this many lost writes, recovery clears the cache instead of listing them.
MAX_REMEMBERED_KEYS = 10_000


class CacheUnavailable(Exception):
    """The cache server cannot be reached, and the operation has no stand-in answer."""


class Outage:
    """Whether one Redis server is reachable, shared by every thread of the process.

    Django gives each thread a cache object of its own, so this state lives
    beside them, one per server address.
    """

    def __init__(self, address):
        self.address = address
        self.lock = threading.Lock()
        self.down = False
        self.retry_at = 0.0
        self.lost_writes = set()
        self.too_many_lost = False

    def skipping(self):
        return self.down and time.monotonic() < self.retry_at

    def started(self, error, retry_after):
        with self.lock:
            self.retry_at = time.monotonic() + retry_after
            if self.down:
                return
            self.down = True
        logger.warning(
            "Redis cache at %s is unreachable (%s): serving without the cache, "
            "trying again every %s s", self.address, error, retry_after,
        )

    def remember(self, keys):
        with self.lock:
            if keys is None or len(self.lost_writes) + len(keys) > MAX_REMEMBERED_KEYS:
                self.too_many_lost = True
                self.lost_writes.clear()
            elif not self.too_many_lost:
                self.lost_writes.update(keys)

    def ended(self):
        """Mark the server reachable; the writes lost meanwhile, or None for "all"."""
        with self.lock:
            if not self.down:
                return set()
            self.down = False
            lost = None if self.too_many_lost else self.lost_writes
            self.lost_writes, self.too_many_lost = set(), False
        logger.info("Redis cache at %s is reachable again", self.address)
        return lost


_outages = {}
_outages_lock = threading.Lock()


def outage_of(server):
    """The process's ``Outage`` record of ``server`` (its address without credentials)."""
    parts = urlsplit(server)
    address = f"{parts.hostname}:{parts.port or 6379}{parts.path}"
    with _outages_lock:
        return _outages.setdefault(address, Outage(address))


class OneClientPerPool(RedisCacheClient):
    """Django's Redis client, with one ``redis.Redis`` per connection pool for every call.

    Django makes a new ``redis.Redis`` for each cache call, and setting one up
    (its table of reply parsers) took a quarter of the time of answering a kept
    page (``bench/README.md``). A ``redis.Redis`` takes a connection from its
    pool for each command, so one serves every call.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, answering as an empty cache while the server is unreachable."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.retry_after = options.pop("RETRY_AFTER_SECONDS", DEFAULT_RETRY_AFTER_SECONDS)
        # One immediate second try on a fresh connection, so a pooled connection
        # the server closed (idle timeout, restart) is not taken for an outage.
        # Timeouts are not tried again: a hung server would cost twice.
        options.setdefault("retry", Retry(NoBackoff(), 1, (RedisConnectionError,)))
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = OneClientPerPool
        self.outage = outage_of(self._servers[0])

    def _reach(self, operation, *args, writes=(), **kwargs):
        """Run ``operation`` on the server; ``CacheUnavailable`` if it cannot be reached.

        ``writes`` are the keys the operation changes (None: all of them), to
        be deleted when the server is back if the change is lost.
        """
        if self.outage.skipping():
            self.outage.remember(writes)
            raise CacheUnavailable(self.outage.address)
        try:
            result = operation(*args, **kwargs)
        except UNREACHABLE as error:
            self.outage.started(error, self.retry_after)
            self.outage.remember(writes)
            raise CacheUnavailable(self.outage.address) from error
        if self.outage.down:
            self._forget_lost_writes()
        return result

    def _forget_lost_writes(self):
        lost = self.outage.ended()
        try:
            if lost is None:
                self._cache.clear()
            elif lost:
                self._cache.delete_many(list(lost))
        except UNREACHABLE as error:
            self.outage.started(error, self.retry_after)
            self.outage.remember(lost)

    def _keys(self, keys, version):
        return [self.make_key(key, version=version) for key in keys]

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return self._reach(super().add, key, value, timeout, version)
        except CacheUnavailable:
            return False

    def get(self, key, default=None, version=None):
        try:
            return self._reach(super().get, key, default, version)
        except CacheUnavailable:
            return default

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            self._reach(super().set, key, value, timeout, version,
                        writes=self._keys([key], version))
        except CacheUnavailable:
            pass

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return self._reach(super().touch, key, timeout, version)
        except CacheUnavailable:
            return False

    def delete(self, key, version=None):
        try:
            return self._reach(super().delete, key, version, writes=self._keys([key], version))
        except CacheUnavailable:
            return False

    def get_many(self, keys, version=None):
        try:
            return self._reach(super().get_many, keys, version)
        except CacheUnavailable:
            return {}

    def has_key(self, key, version=None):
        try:
            return self._reach(super().has_key, key, version)
        except CacheUnavailable:
            return False

    def incr(self, key, delta=1, version=None):
        """``CacheUnavailable`` when the server cannot be reached: a count has no default."""
        return self._reach(super().incr, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return self._reach(super().set_many, data, timeout, version,
                               writes=self._keys(data, version))
        except CacheUnavailable:
            return list(data)

    def delete_many(self, keys, version=None):
        try:
            self._reach(super().delete_many, keys, version, writes=self._keys(keys, version))
        except CacheUnavailable:
            pass

    def clear(self):
        try:
            return self._reach(super().clear, writes=None)
        except CacheUnavailable:
            return False

    def tally(self, name, field, amount=1):
        """Add ``amount`` to ``field`` of the counter set ``name`` (a Redis hash).

        ``CacheUnavailable`` when the server cannot be reached, as for ``incr``.
        """
        key = self.make_key(name)
        return self._reach(lambda: self._cache.get_client(key, write=True)
                           .hincrby(key, field, amount))

    def take_tally(self, name):
        """The counter set ``name`` as ``{field: count}``, emptied as it is read.

        Renamed first, so counts added meanwhile go to a fresh set and none is
        lost or read twice. ``CacheUnavailable`` when the server cannot be reached.
        """
        key = self.make_key(name)
        taken = f"{key}:taken:{uuid.uuid4().hex}"

        def take():
            client = self._cache.get_client(key, write=True)
            try:
                client.rename(key, taken)
            except ResponseError:  # no such key: nothing counted since the last time
                return {}
            counts = client.hgetall(taken)
            client.delete(taken)
            return {field.decode(): int(count) for field, count in counts.items()}

        return self._reach(take)
