"""modelsearch's Elasticsearch 9 backend, with English analysis beside the Danish.

The index settings analyse every text field in Danish (``portal.settings.base``).
The rules of ``search.languages`` hold here too, with a field of its own per
other language, analysed by Elasticsearch's analyser of that name:

- A Danish page's document holds its live English translation's own words
  (those it does not share with the Danish page) in ``_english_text``; an
  English page's document holds its own words there. Untranslated pages have
  no such field.
- Under /en/ a plain-text or phrase query matches ``_all_text`` (and its boost
  fields) as under Danish, *or* ``_english_text``: a query finds a page when
  all its words are in the Danish text or all are in the English one. A query
  mixing the two languages finds what it does on the database backends only
  where one of the texts holds every word. Under Danish the query is
  modelsearch's own. Autocomplete is modelsearch's own in both languages.
- Writing or deleting a translation writes its Danish page's document again.
"""

from django.db import models
from django.utils.encoding import force_str
from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9Index,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
)
from modelsearch.backends.elasticsearchbase import Field
from modelsearch.index import RelatedFields, SearchField, class_is_indexed
from modelsearch.query import Phrase, PlainText

from portal.worker.search_backend import RetryingIndexing
from search.languages import (
    DEFAULT_STEMMER,
    STEMMERS,
    IndexedTexts,
    SourcesFollowMixin,
    own_search_fields,
    query_stemmers,
)

# Elasticsearch's built-in language analysers bear Snowball's names ("english").
LANGUAGE_FIELDS = {stemmer: f"_{stemmer}_text" for stemmer in STEMMERS.values()
                   if stemmer != DEFAULT_STEMMER}


def own_text(page):
    """The texts of ``page``'s own search fields, related objects' included, in field order."""
    return list(_texts(page, own_search_fields(page, page.get_search_fields())))


def _texts(obj, fields):
    for field in fields:
        if isinstance(field, SearchField):
            yield from _strings(field.get_value(obj))
        elif isinstance(field, RelatedFields):
            for related in _related_objects(field.get_value(obj)):
                yield from _texts(related, field.fields)


def _strings(value):
    # A StreamField's searchable content is a list of strings.
    if isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)
    elif value is not None and force_str(value).strip():
        yield force_str(value)


def _related_objects(value):
    if isinstance(value, (models.Manager, models.QuerySet)):
        return value.all()
    return [] if value is None else [value]


class LanguageMapping(Elasticsearch9Mapping):
    def get_mapping(self):
        mapping = super().get_mapping()
        for stemmer, field in LANGUAGE_FIELDS.items():
            mapping["properties"][field] = {"type": "text", "analyzer": stemmer}
        return mapping

    def get_document(self, obj, texts=None):
        """``obj``'s document; ``texts`` are the :class:`IndexedTexts` of its batch.

        Without them they are read for ``obj`` alone.
        """
        document = super().get_document(obj)
        if texts is None:
            texts = IndexedTexts([obj])
        for stemmer, field in LANGUAGE_FIELDS.items():
            words = [text for source in texts.texts_in(obj, stemmer) for text in own_text(source)]
            if words:
                document[field] = words
        return document


class LanguageIndex(SourcesFollowMixin, Elasticsearch9Index):
    """modelsearch's index, reading the translations of a batch once for all its documents."""

    def add_item(self, item):
        if not class_is_indexed(type(item)):
            return
        texts = IndexedTexts([item])
        mapping = self.mapping_class(type(item))
        self.es.index(index=self.name, id=mapping.get_document_id(item),
                      document=mapping.get_document(item, texts))
        self._add_sources(texts)

    def add_items(self, model, items):
        if not class_is_indexed(model):
            return
        items = list(items)
        texts = IndexedTexts(items)
        mapping = self.mapping_class(model)
        actions = [{"_id": mapping.get_document_id(item), **mapping.get_document(item, texts)}
                   for item in items]
        if actions:
            self.backend.bulk(self.es, actions, index=self.name)
        self._add_sources(texts)


class LanguageQueryCompiler(Elasticsearch9SearchQueryCompiler):
    mapping_class = LanguageMapping

    def get_inner_query(self):
        query = super().get_inner_query()
        # A search limited to named fields searches those alone.
        if self.fields or not isinstance(self.query, (PlainText, Phrase)):
            return query
        fields = [Field(LANGUAGE_FIELDS[stemmer]) for stemmer in query_stemmers()
                  if stemmer in LANGUAGE_FIELDS]
        if not fields:
            return query
        if isinstance(self.query, Phrase):
            in_language = self._compile_phrase_query(self.query, fields)
        else:
            in_language = self._compile_plaintext_query(self.query, fields)
        return {"bool": {"should": [query, in_language], "minimum_should_match": 1}}


class LanguageElasticsearchBackend(RetryingIndexing, Elasticsearch9SearchBackend):
    """Elasticsearch 9: Danish analysis for every text, English for English texts and
    queries; a failed update is retried by the worker (``portal.worker.search_backend``)."""

    mapping_class = LanguageMapping
    index_class = LanguageIndex
    query_compiler_class = LanguageQueryCompiler


SearchBackend = LanguageElasticsearchBackend
