"""The site's public address for what leaves the page: the sitemap and robots.txt.

Wagtail builds full URLs from the Site's hostname. A fresh install keeps the
placeholder ``localhost`` there, which would send search engines nowhere, so a
placeholder gives way to the configured public address, ``WAGTAILADMIN_BASE_URL``
(the same address mails link to). A real hostname set by an editor wins.
"""

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .languages import DEFAULT_LANGUAGE
from .privacy import unrestricted

PLACEHOLDER_HOSTS = {"", "localhost", "127.0.0.1", "[::1]", "::1"}


def public_root_url(site):
    if site is None or site.hostname in PLACEHOLDER_HOSTS:
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return site.root_url


class PortalSitemap(Sitemap):
    """Wagtail's sitemap with every address on the public host, and each translation.

    The items are the site's Danish pages. A page with a live English
    translation is listed in both languages, each entry naming the other as
    its alternate; an untranslated page only in Danish (its /en/ address shows
    the same Danish text).
    """

    def _urls(self, page, protocol, domain):
        # Wagtail's loop over the items, with each page's translation beside it.
        site = self.get_wagtail_site()
        stored, public = site.root_url, public_root_url(site)
        translations = self._translations()
        urls, last_mods = [], set()
        for item in self.paginator.page(page).object_list.iterator():
            entries = item.get_sitemap_urls(self.request)
            translation = translations.get(item.translation_key)
            if entries and translation is not None:
                entries = self._in_both_languages(entries[0], translation)
            for info in entries:
                for entry in (info, *info.get("alternates", ())):
                    if entry["location"].startswith(stored + "/") and stored != public:
                        entry["location"] = public + entry["location"][len(stored):]
                urls.append(info)
                last_mods.add(info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def _translations(self):
        if not settings.WAGTAIL_I18N_ENABLED:
            return {}
        pages = (unrestricted(Page.objects.live()).exclude(locale__language_code=DEFAULT_LANGUAGE)
                 .select_related("locale"))
        return {page.translation_key: page for page in pages}

    def _in_both_languages(self, danish, translation):
        english = {
            "location": translation.get_full_url(self.request),
            "lastmod": translation.last_published_at or translation.latest_revision_created_at,
        }
        versions = [(DEFAULT_LANGUAGE, danish), (translation.locale.language_code, english)]
        for entry in (danish, english):
            entry["alternates"] = [{"lang_code": code, "location": version["location"]}
                                   for code, version in versions]
            entry["alternates"].append({"lang_code": "x-default", "location": danish["location"]})
        return [danish, english]
