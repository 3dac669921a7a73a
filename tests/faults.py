"""Real faults the tests cause on purpose, and end again."""

import threading
from contextlib import contextmanager

import psycopg
from django.db import connection
from modelsearch.conf import get_app_config


@contextmanager
def search_table_unavailable(settings):
    """The search index cannot be read while this lasts.

    On PostgreSQL another session holds a lock on the index table, so every
    search waits until the statement time limit (lowered here) cancels it, as
    behind a long migration or a stuck transaction. On SQLite, which has no
    such limit, the FTS table is renamed away inside the test's transaction.
    """
    table = get_app_config().get_model("IndexEntry")._meta.db_table
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ALTER TABLE {table}_fts RENAME TO unavailable_fts")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f"ALTER TABLE unavailable_fts RENAME TO {table}_fts")
        return
    settings.SEARCH_DATABASE_TIMEOUT_MS = 200
    locked, release = threading.Event(), threading.Event()
    params = connection.get_connection_params()

    def hold_lock():
        with psycopg.connect(**params) as other:
            other.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
            locked.set()
            release.wait(60)

    holder = threading.Thread(target=hold_lock)
    holder.start()
    try:
        if not locked.wait(10):
            raise RuntimeError("could not lock the search index table")
        yield
    finally:
        release.set()
        holder.join()
