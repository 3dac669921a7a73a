"""The small files browsers and crawlers ask for at fixed addresses."""

from functools import cache

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Site

from portal.core.site_address import public_root_url

FAVICON = settings.BASE_DIR / "static" / "icons" / "favicon.ico"


@cache
def _favicon_bytes():
    return FAVICON.read_bytes()


@require_safe
@cache_control(public=True, max_age=7 * 24 * 3600)
def favicon(request):
    # Browsers ask for /favicon.ico before (or without) reading the page's <link rel="icon">.
    return HttpResponse(_favicon_bytes(), content_type="image/x-icon")


@require_safe
@cache_control(public=True, max_age=3600)
def robots_txt(request):
    # Wagtail falls back to the default site for an unknown host.
    root = public_root_url(Site.find_for_request(request))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {root}{reverse('sitemap')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
