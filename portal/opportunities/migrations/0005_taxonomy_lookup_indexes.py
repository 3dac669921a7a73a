"""Indexes that answer "which opportunities have these taxonomy values" from the index alone.

Django's many-to-many tables are indexed on (opportunity, value) and on the
value by itself; filtering by value and reading the opportunity then visits
the table's heap for every row. With the opportunity in the index too, the
listing's filters and the search facets read the index only.
"""

from django.db import migrations

TABLES = {
    "opportunities_opportunitypage_municipalities": "municipality_id",
    "opportunities_opportunitypage_activities": "activity_id",
    "opportunities_opportunitypage_target_groups": "targetgroup_id",
}


class Migration(migrations.Migration):
    dependencies = [("opportunities", "0004_next_shift_index")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {table}_by_value ON {table} ({column}, opportunitypage_id)",
            reverse_sql=f"DROP INDEX {table}_by_value",
        )
        for table, column in TABLES.items()
    ]
