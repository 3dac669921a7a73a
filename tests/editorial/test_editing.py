"""What editors and moderators meet in the admin: Danish, the trust setting, locks, schedules."""

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from portal.organisations.models import OrganisationPage
from tests.factories import UserFactory
from tests.logins import sign_in_verified
from tests.opportunities.factories import OpportunityPageFactory

pytestmark = pytest.mark.django_db


def edit_form(page, user):
    form_class = type(page).get_edit_handler().get_form_class()
    return form_class(instance=page, for_user=user, parent_page=page.get_parent())


def test_a_new_user_prefers_danish():
    assert UserFactory().wagtail_userprofile.preferred_language == "da"


def test_the_admin_is_danish_when_the_browser_asks_for_english(client, editor):
    client.force_login(editor)
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="da"' in html
    assert "Sider" in html  # Wagtail's own Danish, where it has it


def test_only_moderators_see_whether_an_organisation_may_publish_itself(
    organisation, editor, moderator
):
    field = "publishes_opportunities_directly"
    assert field not in edit_form(organisation, editor).fields
    assert field in edit_form(organisation, moderator).fields


def test_an_editor_cannot_trust_their_own_organisation(client, organisation, editor):
    client.force_login(editor)
    url = f"/admin/pages/{organisation.pk}/edit/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data["publishes_opportunities_directly"] = "on"
    data["action-submit"] = "1"

    response = client.post(url, data)

    assert response.status_code == 302
    organisation = OrganisationPage.objects.get(pk=organisation.pk)
    revision = organisation.get_latest_revision()
    assert revision.user == editor
    assert revision.as_object().publishes_opportunities_directly is False
    assert organisation.publishes_opportunities_directly is False


def test_an_editor_may_schedule_publication_and_expiry(organisation, editor):
    page = OpportunityPageFactory(parent=organisation)
    fields = edit_form(page, editor).fields
    assert {"go_live_at", "expire_at"} <= set(fields)


def test_an_editor_cannot_save_a_page_another_user_has_locked(client, organisation, editor):
    page = OpportunityPageFactory(parent=organisation, title="Besøgsven")
    page.save_revision()
    colleague = UserFactory()
    colleague.groups.add(organisation.access.editors)
    page.locked, page.locked_by, page.locked_at = True, colleague, timezone.now()
    page.save()
    client.force_login(editor)
    url = f"/admin/pages/{page.pk}/edit/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data["title"] = "Ændret af en anden"
    # The body is drawn by the editor's JavaScript; its (empty) data is added here.
    data.update(nested_form_data({"body": streamfield([])}))
    revisions = page.revisions.count()

    response = client.post(url, data)

    assert response.status_code == 200
    assert page.revisions.count() == revisions
    assert page.get_latest_revision().as_object().title == "Besøgsven"


def test_a_moderator_signs_in_without_a_second_factor_like_an_editor(client, moderator):
    sign_in_verified(client, moderator)
    assert client.get("/admin/").status_code == 200


def test_the_admin_may_show_a_preview_in_its_frame(organisation):
    page = OpportunityPageFactory(parent=organisation)
    policy = page.make_preview_request().headers["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy


@pytest.mark.parametrize("trusted", [True, False])
def test_a_trusted_organisations_editor_is_offered_to_publish_an_opportunity(
    client, organisation, editor, trusted
):
    organisation.publishes_opportunities_directly = trusted
    organisation.save()
    client.force_login(editor)

    html = client.get(
        f"/admin/pages/add/opportunities/opportunitypage/{organisation.pk}/"
    ).content.decode()

    submit = html.split('name="action-submit"', 1)[1].split("</button>", 1)[0]
    assert ("Udgiv" in submit) is trusted
    assert ("Send til Godkendelse af Redaktionen" in submit) is not trusted
