"""Whole public pages kept in the shared cache, so a repeat visit costs no rendering.

What may be kept is decided elsewhere, once: ``CachePolicyMiddleware`` marks a
response ``public`` only when it is an anonymous GET with no cookie and no CSRF
token, and views with forms are ``never_cache``. This middleware keeps exactly
those responses, and pages whose form declared its few per-visitor values
(``page_holes``: filled in afresh for each visitor). It answers from them only
requests that carry no session or messages cookie, so no visitor ever sees a
page made for someone else.

Invalidation is by one site-wide *generation*: every kept page records the
generation it was made in, and is used only while that is still current. A
publish, unpublish, move or deletion of any page, a change of shifts or
bookings, taxonomies, site settings, redirects or search promotions starts a
new generation (``start_new_generation``), at once and again after the commit.
One key instead of tracking which pages show what: a change to an opportunity
shows on its own page, the listings, the home page, the organisation, related
opportunities and the search, and the cheapest correct answer is to let all of
them be made again; content changes are rare beside visits.

The generation and the page are read in one round trip. Each process also
keeps its latest pages in memory (``LOCAL_PAGES``), used only while their
generation is current. The generation a process read is trusted for
``GENERATION_TRUSTED_SECONDS``, so a repeat visit it has already answered
costs no round trip at all; a change made on another app server shows within
that time, one made in this process at once. With Redis
unreachable the generation reads as missing, nothing is kept or served, and
pages are made as if there were no cache (``portal.core.cache``); the
generation written while Redis was away is deleted when it is back, which
retires every page kept before.
"""

import hashlib
import threading
import time
import uuid
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.cache import cc_delim_re, patch_vary_headers, set_response_etag
from django.utils.http import http_date

from . import page_holes
from .compression import (
    REFILLED_BROTLI_QUALITY,
    accepted_encoding,
    accepted_encodings,
    compress,
)

GENERATION_KEY = "pagecache:generation"
# With the shape of what is kept, so a new release never reads an older one's pages.
PAGE_KEY_PREFIX = "pagecache:page:2:"
STATUS_HEADER = "X-Page-Cache"
# A response varying on anything but these cannot be told apart by our key.
KNOWN_VARY = {"cookie", "accept-language", "accept-encoding"}
# Cookies that make a request personal: its pages must be made for it alone.
PERSONAL_COOKIES = ("SESSION_COOKIE_NAME", "MESSAGE_COOKIE_NAME")
# Pages each process keeps in memory besides the shared cache: at most a few MB.
LOCAL_PAGES = 200
# How long a process answers from its own copies on the generation it last read,
# before asking Redis again: a change must show within a second.
GENERATION_TRUSTED_SECONDS = 0.5


def start_new_generation(**kwargs):
    """Retire every kept page, now and once the current transaction has committed.

    Twice, so a page made between the change and its commit (from the data
    before it) cannot outlive the change. Connected to signals, hence ``**kwargs``.
    """
    _new_generation()
    transaction.on_commit(_new_generation)


def _new_generation():
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)
    _last_read.forget()


def forget_generation_read():
    """Ask Redis for the generation before answering from this process's copies again,
    as after the cache was emptied from outside (each test empties it)."""
    _last_read.forget()


def current_generation():
    """The current generation, begun here if the cache has none; None with Redis down.

    Other caches that must be retired with the pages (``portal.core.languages``,
    ``portal.core.privacy``, the listing's cards) key their entries by it, also
    while pages are not kept. Trusted like a kept page's (``TrustedRead``).
    """
    trusted = _last_read.trusted()
    if trusted is not None:
        return trusted
    generation = _current_generation({GENERATION_KEY: cache.get(GENERATION_KEY)})
    _last_read.remember(generation)
    return generation


def kept_for_generation(prefix, seconds, make, hold=True):
    """``make()``, kept in the cache until the generation changes; made afresh, and
    not kept, while the cache is unreachable.

    With ``hold`` the process also holds the latest value per prefix, to be read
    only, so a request in an unchanged generation costs no round trip for it;
    for a few prefixes only, since each holds a value.
    """
    generation = current_generation()
    if generation is None:
        return make()
    held = _held.get(prefix) if hold else None
    if held is not None and held[0] == generation:
        return held[1]
    key = f"{prefix}{generation}"
    found = cache.get(key)
    if found is None:
        found = make()
        cache.set(key, found, seconds)
    if hold:
        _held[prefix] = (generation, found)
    return found


_held = {}


def _current_generation(found):
    generation = found.get(GENERATION_KEY)
    if generation is None:
        # First request after a flush, or Redis is down (then ``add`` says False).
        generation = uuid.uuid4().hex
        if not cache.add(GENERATION_KEY, generation, None):
            generation = cache.get(GENERATION_KEY)
    return generation


def _personal(request):
    names = (getattr(settings, name, None) for name in PERSONAL_COOKIES)
    return any(name in request.COOKIES for name in names if name)


def _page_key(request):
    # The path names the language (Danish at /, English under /en/), so it is not
    # a part of its own: this runs before LocaleMiddleware has read it.
    parts = "\n".join([
        request.scheme, request.get_host(), request.path,
        request.META.get("QUERY_STRING", ""),
        accepted_encoding(request),
    ])
    return PAGE_KEY_PREFIX + hashlib.sha256(parts.encode()).hexdigest()


def _cache_control(response):
    return {part.strip().split("=")[0].lower()
            for part in cc_delim_re.split(response.get("Cache-Control", ""))}


