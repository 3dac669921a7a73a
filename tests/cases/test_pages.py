import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils import WagtailPageTestCase

from portal.cases.models import CaseIndexPage, CasePage, GuidePage, KnowledgePage, PartnerRole
from portal.core.models import Municipality, Theme
from portal.home.models import HomePage, StandardPage
from portal.organisations.models import OrganisationKind, OrganisationPage
from tests.cases.factories import (
    CasePageFactory,
    GuidePageFactory,
    ToolPageFactory,
    add_document,
    add_partner,
)
from tests.factories import (
    CaseIndexPageFactory,
    OrganisationIndexPageFactory,
    OrganisationPageFactory,
    home_page,
)


def queries_for(client, url):
    """Queries of a warm request (caches filled by a first one), and the response."""
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context), response.content.decode()


class PageRulesTests(WagtailPageTestCase):
    def test_cases_and_guides_live_below_an_organisation_only(self):
        for page_class in (CasePage, GuidePage):
            self.assertCanCreateAt(OrganisationPage, page_class)
            self.assertCanNotCreateAt(HomePage, page_class)
            self.assertCanNotCreateAt(CaseIndexPage, page_class)
            self.assertCanNotCreateAt(StandardPage, page_class)
            self.assertAllowedSubpageTypes(page_class, {})

    def test_the_shared_base_and_the_listing_take_no_pages(self):
        self.assertFalse(KnowledgePage.is_creatable)
        self.assertAllowedSubpageTypes(CaseIndexPage, {})

    def test_case_and_guide_are_routable_and_renderable(self):
        directory = OrganisationIndexPageFactory(parent=home_page())
        organisation = OrganisationPageFactory(parent=directory)
        CaseIndexPageFactory(parent=home_page())
        case = CasePageFactory(parent=organisation)
        add_partner(case, organisation, PartnerRole.LEAD)
        guide = GuidePageFactory(parent=organisation)
        for page in (case, guide):
            with self.subTest(page=type(page).__name__):
                self.assertPageIsRoutable(page)
                self.assertPageIsRenderable(page)


@pytest.mark.django_db
def test_case_page_shows_partners_period_lessons_documents_and_tools(
    client, organisation, organisation_index
):
    municipality = OrganisationPageFactory(
        parent=organisation_index, title="Aalborg Kommune", kind=OrganisationKind.MUNICIPALITY
    )
    case = CasePageFactory(
        parent=organisation, lessons_hard="Vagter om natten.", lessons_advice="Start småt.",
        funding_source="Fonden for Fællesskab", funding_amount=450000,
        tags={"municipalities": [Municipality.objects.get(name="Aalborg")],
              "themes": [Theme.objects.get(slug="ensomhed")]},
    )
    add_partner(case, organisation, PartnerRole.LEAD)
    add_partner(case, municipality, PartnerRole.PARTNER)
    add_document(case, title="Evalueringsrapport")
    tool = ToolPageFactory(parent=municipality, title="VagtPlan")
    case.tools.set([tool])
    case.save()

    body = client.get(case.url).content.decode()

    for text in ("Besøgsvennerne", "tovholder", "Aalborg Kommune", "partner", "2019–i gang",
                 "Fonden for Fællesskab", "Det virkede", "Det var svært", "Vores råd til andre",
                 "Start småt.", "Evalueringsrapport", "CSV", "VagtPlan", "Ensomhed", "Aalborg"):
        assert text in body, text
    assert f'href="{municipality.url}"' in body
    assert f'href="{tool.url}"' in body


@pytest.mark.django_db
def test_guide_page_numbers_its_steps_and_links_cases_on_the_same_theme(client, organisation):
    theme = Theme.objects.get(slug="samskabelse")
    guide = GuidePageFactory(
        parent=organisation, for_associations=True,
        steps=[("step", {"title": "Find det fælles problem", "text": "<p>Start med borgeren.</p>"}),
               ("step", {"title": "Afprøv i det små", "text": "<p>En pilot.</p>"})],
        tags={"themes": [theme]},
    )
    case = CasePageFactory(parent=organisation, title="Netværk i Ishøj", tags={"themes": [theme]})

    body = client.get(guide.url).content.decode()

    assert '<ol class="hub-steps">' in body
    assert body.index("Find det fælles problem") < body.index("Afprøv i det små")
    assert "Kommuner, foreninger" in body
    assert f'href="{case.url}"' in body


