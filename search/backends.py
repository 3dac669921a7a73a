"""Danish stemming for the database search on SQLite, as PostgreSQL has it.

On PostgreSQL the database backend stems with the ``danish`` text-search
configuration, so "ensomhed" finds "ensomme". SQLite's FTS5 only splits words
and folds case, and Python's ``sqlite3`` cannot register a tokenizer of its
own, so this backend stems in Python with the same Snowball algorithm:

- The title and body written to the index entries hold the words' stems;
  modelsearch's triggers copy them into the FTS5 table.
- The words of a query are stemmed the same way. Only words reach FTS5, so
  ``"``, ``*``, ``:``, ``(`` or ``NEAR`` in a query are no syntax of its.
- The autocomplete column is left as written: what someone is typing ("besø")
  is a prefix, not a word, and must match the start of the whole word
  ("besøgsven"), which its stem ("besøgsv") might not.

Settings name this backend for SQLite databases only (``portal.settings.base``).
"""

import re

import snowballstemmer
from django.db.models import QuerySet
from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText

# Letters and digits: FTS5's unicode61 tokenizer takes the underscore, like any
# punctuation, for a separator.
WORD = re.compile(r"[^\W_]+")
STEMMED_COLUMNS = ("title", "body")


def stem_text(text):
    """The Danish stems of the words in ``text``, lower case, separated by spaces."""
    words = WORD.findall(text.lower())
    # A stemmer keeps the word it works on in itself: one per call, so threads
    # serving searches at the same time never share one.
    return " ".join(snowballstemmer.stemmer("danish").stemWords(words))


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


class StemmingIndex(SQLiteIndex):
    def __init__(self, backend):
        super().__init__(backend)
        self.entries = StemmedEntries(self.entries.model)


class StemmingQueryCompiler(SQLiteSearchQueryCompiler):
    """Searches the stemmed title and body with the stems of the query's words."""

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            stems = stem_text(query.query_string)
            if not stems:
                # Nothing but punctuation: an empty FTS5 phrase, which matches
                # nothing, as PostgreSQL's empty query does.
                return SearchQueryExpression(Lexeme(""))
            query = PlainText(stems, operator=query.operator, boost=query.boost)
        elif isinstance(query, Phrase):
            query = Phrase(stem_text(query.query_string))
        return super().build_search_query_content(query, config=config)


class DanishStemmingSQLiteSearchBackend(SQLiteSearchBackend):
    """modelsearch's SQLite FTS5 backend with Danish stemming; autocomplete unchanged."""

    query_compiler_class = StemmingQueryCompiler
    index_class = StemmingIndex


SearchBackend = DanishStemmingSQLiteSearchBackend
