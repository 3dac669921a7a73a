"""Funding calls: where they live, who may edit and publish them, and what editors are told."""

import pytest
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import querydict_from_html

from portal.editorial.models import WORKFLOW_NAME
from portal.funding.models import FundingCallIndexPage, FundingCallPage
from portal.home.models import HomePage, StandardPage
from portal.organisations.models import OrganisationIndexPage, OrganisationKind, OrganisationPage
from tests.factories import OrganisationPageFactory, UserFactory
from tests.funding.factories import FundingCallPageFactory, days_from_today


class PageRulesTests(WagtailPageTestCase):
    def test_a_call_lives_below_an_organisation_only(self):
        self.assertCanCreateAt(OrganisationPage, FundingCallPage)
        for parent in (HomePage, StandardPage, OrganisationIndexPage, FundingCallIndexPage):
            self.assertCanNotCreateAt(parent, FundingCallPage)
        self.assertAllowedSubpageTypes(FundingCallPage, {})

    def test_the_listing_lives_below_the_home_page_once_and_takes_no_pages(self):
        self.assertCanCreateAt(HomePage, FundingCallIndexPage)
        self.assertCanNotCreateAt(OrganisationPage, FundingCallIndexPage)
        self.assertAllowedSubpageTypes(FundingCallIndexPage, {})
        self.assertEqual(FundingCallIndexPage.max_count, 1)

    def test_the_page_type_has_a_danish_name(self):
        self.assertEqual(
            str(FundingCallPage._meta.verbose_name), "støttepulje/ansøgningsrunde"
        )


pytestmark = pytest.mark.django_db


@pytest.fixture
def foundation(organisation_index):
    return OrganisationPageFactory(
        parent=organisation_index, title="Fonden for Fællesskab",
        kind=OrganisationKind.FOUNDATION, contact_email="kontakt@fonden.example",
    )


def test_an_editor_of_one_organisation_cannot_edit_anothers_call(foundation, organisation):
    call = FundingCallPageFactory(parent=foundation)
    own_call = FundingCallPageFactory(parent=organisation)
    editor = UserFactory()
    editor.groups.add(organisation.access.editors)

    assert own_call.permissions_for_user(editor).can_edit()
    assert not call.permissions_for_user(editor).can_edit()
    assert not foundation.permissions_for_user(editor).can_add_subpage()


def test_an_editor_cannot_publish_a_call_and_the_workflow_covers_it(
    client, foundation
):
    call = FundingCallPageFactory(parent=foundation)
    editor = UserFactory()
    editor.groups.add(foundation.access.editors)

    assert not call.permissions_for_user(editor).can_publish()
    assert call.get_workflow().name == WORKFLOW_NAME
    client.force_login(editor)
    html = client.get(
        f"/admin/pages/add/funding/fundingcallpage/{foundation.pk}/"
    ).content.decode()
    submit = html.split('name="action-submit"', 1)[1].split("</button>", 1)[0]
    assert "Send til Godkendelse af Redaktionen" in submit
    assert 'name="action-publish"' not in html


CHECKBOXES = {"for_associations", "for_municipalities", "for_partnerships",
              "requires_cofinancing", "funds_digital_tools"}


def _edit(client, call, **changes):
    """Posts the call's own edit form with ``changes``; returns the response."""
    url = f"/admin/pages/{call.pk}/edit/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    # A ticked box without a value attribute is read as "", where a browser sends "on".
    for name in [name for name, value in data.items() if value == ""]:
        if name in CHECKBOXES:
            data[name] = "on"
    for name, value in changes.items():
        data[name] = value
    return client.post(url, data)


