"""Redaktionen and every organisation's editors may translate pages ("Translate" in
the admin, wagtail.contrib.simple_translation); new organisations' editors get it from
portal.organisations.access."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATORS = "Redaktionen"


def allow_translating(apps, schema_editor):
    # Permissions are made after migrations; this one hands one out, so it makes it first.
    app_config = apps.get_app_config("simple_translation")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module

    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    OrganisationAccess = apps.get_model("organisations", "OrganisationAccess")
    submit = Permission.objects.get(
        content_type__app_label="simple_translation", codename="submit_translation"
    )
    editors = Group.objects.filter(
        pk__in=OrganisationAccess.objects.values("editors")
    ) | Group.objects.filter(name=MODERATORS)
    for group in editors:
        group.permissions.add(submit)


class Migration(migrations.Migration):

    dependencies = [
        ("home", "0006_english_locale"),
        ("simple_translation", "0001_initial"),
        ("organisations", "0001_initial"),
        ("editorial", "0002_redaktionen"),
    ]

    operations = [
        migrations.RunPython(allow_translating, migrations.RunPython.noop),
    ]
