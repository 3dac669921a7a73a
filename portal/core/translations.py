"""Danish pages are the canonical set; English translations are shown in their place.

A page is translated into English with ``wagtail.contrib.simple_translation``:
the English page is a copy with the same ``translation_key`` and slug, in the
English locale. Everything a visitor can enumerate (listings and their counts,
sections, feeds, the API, figures, search) lists the Danish pages only, through
:func:`in_default_locale`, so a translated page never appears or counts twice.
Under an English request, :func:`show_in_language` gives a list of those
Danish pages the English title, summary, image text (``CARD_WORDS``) and
address where a live translation exists (one query per page type), and the
English address of the same path where none does.

What a translation shares with its Danish page instead of copying (shifts,
taxonomies, the organisation) is read through :attr:`TranslatedPageMixin.source_page`.
"""

from collections import defaultdict

from django.utils import translation
from django.utils.functional import cached_property
from wagtail.models import Locale

from .languages import DEFAULT_LANGUAGE, localized_path, page_language
from .privacy import routed_view_restrictions

# The words a card or a link shows, taken from a page's translation where it has one.
CARD_WORDS = ("title", "summary", "image_alt")


def in_default_locale(queryset):
    """Only the Danish pages of a page queryset: the set every public enumeration uses.

    A subquery on the locale rather than a join, so a search backend can filter by it
    too (``locale`` is one of Wagtail's own search filter fields).
    """
    default = Locale.objects.filter(language_code=DEFAULT_LANGUAGE).values("pk")
    return queryset.filter(locale__in=default)


def is_default_locale(page):
    return page_language(page) == DEFAULT_LANGUAGE


def shown_language():
    """The language the visitor reads in, or None where that is the default (Danish)."""
    language = translation.get_language()
    return language if language and language != DEFAULT_LANGUAGE else None


def versions_in(pages, language, live=True):
    """The versions of ``pages`` in ``language`` (live ones only, unless told), by translation key.

    One query per page type, however many pages.
    """
    keys_by_model = defaultdict(set)
    for page in pages:
        keys_by_model[type(page)].add(page.translation_key)
    found = {}
    for model, keys in keys_by_model.items():
        versions = model._default_manager.filter(
            translation_key__in=keys, locale__language_code=language)
        found.update((page.translation_key, page)
                     for page in (versions.live() if live else versions))
    return found


def show_in_language(pages, request=None):
    """Give ``pages`` (Danish) the visitor's language where they are shown, and return them.

    Under an English request a page with a live English translation shows that
    translation's words (``CARD_WORDS``, or the page type's ``words_shown_from_translation``)
    and address; one without shows in Danish at its English address (the same
    path under /en/). The pages stay the Danish
    objects, so shifts, taxonomies and organisation are still read from them.
    The organisation a card names as its byline (``owner_organisation``) is shown
    the same way, where it came with the page. Under Danish nothing changes.
    """
    pages = list(pages)
    language = shown_language()
    if language is None or not pages:
        return pages
    _show(pages, request, language)
    _show(_owners_at_hand(pages), request, language)
    return pages


def _show(pages, request, language):
    translations = versions_in(pages, language)
    for page in pages:
        translated = translations.get(page.translation_key)
        if translated is None:
            page.show_at(_path_in_language(page, request, language))
            # Its Danish title and summary are marked as such (``content_lang``).
            page.untranslated_language = DEFAULT_LANGUAGE
            continue
        for field in getattr(page, "words_shown_from_translation", CARD_WORDS):
            if hasattr(translated, field):
                setattr(page, field, getattr(translated, field))
        page.show_at(translated.get_url_parts(request))


def translated_where_possible(pages):
    """``pages`` (Danish) as the visitor reads them: each replaced by its live translation
    into the visitor's language where there is one, the others marked as Danish text."""
    pages = list(pages)
    language = shown_language()
    if language is None:
        return pages
    translations = versions_in(pages, language)
    for page in pages:
        if page.translation_key not in translations:
            page.untranslated_language = DEFAULT_LANGUAGE
    return [translations.get(page.translation_key, page) for page in pages]


def _owners_at_hand(pages):
    """The organisations ``pages`` carry as ``owner_organisation``: fetched with them
    (``select_related``) or set on them (``owners_of``). Reading one that is not at hand
    would cost a query per card, so such a page is left out."""
    owners = (page._state.fields_cache.get("owner_organisation")
              or vars(page).get("owner_organisation") for page in pages)
    return [owner for owner in owners if owner is not None]


def _path_in_language(page, request, language):
    parts = page.get_url_parts(request)
    if not parts or parts[2] is None:
        return parts
    site_id, root_url, path = parts
    return site_id, root_url, localized_path(path, language)


class TranslatedPageMixin:
    """What every public page type shares: its Danish source, an address to show, and a
    cheap check of its view restrictions."""

    _shown_url_parts = None

    @cached_property
    def source_page(self):
        """The Danish page this one translates, or itself (also when that page is gone)."""
        if self.pk is None or is_default_locale(self):
            return self
        source = (
            type(self)._default_manager.filter(
                translation_key=self.translation_key, locale__language_code=DEFAULT_LANGUAGE
            )
            .exclude(pk=self.pk)
            .first()
        )
        return source or self

    @property
    def is_translation(self):
        return self.source_page is not self

    def get_view_restrictions(self):
        # A page routing found knows its ancestors: its restrictions are read from
        # the kept list, not with Wagtail's two queries per visit (``portal.core.privacy``).
        restrictions = routed_view_restrictions(self)
        if restrictions is None:
            return super().get_view_restrictions()
        return restrictions

    def full_clean(self, *args, **kwargs):
        # The English page keeps the Danish page's slug, so a path is the same in both
        # languages (the admin would make a new slug from an edited English title).
        # A home page is the exception: its translation is its sibling under the root.
        if self.depth and self.depth > 2 and self.is_translation:
            self.slug = self.source_page.slug
        super().full_clean(*args, **kwargs)

    def show_at(self, url_parts):
        """Link to ``url_parts`` (as ``get_url_parts`` gives them) wherever this object is shown."""
        self._shown_url_parts = url_parts

    def get_url_parts(self, request=None):
        if self._shown_url_parts is not None:
            return self._shown_url_parts
        return super().get_url_parts(request)
