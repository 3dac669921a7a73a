"""The listing's taxonomy filters read an index alone on PostgreSQL."""

import pytest
from django.db import connection

from portal.opportunities.models import OpportunityPage

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="asserts PostgreSQL's plans; SQLite has no index-only scans to show",
    ),
    pytest.mark.django_db,
]


@pytest.mark.parametrize("relation, column", [
    ("municipalities", "municipality_id"),
    ("activities", "activity_id"),
    ("target_groups", "targetgroup_id"),
])
def test_opportunities_of_some_taxonomy_values_are_read_from_the_index(relation, column):
    through = getattr(OpportunityPage, relation).through
    lookup = through.objects.filter(**{f"{column}__in": [1, 2]}).values("opportunitypage_id")
    sql, params = lookup.query.sql_with_params()
    with connection.cursor() as cursor:
        # Few test rows make a sequential scan cheapest; the question is
        # whether the index can answer the lookup without the table.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert f"Index Only Scan using {through._meta.db_table}_by_value" in plan
