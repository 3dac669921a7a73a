"""The taxonomy tables are indexed by value, then opportunity (migration 0005).

Which plan PostgreSQL picks on a test database depends on the statistics and
visibility map the tests before left behind, so the plans are read where the
data is real: ``bench/search_benchmark.py --explain`` shows the region facet
reading this index alone. Here: the index exists, in that column order.
"""

import pytest
from django.db import connection

from portal.opportunities.models import OpportunityPage

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="reads PostgreSQL's catalogue of indexes",
    ),
    pytest.mark.django_db,
]

TAXONOMY_COLUMNS = [
    ("municipalities", "municipality_id"),
    ("activities", "activity_id"),
    ("target_groups", "targetgroup_id"),
]


@pytest.mark.parametrize("relation, column", TAXONOMY_COLUMNS)
def test_each_taxonomy_table_is_indexed_by_value_then_opportunity(relation, column):
    table = getattr(OpportunityPage, relation).through._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s", [f"{table}_by_value"]
        )
        (definition,) = cursor.fetchone()
    assert definition.endswith(f"({column}, opportunitypage_id)")

