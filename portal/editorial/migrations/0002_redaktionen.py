"""Redaktionen, its permissions, and the one workflow every page goes through.

Idempotent: running it on a database that already has the group, the task or
the workflow brings them back to what is described here. Wagtail's default
English workflow ("Moderators approval") is switched off and its place on the
root page taken, so no English workflow is left in use.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Redaktionen"
WORKFLOW = "Godkendelse af Redaktionen"
TASK = "Redaktionens godkendelse"
WAGTAIL_DEFAULT = "Moderators approval"

PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)
MODEL_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("organisations", "trust_organisation"),
    ("core", "change_portalsettings"),
    ("core", "change_municipality"),
    *(
        (app_label, f"{action}_{model}")
        for app_label, model in (
            ("core", "activity"),
            ("core", "targetgroup"),
            ("core", "theme"),
            ("toolshare", "toolcategory"),
            ("wagtailsearchpromotions", "searchpromotion"),
            ("wagtailredirects", "redirect"),
        )
        for action in ("add", "change", "delete")
    ),
)


def _permission(apps, app_label, codename):
    return apps.get_model("auth", "Permission").objects.get(
        content_type__app_label=app_label, codename=codename
    )


def _create_all_permissions(apps):
    # Permissions are made after migrations; this migration hands them out, so
    # it makes them first, as Django's own post-migrate step would.
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module


def create_editorial_workflow(apps, schema_editor):
    _create_all_permissions(apps)
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Task = apps.get_model("wagtailcore", "Task")
    EditorialApprovalTask = apps.get_model("editorial", "EditorialApprovalTask")

    group, _created = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*(_permission(apps, *pair) for pair in MODEL_PERMISSIONS))

    root = Page.objects.filter(depth=1).first()
    if root:
        for codename in PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=_permission(apps, "wagtailcore", codename)
            )
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection:
        for pair in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=_permission(apps, *pair)
            )

    task_type, _created = ContentType.objects.get_or_create(
        app_label="editorial", model="editorialapprovaltask"
    )
    task = EditorialApprovalTask.objects.filter(name=TASK).first() or (
        EditorialApprovalTask.objects.create(name=TASK, content_type=task_type, active=True)
    )
    task.groups.add(group)
    workflow, _created = Workflow.objects.update_or_create(
        name=WORKFLOW, defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    Workflow.objects.filter(name=WAGTAIL_DEFAULT).update(active=False)
    Task.objects.filter(name=WAGTAIL_DEFAULT).update(active=False)
    WorkflowPage.objects.exclude(workflow=workflow).delete()
    if root:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def prefer_danish(apps, schema_editor):
    # Existing users get the profile new users get from portal.editorial.signals.
    User = apps.get_model("auth", "User")
    UserProfile = apps.get_model("wagtailusers", "UserProfile")
    for user in User.objects.filter(wagtail_userprofile__isnull=True):
        UserProfile.objects.create(user=user, preferred_language="da")
    UserProfile.objects.filter(preferred_language="").update(preferred_language="da")


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("organisations", "0002_trusted_organisations"),
        ("core", "0003_portal_settings_row"),
        ("toolshare", "0003_seed_tool_categories"),
        ("home", "0002_create_homepage"),
        ("wagtailusers", "0015_userprofile_keyboard_shortcuts"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [
        migrations.RunPython(create_editorial_workflow, migrations.RunPython.noop),
        migrations.RunPython(prefer_danish, migrations.RunPython.noop),
    ]
