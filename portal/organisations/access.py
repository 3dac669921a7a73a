"""Give each organisation its editors' and coordinators' groups.

An organisation's page subtree and its own collection are its editors'
permission boundary; this is ordinary Wagtail permission data, so pages,
images and documents need no custom permission policy. Rows that belong to an
organisation outside its subtree (match requests, tool experiences) are kept
to the people of these groups by ``ownership.OrganisationScope``.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from .models import OrganisationAccess

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
EDITOR_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)


def _unique_group_name(base):
    name, suffix = base, 2
    while Group.objects.filter(name=name).exists():
        name, suffix = f"{base} ({suffix})", suffix + 1
    return name


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def grant_organisation_access(organisation):
    """Create the groups and collection of a new organisation (idempotent).

    A translation of an organisation's page is the same organisation: its
    editors get the same rights on it instead of groups of its own.
    """
    if organisation.is_translation:
        return share_access_with_translation(organisation)

    existing = OrganisationAccess.objects.filter(organisation=organisation).first()
    if existing:
        return existing

    admin_access = _permission("wagtailadmin", "access_admin")
    editors = Group.objects.create(
        name=_unique_group_name(_("%s: redaktører") % organisation.title)
    )
    coordinators = Group.objects.create(
        name=_unique_group_name(_("%s: koordinatorer") % organisation.title)
    )
    editors.permissions.add(admin_access, _permission("simple_translation", "submit_translation"))
    coordinators.permissions.add(admin_access)

    for codename in EDITOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.create(
            group=editors, page=organisation, permission=_permission("wagtailcore", codename)
        )

    collection = Collection.get_first_root_node().add_child(name=organisation.title)
    for app_label, codename in EDITOR_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.create(
            group=editors, collection=collection, permission=_permission(app_label, codename)
        )

    return OrganisationAccess.objects.create(
        organisation=organisation, editors=editors, coordinators=coordinators, collection=collection
    )


def share_access_with_translation(translation):
    """The Danish organisation's editors may edit its translation's subtree too."""
    access = OrganisationAccess.objects.get(organisation=translation.source_page)
    for codename in EDITOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=access.editors, page=translation, permission=_permission("wagtailcore", codename)
        )
    return access
