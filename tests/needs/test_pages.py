"""A need's page: where it may live, who may write it, what the form accepts."""

import datetime

import pytest
import time_machine
from wagtail.test.utils import WagtailPageTestCase

from portal.home.models import HomePage
from portal.needs.models import NeedKind, NeedPage
from portal.organisations.models import OrganisationIndexPage, OrganisationPage
from tests.cases.factories import category
from tests.factories import OrganisationIndexPageFactory, OrganisationPageFactory, home_page
from tests.needs.factories import NeedPageFactory

pytestmark = pytest.mark.django_db


class PageRulesTests(WagtailPageTestCase):
    def test_needs_live_below_an_organisation_only(self):
        self.assertCanCreateAt(OrganisationPage, NeedPage)
        self.assertCanNotCreateAt(HomePage, NeedPage)
        self.assertCanNotCreateAt(OrganisationIndexPage, NeedPage)
        self.assertAllowedSubpageTypes(NeedPage, {})

    def test_a_need_is_routable_and_renderable(self):
        organisation = OrganisationPageFactory(
            parent=OrganisationIndexPageFactory(parent=home_page())
        )
        need = NeedPageFactory(parent=organisation)
        self.assertPageIsRoutable(need)
        self.assertPageIsRenderable(need)


def add_url(parent):
    return f"/admin/pages/add/needs/needpage/{parent.pk}/"


def form(**changes):
    data = {
        "title": "Kasserer til bestyrelsen",
        "slug": "kasserer-til-bestyrelsen",
        "kind": NeedKind.SKILLS,
        "tool_category": "",
        "funding_purpose": "",
        "summary": "Vi søger en frivillig med regnskabserfaring.",
        "municipality": "",
        "end_date": (datetime.date(2027, 3, 1)).isoformat(),
    }
    data.update(changes)
    return data


# Every date below is read in Copenhagen: 23:30 UTC on 31 December is already
# 1 January there.
NEW_YEAR = datetime.datetime(2026, 12, 31, 23, 30, tzinfo=datetime.UTC)


@pytest.fixture
def new_year():
    with time_machine.travel(NEW_YEAR, tick=False):
        yield


def test_the_end_date_is_six_months_from_today_in_copenhagen(new_year, editor_client, organisation):
    body = editor_client.get(add_url(organisation)).content.decode()
    assert 'value="2027-07-01"' in body


def test_an_editor_adds_a_need_as_a_draft_and_cannot_publish_it(
    new_year, editor_client, organisation
):
    response = editor_client.post(add_url(organisation), form(**{"action-publish": "1"}))
    assert response.status_code == 302
    need = NeedPage.objects.get(slug="kasserer-til-bestyrelsen")
    assert not need.live
    assert need.organisation == organisation.page_ptr.specific


def test_submitting_a_need_starts_redaktionens_workflow(new_year, editor_client, organisation):
    response = editor_client.post(add_url(organisation), form(**{"action-submit": "1"}))
    assert response.status_code == 302
    need = NeedPage.objects.get(slug="kasserer-til-bestyrelsen")
    assert not need.live
    assert need.current_workflow_task.name == "Redaktionens godkendelse"


def test_an_editor_cannot_add_or_edit_below_another_organisation(
    editor_client, other_organisation
):
    foreign = NeedPageFactory(parent=other_organisation, title="Lokale søges")
    before = NeedPage.objects.count()
    revisions = foreign.revisions.count()

    add = editor_client.post(add_url(other_organisation), form())
    edit = editor_client.post(f"/admin/pages/{foreign.pk}/edit/", form(title="Overtaget"))

    assert add.status_code == 302 and add.url == "/admin/"
    assert edit.status_code == 302 and edit.url == "/admin/"
    assert NeedPage.objects.count() == before
    foreign.refresh_from_db()
    assert foreign.title == "Lokale søges"
    assert foreign.revisions.count() == revisions


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"kind": NeedKind.TOOL}, "tool_category",
     "Vælg, hvilken slags digitalt værktøj I har brug for."),
    ({"kind": NeedKind.FUNDING, "funding_purpose": "  "}, "funding_purpose",
     "Skriv, hvad finansieringen skal bruges til."),
    ({"end_date": "2026-12-31"}, "end_date",
     "Datoen er passeret. Vælg i dag eller en dato højst 12 måneder frem."),
    ({"end_date": "2028-01-02"}, "end_date",
     "Et behov kan højst være aktuelt i 12 måneder – vælg senest 1. januar 2028."),
    ({"summary": "x" * 501}, "summary", "Denne værdi må højst have 500 tegn (den har 501)."),
    ({"kind": "landbrug"}, "kind", "Marker en gyldig valgmulighed."),
])
def test_bad_input_gets_a_danish_message_and_stores_nothing(
    new_year, editor_client, organisation, changes, field, message
):
    response = editor_client.post(add_url(organisation), form(**changes))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert message in " ".join(errors[field]), errors
    assert not NeedPage.objects.exists()