@pytest.mark.parametrize(("changes", "message"), [
    ({"amount_min": "50000", "amount_max": "10000"},
     "Det højeste beløb skal være mindst lige så stort som det mindste beløb."),
    ({"amount_min": "-5"}, "Beløbet kan ikke være negativt."),
    ({"for_associations": ""},
     "Vælg mindst én slags ansøger: foreninger, kommuner eller partnerskaber."),
    ({"area": "region"}, "Vælg regionen."),
    ({"area": "municipality"}, "Vælg kommunen."),
    ({"cofinancing_note": "25 %"},
     "Sæt kryds ved &#x27;kræver medfinansiering&#x27;, eller fjern teksten om medfinansiering."),
    ({"deadlines-0-DELETE": "on"}, "Tilføj mindst én ansøgningsfrist."),
    ({"decision_date": days_from_today(1).isoformat()},
     "Afgørelsen kan ikke ligge før den første ansøgningsfrist."),
    ({"opens_on": days_from_today(90).isoformat()},
     "Puljen skal åbne før den første ansøgningsfrist."),
])
def test_bad_input_is_refused_with_a_danish_message(admin_client, foundation, changes, message):
    call = FundingCallPageFactory(parent=foundation, deadlines=[30])
    revisions = call.revisions.count()

    response = _edit(admin_client, call, **changes)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert call.revisions.count() == revisions


def test_two_deadlines_on_one_day_are_refused(admin_client, foundation):
    call = FundingCallPageFactory(parent=foundation, deadlines=[30, 60])
    response = _edit(admin_client, call, **{"deadlines-1-date": days_from_today(30).isoformat()})
    assert "To ansøgningsfrister har samme dato. Fjern den ene." in response.content.decode()


def test_a_valid_edit_is_saved_and_publishing_moves_the_last_deadline(admin_client, foundation):
    call = FundingCallPageFactory(parent=foundation, deadlines=[30])
    call.save_revision().publish()
    later = days_from_today(90)

    response = _edit(admin_client, call, **{"deadlines-0-date": later.isoformat()})

    assert response.status_code == 302
    call.refresh_from_db()
    # A draft changes nothing a visitor sees; publishing does.
    assert call.last_deadline == days_from_today(30)
    call.get_latest_revision().publish()
    call.refresh_from_db()
    assert call.last_deadline == later


def test_a_closed_call_stays_reachable_and_says_it_is_closed(client, foundation):
    call = FundingCallPageFactory(parent=foundation, title="Sommerpuljen", deadlines=[-3])

    html = client.get(call.url).content.decode()

    assert "Lukket" in html
    assert "Puljen er lukket" in html
    assert "Sådan søger I" not in html


def test_an_open_call_shows_its_facts_and_the_owners_contact(client, foundation):
    from portal.core.models import Region

    call = FundingCallPageFactory(
        parent=foundation, title="Naboskabspuljen", deadlines=[10, 70],
        amount_min=10_000, amount_max=75_000, for_partnerships=True,
        requires_cofinancing=True, cofinancing_note="Mindst 20 %",
        area="region", region=Region.objects.get(slug="syddanmark"),
    )

    html = client.get(call.url).content.decode()

    for text in ("Frist snart", "10.000–75.000 kr.", "Region Syddanmark", "Mindst 20 %",
                 "Foreninger, partnerskaber mellem forening og kommune",
                 "kontakt@fonden.example", "Sådan søger I",
                 days_from_today(70).strftime("%Y")):
        assert text in html, text



def test_the_organisations_profile_lists_its_calls_open_ones_first(client, foundation):
    FundingCallPageFactory(parent=foundation, title="Gammel runde", deadlines=[-5])
    FundingCallPageFactory(parent=foundation, title="Ny runde", deadlines=[40])
    FundingCallPageFactory(parent=foundation, title="Kladde", deadlines=[40], live=False)

    html = client.get(foundation.url).content.decode()

    section = html.split('id="org-calls-heading"', 1)[1].split("</section>", 1)[0]
    assert section.index("Ny runde") < section.index("Gammel runde")
    assert "Lukket" in section
    assert "Kladde" not in section


def test_the_profiles_query_count_does_not_grow_with_its_calls(client, foundation):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        client.get(foundation.url)
        with CaptureQueriesContext(connection) as context:
            assert client.get(foundation.url).status_code == 200
        return len(context)

    FundingCallPageFactory(parent=foundation, deadlines=[10])
    before = queries()
    for days in (-20, 30, 60, 90):
        FundingCallPageFactory(parent=foundation, deadlines=[days, days + 100])
    assert queries() == before