@pytest.mark.django_db
def test_reverse_links_are_computed_from_the_data(client, organisation, organisation_index):
    partner = OrganisationPageFactory(parent=organisation_index, title="Fonden")
    case = CasePageFactory(parent=organisation, title="Spisevenner")
    add_partner(case, partner, PartnerRole.FUNDER)
    tool = ToolPageFactory(parent=partner, title="Beskedtråden")
    case.tools.set([tool])
    case.save()

    assert f'href="{case.url}"' in client.get(partner.url).content.decode()
    assert "finansierer" in client.get(partner.url).content.decode()
    assert f'href="{case.url}"' in client.get(tool.url).content.decode()
    # The publisher is a case's lead even without a partner row of its own.
    assert "tovholder" in client.get(organisation.url).content.decode()

    case.unpublish()
    assert f'href="{case.url}"' not in client.get(partner.url).content.decode()
    assert "Spisevenner" not in client.get(tool.url).content.decode()


@pytest.mark.django_db
def test_case_page_queries_do_not_grow_with_its_links(
    client, organisation, organisation_index, django_assert_max_num_queries
):
    case = CasePageFactory(
        parent=organisation, tags={"municipalities": [Municipality.objects.get(name="Aalborg")]}
    )
    add_partner(case, organisation, PartnerRole.LEAD)
    add_document(case, "Rapport 0")
    case.tools.set([ToolPageFactory(parent=organisation)])
    case.save()
    few, _ = queries_for(client, case.url)

    for number in range(8):
        add_partner(case, OrganisationPageFactory(parent=organisation_index))
        add_document(case, f"Rapport {number + 1}")
    case.tools.set([ToolPageFactory(parent=organisation) for _ in range(8)])
    case.themes.set(Theme.objects.all())
    case.municipalities.set(Municipality.objects.all()[:20])
    case.save()
    many, body = queries_for(client, case.url)

    assert body.count('class="document-link"') == 9
    assert many == few
    with django_assert_max_num_queries(25):
        client.get(case.url)


@pytest.mark.django_db
def test_guide_page_queries_do_not_grow_with_its_links(client, organisation):
    theme = Theme.objects.get(slug="ensomhed")
    guide = GuidePageFactory(parent=organisation, tags={"themes": [theme]})
    CasePageFactory(parent=organisation, tags={"themes": [theme]})
    few, _ = queries_for(client, guide.url)
    for _ in range(5):
        CasePageFactory(parent=organisation, tags={"themes": [theme]})
    many, _ = queries_for(client, guide.url)
    assert many == few


@pytest.mark.django_db
def test_case_page_links_open_opportunities_in_the_same_activity_or_municipality(
    client, organisation
):
    from portal.core.models import Activity
    from portal.opportunities.models import Status
    from tests.opportunities.factories import OpportunityPageFactory

    besoegsven, it_hjaelp = (
        Activity.objects.get(slug=slug) for slug in ("besoegsven", "it-hjaelp")
    )
    aalborg, odense = (Municipality.objects.get(name=name) for name in ("Aalborg", "Odense"))
    case = CasePageFactory(parent=organisation,
                           tags={"activities": [besoegsven], "municipalities": [aalborg]})
    same_activity = OpportunityPageFactory(parent=organisation, title="Besøgsven i Odense",
                                           activities=[besoegsven], municipalities=[odense])
    same_place = OpportunityPageFactory(parent=organisation, title="IT-hjælp i Aalborg",
                                        activities=[it_hjaelp], municipalities=[aalborg])
    OpportunityPageFactory(parent=organisation, title="IT-hjælp i Odense",
                           activities=[it_hjaelp], municipalities=[odense])
    OpportunityPageFactory(parent=organisation, title="Lukket besøgsven", status=Status.CLOSED,
                           activities=[besoegsven])

    few, body = queries_for(client, case.url)

    assert f'href="{same_activity.url}"' in body
    assert f'href="{same_place.url}"' in body
    assert "IT-hjælp i Odense" not in body
    assert "Lukket besøgsven" not in body
    for _ in range(6):
        OpportunityPageFactory(parent=organisation, activities=[besoegsven],
                               municipalities=[aalborg, odense])
    many, body = queries_for(client, case.url)
    assert body.count('class="card card--opportunity"') == 4
    assert many == few


@pytest.mark.django_db
def test_an_opportunity_page_shows_the_cases_of_its_activity_or_municipality(
    client, organisation
):
    from portal.core.models import Activity
    from tests.opportunities.factories import OpportunityPageFactory

    besoegsven = Activity.objects.get(slug="besoegsven")
    case = CasePageFactory(parent=organisation, title="Besøgsvenner via hjemmeplejen",
                           tags={"activities": [besoegsven]})
    CasePageFactory(parent=organisation, title="Lektiecafé")
    opportunity = OpportunityPageFactory(parent=organisation, activities=[besoegsven])

    html = client.get(opportunity.url).content.decode()

    assert "Erfaringer fra samme område" in html
    assert case.url in html
    assert "Lektiecafé" not in html
