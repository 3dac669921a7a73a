"""Whole public pages kept in the shared cache, so a repeat visit costs no rendering.

What may be kept is decided elsewhere, once: ``CachePolicyMiddleware`` marks a
response ``public`` only when it is an anonymous GET with no cookie and no CSRF
token, and views with forms are ``never_cache``. This middleware keeps exactly
those responses, and answers from them only requests that carry no session or
messages cookie, so no visitor ever sees a page made for someone else.

Invalidation is by one site-wide *generation*: every kept page records the
generation it was made in, and is used only while that is still current. A
publish, unpublish, move or deletion of any page, a change of shifts or
bookings, taxonomies, site settings, redirects or search promotions starts a
new generation (``start_new_generation``), at once and again after the commit.
One key instead of tracking which pages show what: a change to an opportunity
shows on its own page, the listings, the home page, the organisation, related
opportunities and the search, and the cheapest correct answer is to let all of
them be made again; content changes are rare beside visits.

The generation and the page are read in one round trip. With Redis
unreachable the generation reads as missing, nothing is kept or served, and
pages are made as if there were no cache (``portal.core.cache``); the
generation written while Redis was away is deleted when it is back, which
retires every page kept before.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import cc_delim_re
from django.utils.http import http_date

GENERATION_KEY = "pagecache:generation"
PAGE_KEY_PREFIX = "pagecache:page:"
STATUS_HEADER = "X-Page-Cache"
# A response varying on anything but these cannot be told apart by our key.
KNOWN_VARY = {"cookie", "accept-language", "accept-encoding"}
# Cookies that make a request personal: its pages must be made for it alone.
PERSONAL_COOKIES = ("SESSION_COOKIE_NAME", "MESSAGE_COOKIE_NAME")


def start_new_generation(**kwargs):
    """Retire every kept page, now and once the current transaction has committed.

    Twice, so a page made between the change and its commit (from the data
    before it) cannot outlive the change. Connected to signals, hence ``**kwargs``.
    """
    _new_generation()
    transaction.on_commit(_new_generation)


def _new_generation():
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def _current_generation(found):
    generation = found.get(GENERATION_KEY)
    if generation is None:
        # First request after a flush, or Redis is down (then ``add`` says False).
        generation = uuid.uuid4().hex
        if not cache.add(GENERATION_KEY, generation, None):
            generation = cache.get(GENERATION_KEY)
    return generation


def accepted_encoding(request):
    """The compression this client gets: brotli, gzip or none (``CompressionMiddleware``)."""
    accepted = request.META.get("HTTP_ACCEPT_ENCODING", "")
    names = {part.split(";")[0].strip().lower() for part in accepted.split(",")}
    if "br" in names:
        return "br"
    if "gzip" in names:
        return "gzip"
    return ""


def _personal(request):
    names = (getattr(settings, name, None) for name in PERSONAL_COOKIES)
    return any(name in request.COOKIES for name in names if name)


def _page_key(request):
    parts = "\n".join([
        request.scheme, request.get_host(), request.path,
        request.META.get("QUERY_STRING", ""),
        getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE),
        accepted_encoding(request),
    ])
    return PAGE_KEY_PREFIX + hashlib.sha256(parts.encode()).hexdigest()


def _storable(request, response):
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    control = {part.strip().split("=")[0].lower()
               for part in cc_delim_re.split(response.get("Cache-Control", ""))}
    if "public" not in control or control & {"private", "no-cache", "no-store"}:
        return False
    vary = {part.strip().lower() for part in cc_delim_re.split(response.get("Vary", ""))}
    return vary <= KNOWN_VARY | {""}


def _replay(stored):
    _generation, status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response[STATUS_HEADER] = "hit"
    return response


class PageCacheMiddleware:
    """Answer anonymous GETs of public pages from the shared cache, and fill it.

    Sits below the session, locale and common middleware (so the language is
    known and a redirect to the slashed address is not kept), above the
    compression (so pages are kept compressed, once per encoding) and above
    ``CachePolicyMiddleware``, whose ``Cache-Control`` decides what is kept.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or request.method not in ("GET", "HEAD") or _personal(request):
            return self.get_response(request)
        key = _page_key(request)
        found = cache.get_many([GENERATION_KEY, key])
        generation = _current_generation(found)
        stored = found.get(key)
        if generation is not None and stored is not None and stored[0] == generation:
            return _replay(stored)
        response = self.get_response(request)
        if generation is not None and _storable(request, response):
            response["Last-Modified"] = http_date()
            headers = [(name, value) for name, value in response.items()
                       if name.lower() != STATUS_HEADER.lower()]
            cache.set(key, (generation, response.status_code, headers, response.content),
                      seconds)
            response[STATUS_HEADER] = "miss"
        return response
