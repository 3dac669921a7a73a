"""The portal settings' one row, made here so that no visitor's GET has to write it.

Wagtail creates a generic setting's row on first read; every page reads these.
"""

from django.db import migrations


def create_row(apps, schema_editor):
    apps.get_model("core", "PortalSettings").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("core", "0002_seed_taxonomies")]

    operations = [migrations.RunPython(create_row, migrations.RunPython.noop)]
