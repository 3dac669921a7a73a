"""The Wagtail site of a request, and its home page, without two queries per request.

Wagtail finds the site for every request with a query (hostname and port),
then reads its root page and that page's own type before routing starts:
three queries that give the same answer until a site or the home page
changes. Each process keeps the answer per host and port for the current
page-cache generation (any publish, move or site change starts a new one,
``portal.core.signals``) and gives each request its own copy, so no request
sees another's changes to the objects. Wagtail takes the site from
``request._wagtail_site`` when it is set, as its ``Site.find_for_request`` says.
With the cache unreachable there is no generation, and Wagtail asks as usual.
"""

import pickle

from django.http.request import split_domain_port
from wagtail.models import Site

from .page_cache import current_generation

# Hosts are checked against ALLOWED_HOSTS before this (CommonMiddleware), so
# there are few; the bound is a guard.
KNOWN_HOSTS = 32
_known = {}


class KnownSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        known = _known_site(request)
        if known is not None:
            request._wagtail_site = known
        return self.get_response(request)


def _known_site(request):
    generation = current_generation()
    if generation is None:
        return None
    host = (split_domain_port(request.get_host())[0], request.get_port())
    held = _known.get(host)
    if held is None or held[0] != generation:
        site = Site.find_for_request(request)
        if site is not None:
            site.root_page = site.root_page.specific
        if len(_known) >= KNOWN_HOSTS:
            _known.clear()
        held = _known[host] = (generation, pickle.dumps(site))
    return pickle.loads(held[1])
