"""The English locale pages are translated into (Danish, the default, is made by
wagtailcore's own migration 0054_initial_locale from LANGUAGE_CODE)."""

from django.db import migrations


def create_english_locale(apps, schema_editor):
    Locale = apps.get_model("wagtailcore.Locale")
    Locale.objects.get_or_create(language_code="en")


class Migration(migrations.Migration):

    dependencies = [
        ("home", "0005_featured_help_texts"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [
        migrations.RunPython(create_english_locale, migrations.RunPython.noop),
    ]
