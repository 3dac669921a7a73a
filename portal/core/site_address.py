"""The site's public address for what leaves the page: the sitemap and robots.txt.

Wagtail builds full URLs from the Site's hostname. A fresh install keeps the
placeholder ``localhost`` there, which would send search engines nowhere, so a
placeholder gives way to the configured public address, ``WAGTAILADMIN_BASE_URL``
(the same address mails link to). A real hostname set by an editor wins.
"""

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap

PLACEHOLDER_HOSTS = {"", "localhost", "127.0.0.1", "[::1]", "::1"}


def public_root_url(site):
    if site is None or site.hostname in PLACEHOLDER_HOSTS:
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return site.root_url


class PortalSitemap(Sitemap):
    """Wagtail's sitemap with every address on the public host."""

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        site = self.get_wagtail_site()
        stored, public = site.root_url, public_root_url(site)
        if stored != public:
            for info in urls:
                if info["location"].startswith(stored + "/"):
                    info["location"] = public + info["location"][len(stored):]
        return urls
