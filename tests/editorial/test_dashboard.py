"""The dashboard: the editor's organisation, and what waits for Redaktionen."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from tests.cases.factories import CasePageFactory
from tests.editorial.test_moderation import act, draft, submit
from tests.factories import UserFactory
from tests.opportunities.factories import OpportunityPageFactory, ShiftFactory

pytestmark = pytest.mark.django_db


def dashboard(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_editor_sees_shortcuts_into_their_organisation(client, organisation, editor):
    html = dashboard(client, editor)
    assert "Besøgsvennerne" in html
    add = f"/admin/pages/add/%s/{organisation.pk}/"
    for label, model in (("Opret frivilligopgave", "opportunities/opportunitypage"),
                         ("Opret case", "cases/casepage"), ("Opret værktøj", "toolshare/toolpage")):
        assert label in html
        assert add % model in html
    assert f"/admin/pages/{organisation.pk}/edit/" in html


def test_the_editor_sees_drafts_waiting_and_sent_back_with_the_comment(
    client, organisation, editor, moderator
):
    draft(organisation, title="Kladden")
    submit(draft(organisation, title="Den ventende"), editor)
    sent_back = draft(organisation, factory=CasePageFactory, title="Den afviste")
    submit(sent_back, editor)
    act(sent_back, moderator, "reject", comment="Tilføj et billede.")

    html = dashboard(client, editor)

    drafts, rest = html.split("Kladder", 1)[1], html.split("Kladder", 1)[0]
    assert "Kladden" in drafts
    assert "Den ventende" in rest.split("Venter på Redaktionens godkendelse", 1)[1]
    returned = rest.split("Sendt tilbage af Redaktionen", 1)[1]
    assert "Den afviste" in returned
    assert "Tilføj et billede." in returned


def test_the_editor_is_told_of_passed_shifts_and_near_deadlines(client, organisation, editor):
    today = timezone.localdate()
    passed = OpportunityPageFactory(parent=organisation, title="Forbi")
    ShiftFactory(opportunity=passed, starts_at=timezone.now() - datetime.timedelta(days=2))
    OpportunityPageFactory(parent=organisation, title="Snart frist",
                           application_deadline=today + datetime.timedelta(days=3))
    OpportunityPageFactory(parent=organisation, title="God tid",
                           application_deadline=today + datetime.timedelta(days=30))
    upcoming = OpportunityPageFactory(parent=organisation, title="Kommende vagt")
    ShiftFactory(opportunity=upcoming)

    section = dashboard(client, editor).split("Frivilligopgaver, der skal ses efter", 1)[1]

    assert "Forbi" in section and "Sidste vagt var" in section
    assert "Snart frist" in section
    assert "God tid" not in section
    assert "Kommende vagt" not in section


def test_a_user_who_edits_no_organisation_sees_no_editor_panel(client, organisation):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    html = dashboard(client, user)
    assert "Opret frivilligopgave" not in html


def test_the_moderator_sees_what_waits_with_its_organisation(
    client, organisation, editor, moderator
):
    submit(draft(organisation, title="Den ventende"), editor)

    html = dashboard(client, moderator)

    panel = html.split("Venter på din godkendelse", 1)[1]
    assert "Den ventende" in panel
    assert "Besøgsvennerne" in panel
    assert "Anmod om ændringer" in panel
