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
    behind a long migration or a stuck transaction. That session waits for
    every open transaction that wrote to the table, so a test using this on
    PostgreSQL must commit its data (``django_db(transaction=True, ...)``). On
    SQLite, which has no such limit, the FTS table is renamed away inside the
    test's transaction.
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
    other = psycopg.connect(**connection.get_connection_params())

    def hold_lock():
        try:
            other.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
        except psycopg.errors.QueryCanceled:
            return
        locked.set()
        release.wait(60)
        other.rollback()

    holder = threading.Thread(target=hold_lock)
    holder.start()
    try:
        if not locked.wait(10):
            other.cancel()
            raise RuntimeError("could not lock the search index table: is data uncommitted?")
        yield
    finally:
        release.set()
        holder.join()
        other.close()
