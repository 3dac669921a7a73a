"""Seed the taxonomies production needs: regions, the 98 municipalities, and the
common target groups, activities and themes (moderators can add more)."""

from django.db import migrations
from django.utils.text import slugify

from portal.core import seed_data


def seed(apps, schema_editor):
    Region = apps.get_model("core", "Region")
    Municipality = apps.get_model("core", "Municipality")
    regions = {}
    for code, slug, name in seed_data.REGIONS:
        regions[code], _ = Region.objects.update_or_create(
            code=code, defaults={"slug": slug, "name": name}
        )
    for code, name, region_code in seed_data.MUNICIPALITIES:
        Municipality.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "slug": slugify(name.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")),
                "region": regions[region_code],
            },
        )
    for model_name, rows in (
        ("TargetGroup", seed_data.TARGET_GROUPS),
        ("Activity", seed_data.ACTIVITIES),
        ("Theme", seed_data.THEMES),
    ):
        model = apps.get_model("core", model_name)
        for slug, name in rows:
            model.objects.update_or_create(slug=slug, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
