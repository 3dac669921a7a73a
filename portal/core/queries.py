"""Query helpers shared by the apps."""

import json

from django.db import connection
from django.db.models.expressions import RawSQL


def ids_parameter(ids):
    """``ids`` for an ``__in`` lookup, bound as one parameter.

    Bound one placeholder per id, a list of 2,000 ids costs the client more
    milliseconds to prepare than the database takes to answer (even 300 ids,
    repeated for each table of a union, took 2 ms), and SQLite refuses more
    than 32,766 placeholders in a statement. So PostgreSQL gets one array and
    SQLite one JSON list.
    """
    ids = [int(pk) for pk in ids]
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::integer[])", [ids])
    if connection.vendor == "sqlite":
        return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)])
    return ids
