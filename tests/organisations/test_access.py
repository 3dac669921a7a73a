import pytest
from django.contrib.auth.models import Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission
from wagtail.permission_policies.pages import PagePermissionPolicy

from portal.organisations.models import OrganisationAccess, OrganisationPage
from tests.factories import OrganisationPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_new_organisation_gets_an_editors_and_a_coordinators_group(organisation):
    access = organisation.access
    assert access.editors.name == "Besøgsvennerne: redaktører"
    assert access.coordinators.name == "Besøgsvennerne: koordinatorer"
    for group in (access.editors, access.coordinators):
        assert group.permissions.filter(codename="access_admin").exists()


def test_editors_may_add_and_edit_but_not_publish_in_their_subtree(organisation):
    granted = set(
        GroupPagePermission.objects.filter(group=organisation.access.editors).values_list(
            "page_id", "permission__codename"
        )
    )
    assert granted == {(organisation.pk, "add_page"), (organisation.pk, "change_page")}


def test_editors_get_their_own_image_and_document_collection(organisation):
    collection = organisation.access.collection
    assert collection.get_parent() == Collection.get_first_root_node()
    codenames = set(
        GroupCollectionPermission.objects.filter(
            group=organisation.access.editors, collection=collection
        ).values_list("permission__codename", flat=True)
    )
    assert {"add_image", "choose_image", "add_document", "choose_document"} <= codenames
    assert "delete_image" not in codenames


def test_an_editor_can_edit_their_own_organisation_only(organisation, organisation_index):
    other = OrganisationPageFactory(parent=organisation_index, title="Anden forening")
    editor = UserFactory()
    editor.groups.add(organisation.access.editors)

    policy = PagePermissionPolicy()
    own = organisation.permissions_for_user(editor)
    foreign = other.permissions_for_user(editor)

    assert own.can_edit()
    assert policy.user_has_permission_for_instance(editor, "add", organisation)
    assert not own.can_publish()
    assert not foreign.can_edit()
    assert not policy.user_has_permission_for_instance(editor, "add", other)


def test_creating_an_organisation_in_the_admin_creates_its_groups(admin_client, organisation_index):
    response = admin_client.post(
        f"/admin/pages/add/organisations/organisationpage/{organisation_index.pk}/",
        {
            "title": "Nabohjælpen Ærø",
            "slug": "nabohjaelpen-aeroe",
            "kind": "ngo",
            "summary": "Naboer, der hjælper naboer.",
            "description": '{"blocks": [{"key": "a", "type": "unstyled", "text": "Om os", '
            '"depth": 0, "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
            "website": "",
            "contact_name": "",
            "contact_email": "",
            "contact_phone": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = OrganisationPage.objects.get(slug="nabohjaelpen-aeroe")
    assert OrganisationAccess.objects.filter(organisation=page).exists()


def test_granting_access_twice_changes_nothing(organisation):
    from portal.organisations.access import grant_organisation_access

    before = Permission.objects.count(), GroupPagePermission.objects.count()
    assert grant_organisation_access(organisation) == organisation.access
    assert (Permission.objects.count(), GroupPagePermission.objects.count()) == before


def test_organisation_profile_shows_kind_municipalities_and_contact(client, organisation_index):
    from portal.core.models import Municipality, Theme

    page = OrganisationPageFactory(
        parent=organisation_index,
        title="Vågerne",
        municipalities=list(Municipality.objects.filter(code__in=[461, 479])),
        themes=[Theme.objects.get(slug="den-sidste-tid")],
        website="https://vaagerne.example",
        contact_email="kontakt@vaagerne.example",
    )
    body = client.get(page.url).content.decode()
    for text in ("Frivillig organisation", "Odense", "Svendborg", "Den sidste tid",
                 "https://vaagerne.example", "kontakt@vaagerne.example"):
        assert text in body


def test_directory_lists_published_organisations(client, organisation_index):
    OrganisationPageFactory(parent=organisation_index, title="Synlig forening")
    hidden = OrganisationPageFactory(parent=organisation_index, title="Kladde")
    hidden.unpublish()
    body = client.get("/organisationer/").content.decode()
    assert "Synlig forening" in body
    assert "Kladde" not in body


def test_each_role_keeps_the_organisations_whose_group_the_person_is_in(
    organisation, organisation_index, django_user_model
):
    from portal.organisations.ownership import COORDINATORS, EDITORS, OrganisationScope

    other = OrganisationPageFactory(parent=organisation_index, title="Anden forening")
    person = UserFactory()
    person.groups.add(organisation.access.editors, other.access.coordinators)
    editors, coordinators = OrganisationScope(EDITORS), OrganisationScope(COORDINATORS)

    assert [o.pk for o in editors.organisations(person)] == [organisation.pk]
    assert [o.pk for o in coordinators.organisations(person)] == [other.pk]
    superuser = django_user_model.objects.create_superuser("admin", "admin@example.org", "x")
    assert set(editors.organisations(superuser)) == {organisation, other}
    person.is_active = False
    assert not editors.organisations(person).exists()
    with pytest.raises(ValueError):
        OrganisationScope("members")
