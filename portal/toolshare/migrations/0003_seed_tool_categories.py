from django.db import migrations

CATEGORIES = (
    ("frivilligmatch", "Frivilligmatch og rekruttering"),
    ("vagtplaner", "Vagtplaner og booking"),
    ("kommunikation", "Kommunikation"),
    ("medlemmer-og-frivillige", "Medlems- og frivilligadministration"),
    ("oplaering", "Oplæring og kurser"),
    ("databeskyttelse", "Databeskyttelse og GDPR"),
    ("moeder-og-samarbejde", "Møder og samarbejde"),
)


def seed(apps, schema_editor):
    ToolCategory = apps.get_model("toolshare", "ToolCategory")
    for slug, name in CATEGORIES:
        ToolCategory.objects.get_or_create(slug=slug, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("toolshare", "0002_tools")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
