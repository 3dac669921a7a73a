"""Building PostgreSQL indexes that a deploy can make while the site keeps writing.

``CREATE INDEX CONCURRENTLY`` does not block inserts and updates on the table,
at the price of running outside a transaction: a migration using this must
say ``atomic = False``. A build that was interrupted leaves an index marked
invalid, which ``IF NOT EXISTS`` would then take for done; it is dropped and
built again.
"""


def create_index_concurrently(schema_editor, name, definition):
    """``CREATE INDEX CONCURRENTLY name ON definition``, replacing an invalid leftover."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT NOT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE c.relname = %s",
            [name],
        )
        found = cursor.fetchone()
    if found and found[0]:
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {name}")
    schema_editor.execute(f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {name} ON {definition}")


def drop_index_concurrently(schema_editor, name):
    schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {name}")
