"""Editors keep their own organisation's tool experiences, and only those."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from portal.toolshare.models import ToolUsage
from tests.cases.factories import ToolPageFactory, add_usage
from tests.factories import OrganisationPageFactory, UserFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/erfaringer-med-vaerktoejer/"


@pytest.fixture
def setting(organisation, organisation_index):
    other = OrganisationPageFactory(parent=organisation_index, title="Anden forening")
    tool = ToolPageFactory(parent=other, title="VagtPlan")
    second_tool = ToolPageFactory(parent=other, title="Chatten")
    own = add_usage(tool, organisation, what_worked="Vores erfaring.")
    foreign = add_usage(tool, other, what_worked="Deres erfaring.")
    editor = UserFactory()
    editor.groups.add(organisation.access.editors)
    return {"own": own, "foreign": foreign, "tool": tool, "second_tool": second_tool,
            "other": other, "editor": editor}


def form_data(tool, organisation, **fields):
    return {"tool": tool.pk, "organisation": organisation.pk, "used_since": "2021",
            "used_for": "vagtplaner", "what_worked": "Det virkede.", "what_did_not": "",
            **fields}


def test_an_editor_sees_only_their_own_organisations_experiences(client, setting):
    client.force_login(setting["editor"])
    response = client.get(INDEX)
    assert response.status_code == 200
    body = response.content.decode()
    assert f"{INDEX}edit/{setting['own'].pk}/" in body
    assert f"{INDEX}edit/{setting['foreign'].pk}/" not in body


def test_an_editor_adds_an_experience_for_their_own_organisation(client, setting, organisation):
    client.force_login(setting["editor"])
    form = client.get(f"{INDEX}new/").content.decode()
    assert "Anden forening" not in form.split('name="organisation"')[1].split("</select>")[0]
    response = client.post(f"{INDEX}new/", form_data(setting["second_tool"], organisation))
    assert response.status_code == 302
    assert ToolUsage.objects.filter(tool=setting["second_tool"], organisation=organisation).exists()


def test_an_editor_cannot_write_in_another_organisations_name(client, setting):
    client.force_login(setting["editor"])
    response = client.post(f"{INDEX}new/", form_data(setting["second_tool"], setting["other"]))
    assert response.status_code == 200
    assert not ToolUsage.objects.filter(tool=setting["second_tool"]).exists()


def test_one_experience_per_tool_and_organisation_with_a_clear_message(
    client, setting, organisation
):
    client.force_login(setting["editor"])
    response = client.post(f"{INDEX}new/", form_data(setting["tool"], organisation))
    assert response.status_code == 200
    assert "har allerede en erfaring med dette værktøj" in response.content.decode()


def test_a_superuser_sees_every_experience(admin_client, setting):
    body = admin_client.get(INDEX).content.decode()
    assert f"{INDEX}edit/{setting['own'].pk}/" in body
    assert f"{INDEX}edit/{setting['foreign'].pk}/" in body


def test_a_moderator_given_the_model_permission_keeps_every_experience(client, setting):
    moderator = UserFactory(username="moderator")
    moderator.user_permissions.add(*Permission.objects.filter(
        codename__in=["access_admin", "change_toolusage"]
    ))
    client.force_login(moderator)
    body = client.get(INDEX).content.decode()
    assert f"{INDEX}edit/{setting['own'].pk}/" in body
    assert f"{INDEX}edit/{setting['foreign'].pk}/" in body
    assert client.get(f"{INDEX}edit/{setting['foreign'].pk}/").status_code == 200


def test_people_who_edit_no_organisation_get_no_access(client, setting):
    response = client.get(INDEX)
    assert response.status_code == 302
    assert response.url == f"/admin/login/?next={INDEX}"
    outsider = UserFactory()
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    for url in (INDEX, f"{INDEX}edit/{setting['own'].pk}/"):
        response = client.get(url)
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home"), url
