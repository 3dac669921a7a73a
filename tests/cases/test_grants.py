"""Grants behind cases: validation, the links between case, call and funder, 360Giving."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.cases.models import CaseGrant, PartnerRole
from portal.organisations.models import OrganisationKind
from tests.cases.factories import CasePageFactory, add_partner
from tests.factories import OrganisationPageFactory
from tests.funding.factories import FundingCallPageFactory, add_grant

pytestmark = pytest.mark.django_db

CORE_COLUMNS = [
    "Identifier", "Title", "Description", "Currency", "Amount Awarded", "Award Date",
    "Recipient Org:Identifier", "Recipient Org:Name", "Funding Org:Identifier",
    "Funding Org:Name",
]


@pytest.fixture
def fund(organisation_index):
    return OrganisationPageFactory(
        parent=organisation_index, title="Fonden for Fællesskab",
        kind=OrganisationKind.FOUNDATION,
    )


@pytest.fixture
def call(fund):
    page = FundingCallPageFactory(parent=fund, title="Fællesskabspuljen", deadlines=[-30])
    page.save_revision().publish()
    return page


@pytest.fixture
def case(organisation):
    page = CasePageFactory(parent=organisation, title="Spisevenner i Ishøj",
                           summary="Ældre spiser sammen.")
    add_partner(page, organisation, PartnerRole.LEAD)
    return page


def _errors(grant):
    with pytest.raises(ValidationError) as caught:
        grant.full_clean(exclude=["case"])
    return {field: [str(m) for m in messages]
            for field, messages in caught.value.message_dict.items()}


def test_a_grant_names_its_funder_once(fund, case):
    assert _errors(CaseGrant(case=case, amount=10, start_date=datetime.date(2024, 1, 1))) == {
        "funder": ["Vælg bevillingsgiveren på Bindeled eller skriv dens navn."]
    }
    both = CaseGrant(case=case, funder=fund, funder_name="Fonden", amount=10,
                     start_date=datetime.date(2024, 1, 1))
    assert _errors(both) == {
        "funder_name": ["Vælg bevillingsgiveren på Bindeled eller skriv dens navn – ikke begge "
                        "dele."]
    }


def test_a_grant_from_a_call_comes_from_the_calls_organisation(fund, call, case, organisation):
    grant = CaseGrant(case=case, funder=organisation, call=call, amount=10,
                      start_date=datetime.date(2024, 1, 1))
    assert _errors(grant) == {"call": ["Puljen hører ikke til den valgte bevillingsgiver."]}
    named = CaseGrant(case=case, funder_name="Fonden", call=call, amount=10,
                      start_date=datetime.date(2024, 1, 1))
    assert list(_errors(named)) == ["funder_name"]


def test_a_grant_has_a_positive_amount_and_a_period_in_order(fund, case):
    grant = CaseGrant(case=case, funder=fund, amount=0, start_date=datetime.date(2024, 1, 1),
                      end_date=datetime.date(2023, 1, 1))
    assert _errors(grant) == {
        "amount": ["Beløbet skal være mindst 1 kr."],
        "end_date": ["Slutdatoen kan ikke ligge før startdatoen."],
    }


def test_links_go_both_ways(client, fund, call, case, organisation):
    case.save_revision().publish()
    add_grant(case, funder=fund, call=call, amount=250_000)
    add_grant(case, funder_name="Lokal sparekassefond", amount=30_000)

    case_html = client.get(case.url).content.decode()
    assert f'href="{fund.url}"' in case_html and "250.000 kr." in case_html
    assert f'href="{call.url}"' in case_html and "Lokal sparekassefond" in case_html

    call_html = client.get(call.url).content.decode()
    assert "Samskabelsescases, puljen har støttet" in call_html
    assert f'href="{case.url}"' in call_html and organisation.title in call_html

    fund_html = client.get(fund.url).content.decode()
    assert "Hvad kom der ud af vores støtte" in fund_html
    assert f'href="{case.url}"' in fund_html
    assert "Støttet med 250.000 kr." in fund_html
    assert f'href="{organisation.url}"' in fund_html  # the case's partner
    assert 'href="/stoette/bevillinger.csv"' in fund_html


def test_unpublished_cases_are_not_shown_or_exported(client, fund, call, case):
    add_grant(case, funder=fund, call=call)
    case.unpublish()

    assert "Hvad kom der ud af vores støtte" not in client.get(fund.url).content.decode()
    assert "Samskabelsescases, puljen har støttet" not in client.get(call.url).content.decode()
    assert client.get("/stoette/bevillinger.json").json() == {"grants": []}


def _queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context)


def _more_cases(parent, fund, call, partner, number):
    for index in range(number):
        extra = CasePageFactory(parent=parent, title=f"Ekstra case {index}")
        add_partner(extra, partner)
        add_grant(extra, funder=fund, call=call, amount=1000 + index)
        add_grant(extra, funder=fund, amount=500)


@pytest.mark.parametrize("which", ["case", "call", "fund", "csv", "json"])
def test_query_counts_do_not_grow_with_grants_and_cases(
    client, fund, call, case, organisation, which
):
    add_grant(case, funder=fund, call=call)
    url = {"case": case.url, "call": call.url, "fund": fund.url,
           "csv": "/stoette/bevillinger.csv", "json": "/stoette/bevillinger.json"}[which]
    before = _queries(client, url)
    _more_cases(organisation, fund, call, organisation, 5)
    for _index in range(4):
        add_grant(case, funder=fund, call=call)
    assert _queries(client, url) == before


def test_the_360giving_json_has_the_standards_fields_and_types(client, fund, call, case,
                                                                organisation):
    grant = add_grant(case, funder=fund, call=call, amount=250_000,
                      start_date=datetime.date(2025, 3, 1), end_date=datetime.date(2026, 2, 28))

    response = client.get("/stoette/bevillinger.json")

    assert response["Content-Type"] == "application/json"
    assert response.json() == {"grants": [{
        "id": f"360G-bindeled-{grant.pk}",
        "title": "Spisevenner i Ishøj",
        "description": "Ældre spiser sammen.",
        "currency": "DKK",
        "amountAwarded": 250000,
        "awardDate": "2025-03-01",
        "plannedDates": [{"startDate": "2025-03-01", "endDate": "2026-02-28"}],
        "recipientOrganization": [
            {"id": f"360G-bindeled-org-{organisation.pk}", "name": organisation.title}
        ],
        "fundingOrganization": [
            {"id": f"360G-bindeled-org-{fund.pk}", "name": "Fonden for Fællesskab"}
        ],
        "grantProgramme": [{"title": "Fællesskabspuljen", "url": call.get_full_url()}],
    }]}


def test_the_360giving_csv_has_the_standards_column_titles(client, fund, case, organisation):
    add_grant(case, funder_name="=HYPERLINK(\"x\")", amount=30_000,
              start_date=datetime.date(2023, 1, 1))

    response = client.get("/stoette/bevillinger.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert list(rows[0])[:6] == CORE_COLUMNS[:6]
    assert set(CORE_COLUMNS) <= set(rows[0])
    row = rows[0]
    assert row["Amount Awarded"] == "30000" and row["Currency"] == "DKK"
    assert row["Award Date"] == "2023-01-01"
    assert row["Recipient Org:Name"] == organisation.title
    assert row["Funding Org:Identifier"].startswith("360G-bindeled-funder-")
    # An editor's text is never read as a formula by a spreadsheet.
    assert row["Funding Org:Name"] == "'=HYPERLINK(\"x\")"


def test_an_organisation_with_a_cvr_number_is_named_by_it(client, fund, case, organisation):
    organisation.cvr = "12345674"
    organisation.save()
    add_grant(case, funder=fund)

    grant = client.get("/stoette/bevillinger.json").json()["grants"][0]

    assert grant["recipientOrganization"] == [{"id": "DK-CVR-12345674",
                                               "name": organisation.title}]
    assert grant["fundingOrganization"][0]["id"] == f"360G-bindeled-org-{fund.pk}"


def _case_form_with_grant(client, case, **grant):
    """The case's edit form as the editor sends it, with one new grant row."""
    from django.db.models import BooleanField
    from wagtail.fields import StreamField
    from wagtail.test.utils.form_data import (
        nested_form_data,
        querydict_from_html,
        rich_text,
        streamfield,
    )

    url = f"/admin/pages/{case.pk}/edit/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    for field in type(case)._meta.get_fields():
        if isinstance(field, BooleanField) and data.get(field.name) == "":
            data[field.name] = "on"
        if isinstance(field, StreamField) and f"{field.name}-count" not in data:
            blocks = [] if field.blank else [("paragraph", rich_text("<p>Fortælling</p>"))]
            data.update(nested_form_data({field.name: streamfield(blocks)}))
    index = int(data["grants-TOTAL_FORMS"])
    row = {"funder": "", "funder_name": "", "call": "", "amount": "", "start_date": "",
           "end_date": "", "id": "", "ORDER": str(index + 1), "DELETE": ""} | grant
    for name, value in row.items():
        data[f"grants-{index}-{name}"] = value
    data["grants-TOTAL_FORMS"] = str(index + 1)
    return url, data


def test_the_case_form_refuses_a_bad_grant_in_danish_and_saves_a_good_one(
    admin_client, fund, call, case
):
    revisions = case.revisions.count()
    url, data = _case_form_with_grant(
        admin_client, case, funder=str(fund.pk), funder_name="Fonden", amount="10000",
        start_date="2025-01-01", end_date="2024-01-01",
    )
    response = admin_client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "ikke begge dele" in html
    assert "Slutdatoen kan ikke ligge før startdatoen." in html
    assert case.revisions.count() == revisions

    url, data = _case_form_with_grant(
        admin_client, case, funder=str(fund.pk), call=str(call.pk), amount="10000",
        start_date="2025-01-01",
    )
    assert admin_client.post(url, data).status_code == 302
    latest = case.revisions.order_by("-created_at", "-pk").first()
    grants = latest.as_object().grants.all()
    assert [(g.funder_id, g.call_id, g.amount) for g in grants] == [(fund.pk, call.pk, 10000)]
