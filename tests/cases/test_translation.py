"""English cases and guides: their own words around the Danish page's facts and categories."""

import datetime
import re

import pytest
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from portal.cases.models import CasePage, PartnerRole
from portal.core.models import Theme
from tests.cases.factories import CasePageFactory, GuidePageFactory, add_document, add_partner
from tests.core.test_languages import read_in_everywhere
from tests.factories import OrganisationPageFactory, translate_page
from tests.funding.factories import add_grant

pytestmark = pytest.mark.django_db

NOTE = "Fakta og kategorier redigeres på den danske side."
TAGGING = ("themes", "municipalities", "target_groups", "activities")


def theme(slug):
    return Theme.objects.get(slug=slug)


@pytest.fixture
def case(organisation, case_index):
    case = CasePageFactory(
        parent=organisation, title="Besøgsvenner i samarbejde", funding_source="Velux Fonden",
        funding_amount=250000, contact_role="Frivilligkonsulent",
        contact_email="gammel@kommune.example", tags={"themes": [theme("ensomhed")]},
    )
    add_partner(case, organisation, PartnerRole.LEAD)
    return case


@pytest.fixture
def translated_case(case):
    return translate_page(case, publish_parents=True, title="Visiting friends together",
                          contact_role="Volunteer consultant")


@pytest.fixture
def guide(organisation, case_index):
    return GuidePageFactory(parent=organisation, title="Kom i gang", for_municipalities=True,
                            tags={"themes": [theme("ensomhed")]})


@pytest.fixture
def translated_guide(guide):
    return translate_page(guide, publish_parents=True, title="Getting started")


def test_the_english_case_shows_the_facts_the_danish_page_has_now(
    client, case, translated_case
):
    case.start_date, case.end_date = datetime.date(2021, 5, 1), datetime.date(2023, 6, 30)
    case.funding_source, case.funding_amount = "Nordea-fonden", 400000
    case.contact_email = "ny@kommune.example"
    case.themes = [theme("samskabelse")]
    case.save_revision().publish()

    html = client.get(translated_case.url).content.decode()

    assert translated_case.url.startswith("/en/")
    for text in ("Visiting friends together", "2021–2023",
                 '<span lang="da">Nordea-fonden</span>, 400,000', "Volunteer consultant",
                 'href="mailto:ny@kommune.example"', "Co-creation"):
        assert text in html, text
    for stale in ("2019", "Velux Fonden", "gammel@kommune.example", "Loneliness"):
        assert stale not in html, stale


def test_the_english_guide_shows_whom_the_danish_page_is_for_now(
    client, guide, translated_guide
):
    guide.for_municipalities, guide.for_foundations = False, True
    guide.themes = [theme("samskabelse")]
    guide.save_revision().publish()

    html = client.get(translated_guide.url).content.decode()

    assert re.search(r"<dt>For</dt><dd>Foundations</dd>", html)
    assert "Co-creation" in html and "Loneliness" not in html


def test_the_english_case_lists_its_own_documents_by_their_english_titles(
    client, case, translated_case
):
    add_document(case, title="Evaluering")
    case.save_revision().publish()
    add_document(translated_case, title="Evaluation")
    translated_case.save_revision().publish()

    html = client.get(translated_case.url).content.decode()

    assert "Evaluation" in html and "Evaluering" not in html


def test_the_editor_of_an_english_case_writes_words_and_is_told_where_the_facts_are(
    admin_client, case, translated_case
):
    english_form = admin_client.get(f"/admin/pages/{translated_case.pk}/edit/").content.decode()
    danish_form = admin_client.get(f"/admin/pages/{case.pk}/edit/").content.decode()

    assert NOTE in english_form and NOTE not in danish_form
    for name in ("partners-TOTAL_FORMS", "grants-TOTAL_FORMS", "start_date", "end_date",
                 "funding_source", "funding_amount", "tools", "contact_email", *TAGGING):
        assert f'name="{name}"' not in english_form, name
        assert f'name="{name}"' in danish_form, name
    for name in ("summary", "contact_role", "lessons_worked", "documents-TOTAL_FORMS"):
        assert f'name="{name}"' in english_form, name


def test_the_editor_of_an_english_guide_is_not_asked_whom_it_is_for(
    admin_client, guide, translated_guide
):
    english_form = admin_client.get(f"/admin/pages/{translated_guide.pk}/edit/").content.decode()
    danish_form = admin_client.get(f"/admin/pages/{guide.pk}/edit/").content.decode()

    assert NOTE in english_form and NOTE not in danish_form
    for name in ("for_municipalities", "for_associations", "for_foundations", *TAGGING):
        assert f'name="{name}"' not in english_form, name
        assert f'name="{name}"' in danish_form, name


def test_publishing_the_english_case_from_its_form_leaves_the_danish_facts_alone(
    client, admin_client, case, translated_case
):
    url = f"/admin/pages/{translated_case.pk}/edit/"
    data = querydict_from_html(admin_client.get(url).content.decode(), form_id="page-edit-form")
    data["title"] = "Visiting friends in Aalborg"
    data.update(nested_form_data({
        "story": streamfield([("paragraph", rich_text("<p>How it went.</p>"))]),
        "results": streamfield([]),
    }))
    data["action-publish"] = "1"

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context["form"].errors.as_data()
    html = client.get(translated_case.url).content.decode()
    assert "Visiting friends in Aalborg" in html
    # The Danish page's partner, funding and themes, which the form did not carry.
    assert "Besøgsvennerne" in html and "Velux Fonden" in html and "Loneliness" in html
    saved = CasePage.objects.get(pk=case.pk)
    assert [(p.organisation_id, p.role) for p in saved.partners.all()] == [
        (case.get_parent().pk, PartnerRole.LEAD)
    ]


def test_the_english_listing_filters_on_the_danish_pages_themes_and_shows_english_cards(
    client, case, translated_case
):
    case.themes = [theme("samskabelse")]
    case.save_revision().publish()
    # Another case keeps the English copy's old theme in use (an option nobody has is ignored).
    CasePageFactory(parent=case.get_parent(), title="Vågetjeneste",
                    tags={"themes": [theme("ensomhed")]})

    found = client.get("/en/erfaringer/?tema=samskabelse").content.decode()
    left_out = client.get("/en/erfaringer/?tema=ensomhed").content.decode()

    assert f'href="{translated_case.url}">Visiting friends together</a>' in found
    assert "Vågetjeneste" in left_out and "Visiting friends together" not in left_out


def test_the_english_case_names_its_organisations_in_english_where_they_are_translated(
    client, organisation, case
):
    translate_page(organisation, publish_parents=True, title="The Visiting Friends")
    translated = translate_page(case, title="Visiting friends together")
    funder = OrganisationPageFactory(parent=organisation.get_parent(), title="Egmont Fonden")
    add_grant(case, funder=funder)

    response = client.get(translated.url)

    # The lead partner and publisher by its English name; the funder, untranslated, marked.
    assert read_in_everywhere(response, "The Visiting Friends") == {"en"}
    assert read_in_everywhere(response, "Egmont Fonden") == {"da"}
    assert "Besøgsvennerne" not in response.content.decode()