def _known_vary(response):
    vary = {part.strip().lower() for part in cc_delim_re.split(response.get("Vary", ""))}
    return vary <= KNOWN_VARY | {""}


def _storable(request, response):
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    control = _cache_control(response)
    if "public" not in control or control & {"private", "no-cache", "no-store"}:
        return False
    return _known_vary(response)


def _storable_with_holes(request, response):
    """A page that is public but for the per-visitor values it declared (``page_holes``).

    ``CachePolicyMiddleware`` made it ``private, no-cache`` for its CSRF token; a
    view that chose ``never_cache`` (``no-store``) or set other cookies is not kept.
    """
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if not page_holes.has_holes(request) or set(response.cookies) - {settings.CSRF_COOKIE_NAME}:
        return False
    return _cache_control(response) == {"private", "no-cache"} and _known_vary(response)


def _replay(request, stored):
    _generation, status, headers, content = stored
    if isinstance(content, page_holes.CutPage):
        return _replay_form_page(request, status, headers, content)
    response = _response(status, headers, content)
    response[STATUS_HEADER] = "hit"
    return response


def _response(status, headers, content):
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


def _replay_form_page(request, status, headers, cut):
    csrf = CsrfViewMiddleware(lambda request: None)
    # The visitor's own CSRF cookie, if they have one, so forms in their other
    # tabs stay valid; a new one otherwise.
    csrf.process_request(request)
    values = page_holes.fresh_values(request, cut)
    gzipped = "gzip" in accepted_encodings(request)
    content = page_holes.gzipped(cut, values) if gzipped else page_holes.filled_in(cut, values)
    response = csrf.process_response(request, _response(status, headers, content))
    if gzipped:
        response["Content-Encoding"] = "gzip"
        response["Content-Length"] = str(len(content))
        patch_vary_headers(response, ("Accept-Encoding",))
    else:
        response = compress(request, response, quality=REFILLED_BROTLI_QUALITY)
    response[STATUS_HEADER] = "hit"
    return response


def _keep(key, generation, request, response, seconds):
    content = response.content
    if page_holes.has_holes(request):
        content = page_holes.cut_out(request, content)
        left_out = {"content-length", "etag", STATUS_HEADER.lower()}
    else:
        response["Last-Modified"] = http_date()
        # Once, here, rather than by ConditionalGetMiddleware on every visit.
        set_response_etag(response)
        left_out = {STATUS_HEADER.lower()}
    headers = [(name, value) for name, value in response.items()
               if name.lower() not in left_out]
    stored = (generation, response.status_code, headers, content)
    cache.set(key, stored, seconds)
    _local.keep(key, stored)


class _LocalPages:
    """This process's latest kept pages, most recently used last."""

    def __init__(self, size):
        self.size = size
        self.pages = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            stored = self.pages.get(key)
            if stored is not None:
                self.pages.move_to_end(key)
            return stored

    def keep(self, key, stored):
        with self.lock:
            self.pages[key] = stored
            self.pages.move_to_end(key)
            while len(self.pages) > self.size:
                self.pages.popitem(last=False)


_local = _LocalPages(LOCAL_PAGES)


class TrustedRead:
    """A value this process last read from Redis, trusted for ``seconds`` after."""

    def __init__(self, seconds):
        self.seconds = seconds
        self.read = (None, 0.0)

    def trusted(self):
        value, until = self.read
        return value if time.monotonic() < until else None

    def remember(self, value):
        if value is not None:
            self.read = (value, time.monotonic() + self.seconds)

    def forget(self):
        self.read = (None, 0.0)


_last_read = TrustedRead(GENERATION_TRUSTED_SECONDS)


def _find(key):
    """The current generation, and the page kept for ``key`` in it (or None)."""
    local = _local.get(key)
    if local is not None and local[0] == _last_read.trusted():
        return local[0], local
    found = cache.get_many([GENERATION_KEY] if local else [GENERATION_KEY, key])
    generation = _current_generation(found)
    _last_read.remember(generation)
    if generation is None:
        return None, None
    if local is not None and local[0] == generation:
        return generation, local
    stored = found.get(key) if local is None else cache.get(key)
    if stored is None or stored[0] != generation:
        return generation, None
    _local.keep(key, stored)
    return generation, stored


class PageCacheMiddleware:
    """Answer anonymous GETs of public pages from the shared cache, and fill it.

    Sits high, so a kept page skips most of the stack: below the security
    headers, WhiteNoise and ``ConditionalGetMiddleware`` (a kept page still gets
    its 304), above the session, locale and common middleware (whose headers,
    such as ``Content-Language``, are kept with the page; only 200s are kept, so
    never their redirects), above the compression (pages are kept compressed,
    once per encoding) and above ``CachePolicyMiddleware``, whose
    ``Cache-Control`` decides what is kept.
    A page with a form is kept cut at its per-visitor values, and filled in for
    each visitor (``page_holes``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or request.method not in ("GET", "HEAD") or _personal(request):
            return self.get_response(request)
        key = _page_key(request)
        generation, stored = _find(key)
        if stored is not None:
            return _replay(request, stored)
        response = self.get_response(request)
        if generation is None:
            return response
        if _storable(request, response):
            _keep(key, generation, request, response, seconds)
            response[STATUS_HEADER] = "miss"
        elif _storable_with_holes(request, response):
            _keep(key, generation, request, response, seconds)
            # Left uncompressed below for its cookie; safe to compress, see page_holes.
            response = compress(request, response)
            response[STATUS_HEADER] = "miss"
        return response