def test_today_and_twelve_months_ahead_are_accepted(new_year, editor_client, organisation):
    for slug, day in (("i-dag", "2027-01-01"), ("om-et-aar", "2028-01-01")):
        response = editor_client.post(add_url(organisation), form(slug=slug, end_date=day))
        assert response.status_code == 302, response.context["form"].errors
    assert NeedPage.objects.count() == 2


def test_fields_of_another_kind_are_emptied_not_refused(new_year, editor_client, organisation):
    response = editor_client.post(add_url(organisation), form(
        tool_category=category("vagtplaner").pk, funding_purpose="Kursus",
    ))
    assert response.status_code == 302
    need = NeedPage.objects.get()
    assert need.tool_category is None and need.funding_purpose == ""


def test_a_tool_need_keeps_its_category_and_a_funding_need_its_purpose(
    new_year, editor_client, organisation
):
    editor_client.post(add_url(organisation), form(
        slug="vagtplan", kind=NeedKind.TOOL, tool_category=category("vagtplaner").pk))
    editor_client.post(add_url(organisation), form(
        slug="kursus", kind=NeedKind.FUNDING, funding_purpose="Kursus for nye besøgsvenner"))
    assert NeedPage.objects.get(slug="vagtplan").tool_category == category("vagtplaner")
    assert NeedPage.objects.get(slug="kursus").funding_purpose == "Kursus for nye besøgsvenner"


def test_approval_publishes_a_need_even_after_its_end_date_passed(
    organisation, editor, moderator
):
    """The date window is the editor's form's rule; an approval days later must not fail."""
    with time_machine.travel(NEW_YEAR, tick=False):
        need = NeedPageFactory(parent=organisation, live=False, end_date=datetime.date(2027, 1, 2))
        need.save_revision(user=editor)
        need.get_workflow().start(need, editor)
    with time_machine.travel(NEW_YEAR + datetime.timedelta(days=5), tick=False):
        task_state = need.current_workflow_task_state
        task_state.task.specific.on_action(task_state, moderator, "approve")
    need = NeedPage.objects.get(pk=need.pk)
    assert need.live
    assert need.end_date == datetime.date(2027, 1, 2)


def test_a_need_page_shows_the_organisation_and_its_public_contact(client, organisation):
    organisation.contact_email = "kontakt@besoeg.example"
    organisation.contact_name = "Frivilligkoordinator"
    organisation.save_revision().publish()
    need = NeedPageFactory(parent=organisation, title="Kasserer søges",
                           kind=NeedKind.FUNDING, funding_purpose="Kursus for 20 besøgsvenner")
    body = client.get(need.url).content.decode()
    assert "Behov · Finansiering" in body
    assert "Kursus for 20 besøgsvenner" in body
    assert f'href="{organisation.url}"' in body
    assert "kontakt@besoeg.example" in body
    assert "Hele landet" in body
    assert "Udløbet" not in body


def test_renewing_is_editing_the_end_date_and_waits_for_redaktionen(
    new_year, editor_client, organisation, moderator
):
    need = NeedPageFactory(parent=organisation, title="Kasserer søges",
                           end_date=datetime.date(2027, 1, 10))
    response = editor_client.post(f"/admin/pages/{need.pk}/edit/", form(
        title="Kasserer søges", slug=need.slug, end_date="2027-06-30",
        **{"action-submit": "1"},
    ))
    assert response.status_code == 302
    need = NeedPage.objects.get(pk=need.pk)
    assert need.end_date == datetime.date(2027, 1, 10)  # the public page keeps its date
    task_state = need.current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")
    assert NeedPage.objects.get(pk=need.pk).end_date == datetime.date(2027, 6, 30)
