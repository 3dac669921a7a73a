"""Addresses in the visitor's language: Danish at ``/``, English under ``/en/``.

Both languages use the same paths: the Danish slugs and view paths are kept
under ``/en/`` (README, "Languages"), so an address in one language becomes
the other's by swapping the prefix alone. That is what lets the switcher keep
a visitor on the same page, and lets ``/en/<path>/`` show the Danish page
when it has no English translation (``portal.core.routing``).
"""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page

from .page_cache import kept_for_generation

DEFAULT_LANGUAGE = settings.LANGUAGE_CODE
TRANSLATIONS_KEY_PREFIX = "languages:translations:"
TRANSLATIONS_SECONDS = 24 * 60 * 60

# Locales are made once (a migration) and never change language, so the
# language of a locale id is read once per process instead of once per page.
_locale_languages = {}


def language_prefix(language=None):
    language = language or get_language() or DEFAULT_LANGUAGE
    return "" if language == DEFAULT_LANGUAGE else f"/{language}"


def unprefixed(path):
    """The path without a language prefix: the same in every language."""
    for code, _name in settings.LANGUAGES:
        prefix = language_prefix(code)
        if prefix and (path == prefix or path.startswith(prefix + "/")):
            return path[len(prefix):] or "/"
    return path


def localized_path(path, language=None):
    """A site-relative path (``/frivilligopgaver/``) in the given or active language."""
    if not path.startswith("/"):
        return path
    return language_prefix(language) + unprefixed(path)


def locale_language(locale_id):
    if locale_id not in _locale_languages:
        _locale_languages.update(Locale.objects.values_list("pk", "language_code"))
    return _locale_languages.get(locale_id, DEFAULT_LANGUAGE)


def page_language(page):
    """The language a page's content is written in."""
    locale_id = getattr(page, "locale_id", None)
    if not settings.WAGTAIL_I18N_ENABLED or locale_id is None:
        return DEFAULT_LANGUAGE
    return locale_language(locale_id)


def localized_page_url(page, request=None, language=None):
    """A page's address in the visitor's language, its own or the Danish page's under /en/."""
    url = page.get_url(request=request)
    if url is None:
        return None
    if page_language(page) != DEFAULT_LANGUAGE:
        return url
    return localized_path(url, language)


def _addresses_in_languages(request):
    """The requested address in every language, worked out once per request.

    The switcher and a view's hreflang links both need it; each would resolve
    and reverse the address again.
    """
    if not hasattr(request, "_addresses_in_languages"):
        path = request.get_full_path()
        request._addresses_in_languages = [(code, translate_url(path, code))
                                           for code, _name in settings.LANGUAGES]
    return request._addresses_in_languages


def language_links(request):
    """The switcher's entries: each language, its name in itself, the same page's address."""
    current = get_language()
    return [{
        "code": code,
        "name": get_language_info(code)["name_local"].capitalize(),
        "url": url,
        "current": code == current,
    } for code, url in _addresses_in_languages(request)]


def page_alternates(page, request):
    """Each language's live version of a page, as (language, full URL), Danish first.

    A page nobody has translated has only its Danish address here: the same
    page under /en/ is the Danish text again, which search engines should not
    be told is a translation.
    """
    versions = _translated_pages().get(page.translation_key) or {page_language(page): page.url_path}
    return [(code, Page(url_path=versions[code]).get_full_url(request))
            for code, _name in settings.LANGUAGES if code in versions]


def _translated_pages():
    """The live pages that have a translation: {translation key: {language: url_path}}.

    Few pages are translated by hand, so the whole map is kept in the cache and
    read in two round trips instead of one query per page served. It is made
    again after any publish, unpublish, move or deletion (the page cache's
    generation changes with them).
    """
    return kept_for_generation(TRANSLATIONS_KEY_PREFIX, TRANSLATIONS_SECONDS,
                               _read_translated_pages)


def _read_translated_pages():
    live = Page.objects.live()
    translated = live.exclude(locale__language_code=DEFAULT_LANGUAGE)
    found = {}
    for translation_key, locale_id, url_path in (
        live.filter(translation_key__in=translated.values("translation_key"))
        .values_list("translation_key", "locale_id", "url_path")
    ):
        found.setdefault(translation_key, {})[locale_language(locale_id)] = url_path
    return found


def view_alternates(request):
    """A view's address in every language: its interface is translated, so all exist."""
    return [(code, request.build_absolute_uri(url))
            for code, url in _addresses_in_languages(request)]
