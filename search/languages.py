"""Which language the database search stems a text in.

An index entry is stemmed in the language of what it holds, a query in the
language of the visitor who types it (``search.backends``):

- A Danish page's entry holds its Danish text stemmed in Danish, and the text
  of its live English translation stemmed in English. Search results are the
  Danish pages (the canonical set, ``portal.core.translations``), so one entry
  finds a page in either language and a translated page is one result, shown
  in English under /en/.
- An English page's entry holds its English text stemmed in English: the
  pages themselves are searched by editors in the admin.
- Anything else (a page of another locale without a stemmer, a snippet) is
  stemmed in Danish.
- A query under /en/ matches a word stemmed in English or in Danish, so it
  finds English translations ("volunteering" finds "volunteers") and still
  finds Danish pages by the words an English reader shares with them; under
  Danish a query is stemmed in Danish only.

When an English translation is published, unpublished or deleted, its
Danish page's entry is written again (:class:`IndexedTexts`).

The database backends (``search.backends.postgres``, ``.sqlite``) and the
Elasticsearch one (``search.backends.elasticsearch``) share these rules.
"""

from collections import defaultdict

from django.utils import translation
from modelsearch.utils import get_content_type_pk
from wagtail.models import Page

from portal.core.languages import locale_language
from portal.core.translations import DEFAULT_LANGUAGE, versions_in

# Snowball's names for its stemmers, which are PostgreSQL's names for its
# text-search configurations too.
STEMMERS = {"da": "danish", "en": "english"}
DEFAULT_STEMMER = STEMMERS[DEFAULT_LANGUAGE]


def query_stemmers():
    """The stemmers a visitor's query is stemmed with: their language's, then Danish."""
    active = STEMMERS.get(translation.get_language(), DEFAULT_STEMMER)
    return tuple(dict.fromkeys([active, DEFAULT_STEMMER]))


class IndexedTexts:
    """What the index entries of a batch of objects hold, and which others to write again.

    ``versions`` maps the objects whose entry holds more than their own Danish
    text to ``[(stemmer, text_source), ...]``: the texts the entry is made of,
    each stemmed with its stemmer. Objects missing from it are indexed as they
    are, in Danish. ``sources`` are the Danish pages translated by pages of the
    batch, by page type: their entries hold the translations' text, so they are
    written again whenever a translation is.
    """

    def __init__(self, objs):
        self.versions = {}
        self.sources = {}
        pages = [obj for obj in objs if isinstance(obj, Page)]
        if not pages:
            return
        danish, translated = [], []
        for page in pages:
            language = locale_language(page.locale_id)
            if language == DEFAULT_LANGUAGE:
                danish.append(page)
            elif language in STEMMERS:
                translated.append(page)
                self.versions[page] = [(STEMMERS[language], page)]
        self._add_translations(danish)
        self.sources = _danish_pages_of(translated)

    def _add_translations(self, danish):
        for language, stemmer in STEMMERS.items():
            if language == DEFAULT_LANGUAGE:
                continue
            translations = versions_in(danish, language)
            for page in danish:
                translation_page = translations.get(page.translation_key)
                if translation_page is not None:
                    self.versions.setdefault(page, [(DEFAULT_STEMMER, page)]).append(
                        (stemmer, translation_page)
                    )

    def texts_in(self, obj, stemmer):
        """The objects whose text ``obj``'s entry holds stemmed with ``stemmer``."""
        return [source for source_stemmer, source in self.versions.get(obj, ())
                if source_stemmer == stemmer]


def own_search_fields(page, search_fields):
    """``page``'s ``search_fields`` without those a translation shares with its Danish page.

    What a translation shares with its Danish page (``fields_shared_with_source``:
    places, categories) it holds as copies made when it was translated, which
    nothing shows and which go stale; the Danish page's text in the same entry
    holds the current values.
    """
    if locale_language(page.locale_id) == DEFAULT_LANGUAGE:
        return search_fields
    shared = set(getattr(page, "fields_shared_with_source", ()))
    return [field for field in search_fields if field.field_name not in shared]


def own_words(indexer):
    """modelsearch's ``ObjectIndexer`` for a text of an entry, reading a translation's own
    words only (:func:`own_search_fields`)."""
    indexer.search_fields = own_search_fields(indexer.obj, indexer.search_fields)
    return indexer


def _danish_pages_of(translations):
    """The Danish pages of ``translations``, live or not, by page type."""
    sources = defaultdict(list)
    for page in versions_in(translations, DEFAULT_LANGUAGE, live=False).values():
        sources[type(page)].append(page)
    return sources


class SourcesFollowMixin:
    """An index in which the Danish pages follow their translations (``IndexedTexts.sources``).

    A Danish page's entry holds its translations' text, so it is written again
    whenever one of them is written or deleted.
    """

    def _add_sources(self, texts):
        for source_model, sources in texts.sources.items():
            self.add_items(source_model, sources)

    def delete_item(self, item):
        super().delete_item(item)
        self._add_sources(IndexedTexts([item]))


class LanguageIndexMixin(SourcesFollowMixin):
    """A database backend's index whose entries hold each text stemmed in its language.

    modelsearch's index writes every entry from its object's own text, stemmed
    in Danish; the entries listed by :class:`IndexedTexts` are then written
    again by ``_write_entry(content_type, obj, versions)``, which each backend
    implements, and the Danish pages of the translations written follow.
    """

    def add_items(self, model, objs):
        objs = list(objs)
        super().add_items(model, objs)
        texts = IndexedTexts(objs)
        if texts.versions and model.get_search_fields():
            content_type = get_content_type_pk(model)
            for obj, versions in texts.versions.items():
                self._write_entry(content_type, obj, versions)
            self._refresh_title_norms()
        self._add_sources(texts)
