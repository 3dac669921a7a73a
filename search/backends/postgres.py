"""modelsearch's PostgreSQL backend, stemming each text in its own language.

The entries are written by modelsearch's index in the backend's
``SEARCH_CONFIG`` (Danish); an entry that holds other texts as well (an
English page, a Danish page with an English translation: ``search.languages``)
is then written again from those texts, each turned into a ``tsvector`` with
its own language's configuration. A query is stemmed with the visitor's
language's configuration and Danish: ``(english(w) | danish(w))`` for every
word ``w`` under /en/, exactly as before under Danish.
"""

import copy
import re
from functools import reduce
from operator import and_, or_

from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    ObjectIndexer,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import ADD

from search.languages import LanguageIndexMixin, own_words, query_stemmers

# How modelsearch splits a plain query into words.
WORD_SEPARATORS = re.compile(r"[\s\-]+")


class LanguageIndex(LanguageIndexMixin, PostgresIndex):
    def _write_entry(self, content_type, obj, versions):
        """``obj``'s entry made of ``versions``, each text stemmed in its language."""
        indexers = [own_words(ObjectIndexer(text_source, self._stemming(config)))
                    for config, text_source in versions]
        IndexEntry._default_manager.filter(
            content_type_id=content_type, object_id=str(obj.pk)
        ).update(
            title=ADD([indexer.title for indexer in indexers]),
            autocomplete=ADD([indexer.autocomplete for indexer in indexers]),
            body=ADD([indexer.body for indexer in indexers]),
            title_text=" ".join(indexer.title_text for indexer in indexers),
            body_text=" ".join(indexer.body_text for indexer in indexers),
            # Marks the entry for ``_refresh_title_norms``, as a new entry is.
            title_norm=1.0,
        )

    def _stemming(self, config):
        """This backend, stemming with ``config`` (``ObjectIndexer`` reads its config)."""
        backend = copy.copy(self.backend)
        backend.config = config
        return backend


class LanguageQueryCompiler(PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        configs = query_stemmers()
        if len(configs) == 1 or not isinstance(query, (PlainText, Phrase)):
            return super().build_tsquery_content(query, config=config, invert=invert)
        if isinstance(query, Phrase):
            return self._in_any(query, configs, invert)
        words = [word for word in WORD_SEPARATORS.split(query.query_string) if word]
        if not words:
            return None
        # Words are joined by the query's operator, inverted or not, as modelsearch does.
        join = and_ if query.operator == "and" else or_
        return reduce(join, (self._in_any(PlainText(word), configs, invert) for word in words))

    def _in_any(self, query, configs, invert):
        """``query`` stemmed with any of ``configs`` (with none of them, inverted)."""
        alternatives = [
            super(LanguageQueryCompiler, self).build_tsquery_content(query, config, invert)
            for config in configs
        ]
        return reduce(and_ if invert else or_, alternatives)


class LanguageSearchBackend(PostgresSearchBackend):
    """PostgreSQL search: English texts and queries stemmed in English, the rest in Danish."""

    index_class = LanguageIndex
    query_compiler_class = LanguageQueryCompiler


SearchBackend = LanguageSearchBackend
