"""What a page visit asked of the database."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def visit_asking(client, url, *marks):
    """GET ``url`` (it must answer 200): its HTML, and the SQL of its queries that
    contain any of ``marks``."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    asked = [query["sql"] for query in captured if any(mark in query["sql"] for mark in marks)]
    return response.content.decode(), asked
