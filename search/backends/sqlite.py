"""Stemming for the database search on SQLite, as PostgreSQL has it.

On PostgreSQL the database backend stems with the ``danish`` and ``english``
text-search configurations, so "ensomhed" finds "ensomme" and "volunteering"
finds "volunteers". SQLite's FTS5 only splits words and folds case, and
Python's ``sqlite3`` cannot register a tokenizer of its own, so this backend
stems in Python with the same Snowball algorithms, each text and each query
in its language (``search.languages``):

- The title and body written to the index entries hold the words' stems;
  modelsearch's triggers copy them into the FTS5 table. An entry that holds
  other texts than its object's Danish text is written again from those texts.
- The words of a query are stemmed the same way; under /en/ a word matches its
  English or its Danish stem. Only words reach FTS5, so ``"``, ``*``, ``:``,
  ``(`` or ``NEAR`` in a query are no syntax of its.
- The autocomplete column is left as written: what someone is typing ("besø")
  is a prefix, not a word, and must match the start of the whole word
  ("besøgsven"), which its stem ("besøgsv") might not.

Settings name this backend for SQLite databases only (``portal.settings.base``).
"""

import re
from functools import reduce
from operator import and_, or_

import snowballstemmer
from django.db.models import QuerySet
from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText

from search.languages import DEFAULT_STEMMER, LanguageIndexMixin, own_words, query_stemmers

# Letters and digits: FTS5's unicode61 tokenizer takes the underscore, like any
# punctuation, for a separator.
WORD = re.compile(r"[^\W_]+")
STEMMED_COLUMNS = ("title", "body")


def stem_text(text, stemmer=DEFAULT_STEMMER):
    """The stems of the words in ``text``, lower case, separated by spaces.

    ``stemmer`` is Snowball's name for the language's stemmer ("danish").
    """
    words = WORD.findall(text.lower())
    # A stemmer keeps the word it works on in itself: one per call, so threads
    # serving searches at the same time never share one.
    return " ".join(snowballstemmer.stemmer(stemmer).stemWords(words))


class StemmedEntries(QuerySet):
    """Index entries whose title and body are stemmed as they are written.

    ``SQLiteIndex.add_items`` writes every entry through the index's
    ``entries``: ``update()`` for objects indexed before, ``bulk_create()`` for
    new ones. Stemming here covers both, on publish and in ``update_index``.
    """

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        for entry in objs:
            for column in STEMMED_COLUMNS:
                setattr(entry, column, stem_text(getattr(entry, column) or ""))
        return super().bulk_create(objs, *args, **kwargs)

    def update(self, **values):
        for column in STEMMED_COLUMNS:
            if isinstance(values.get(column), str):
                values[column] = stem_text(values[column])
        return super().update(**values)


class StemmingIndex(LanguageIndexMixin, SQLiteIndex):
    def __init__(self, backend):
        super().__init__(backend)
        self.entries = StemmedEntries(self.entries.model)

    def _write_entry(self, content_type, obj, versions):
        """``obj``'s entry made of ``versions``, each text stemmed in its language."""
        indexers = [(stemmer, own_words(ObjectIndexer(text_source, self.backend)))
                    for stemmer, text_source in versions]
        # Written as they are, stemmed here: not through ``StemmedEntries``.
        IndexEntry._default_manager.filter(
            content_type_id=content_type, object_id=str(obj.pk)
        ).update(
            title=" ".join(stem_text(indexer.title, stemmer) for stemmer, indexer in indexers),
            body=" ".join(stem_text(indexer.body, stemmer) for stemmer, indexer in indexers),
            autocomplete=" ".join(indexer.autocomplete for _stemmer, indexer in indexers),
            # Marks the entry for ``_refresh_title_norms``, as a new entry is.
            title_norm=1.0,
        )


class StemmingQueryCompiler(SQLiteSearchQueryCompiler):
    """Searches the stemmed title and body with the stems of the query's words."""

    def build_search_query_content(self, query, config=None):
        stemmers = query_stemmers()
        if isinstance(query, PlainText):
            words = WORD.findall(query.query_string.lower())
            if not words:
                # Nothing but punctuation: an empty FTS5 phrase, which matches
                # nothing, as PostgreSQL's empty query does.
                return SearchQueryExpression(Lexeme(""))
            if len(stemmers) > 1:
                join = and_ if query.operator == "and" else or_
                return reduce(join, (self._stem_in_any(word, stemmers) for word in words))
            query = PlainText(stem_text(query.query_string), operator=query.operator,
                              boost=query.boost)
        elif isinstance(query, Phrase):
            if len(stemmers) > 1:
                return reduce(or_, (
                    SearchQueryExpression(stem_text(query.query_string, stemmer))
                    for stemmer in stemmers
                ))
            query = Phrase(stem_text(query.query_string))
        return super().build_search_query_content(query, config=config)

    def _stem_in_any(self, word, stemmers):
        """A word matching its stem in any of the languages of ``stemmers``."""
        stems = dict.fromkeys(stem_text(word, stemmer) for stemmer in stemmers)
        return reduce(or_, (SearchQueryExpression(Lexeme(stem)) for stem in stems))


class StemmingSQLiteSearchBackend(SQLiteSearchBackend):
    """modelsearch's SQLite FTS5 backend stemming Danish and English; autocomplete unstemmed."""

    query_compiler_class = StemmingQueryCompiler
    index_class = StemmingIndex


SearchBackend = StemmingSQLiteSearchBackend
