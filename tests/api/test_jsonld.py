"""The ODI Volunteering Data documents: on the API, on the pages, and what the standard defines."""

import json
import re

import pytest

from tests.api.volunteering_standard import CONTEXT_URL, VOCABULARY, problems
from tests.opportunities.factories import OpportunityPageFactory

pytestmark = pytest.mark.django_db

SCRIPTS = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def api_document(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    return response.json()


def page_documents(client, url):
    """``(ODI documents, other JSON-LD)`` in the page's head."""
    response = client.get(url)
    assert response.status_code == 200
    found = [json.loads(text) for text in SCRIPTS.findall(response.content.decode())]
    odi = [data for data in found if CONTEXT_URL in data.get("@context", [])]
    return odi, [data for data in found if data not in odi]


def test_an_opportunity_is_organisation_activity_role_and_sessions(client, catalogue):
    page = catalogue["it_aalborg"]
    data = api_document(client, f"/api/v1/opportunities/{page.pk}.jsonld")
    assert data["@context"][0] == CONTEXT_URL
    assert data["conformsTo"] == VOCABULARY
    assert data["license"] == "CC-BY-4.0"
    assert data["publisher"] == "http://testserver/"
    [organisation] = data["graph"]
    assert organisation["type"] == "Organisation"
    assert organisation["id"] == page.organisation.get_full_url()
    assert organisation["name"] == "Besøgsvennerne"
    assert organisation["charityRegistration"] == [{
        "type": "CharityRegistration", "registrar": "https://datacvr.virk.dk",
        "registrationNumber": "12345674"}]
    [activity] = organisation["activity"]
    assert (activity["type"], activity["id"], activity["title"]) == (
        "Activity", page.get_full_url(), "IT-café i Aalborg")
    assert activity["organisation"] == organisation["id"]
    [role] = activity["role"]
    assert role["type"] == "Role"
    assert role["applyLink"] == page.get_full_url() + "#tilmelding"
    assert role["commitment"] == "Ad hoc / efter behov"
    assert role["allowsRemoteParticipation"] is False
    [session] = activity["session"]
    assert session["location"] == {"type": "Location", "name": "Aktivitetshuset, Vestergade 4",
                                   "address": "Aktivitetshuset, Vestergade 4, Aalborg, Danmark"}
    assert session["time"]["type"] == "Time"
    beginning = session["time"]["time:hasBeginning"]["time:inXSDDateTimeStamp"]
    assert beginning[10:19] == "T10:00:00"  # Copenhagen time, with its offset after


def test_a_role_says_age_commitment_and_the_child_certificate(client, catalogue):
    visit = api_document(client, f"/api/v1/opportunities/{catalogue['visit_aalborg'].pk}.jsonld")
    [role] = visit["graph"][0]["activity"][0]["role"]
    assert role["minimumAge"] == "18"
    assert role["commitment"] == "Fast, 2 timer om ugen"
    assert "requirement" not in role
    homework = api_document(
        client, f"/api/v1/opportunities/{catalogue['homework_odense'].pk}.jsonld")
    [activity] = homework["graph"][0]["activity"]
    assert activity["role"][0]["requirement"] == [VOCABULARY + "DBSCheck"]
    # Without shifts: a session per municipality, over the opportunity's period.
    [session] = activity["session"]
    assert session["location"]["address"] == "Odense, Danmark"
    period = session["time"]
    assert period["time:hasEnd"]["time:inXSDDate"] == str(catalogue["homework_odense"].end_date)
    assert activity["publishEndDate"] == str(catalogue["homework_odense"].end_date)


def test_every_term_is_one_the_standard_defines(client, catalogue):
    urls = [f"/api/v1/opportunities/{catalogue[name].pk}.jsonld"
            for name in ("visit_aalborg", "it_aalborg", "homework_odense", "online_it")]
    urls.append(f"/api/v1/organisations/{catalogue['visit_aalborg'].owner_organisation_id}.jsonld")
    for url in urls:
        assert problems(api_document(client, url)) == [], url


def test_the_checker_finds_what_the_standard_does_not_define():
    """The oracle above must be able to fail."""
    context = ["https://api.volunteeringdata.io/context/v1",
               {"time": "http://www.w3.org/2006/time#"}]
    assert problems({"@context": context, "type": "Organisation", "title": "x",
                     "colour": "red", "session": [{"type": "Meeting", "time": "noon",
                                                   "applyLink": "/relative"}]}) == [
        "$: colour is https://ns.volunteeringdata.io/colour, which the standard does not define",
        "$.session[0]: type Meeting is not a class of the standard",
        "$.session[0]: time is http://www.w3.org/2006/time#, which the standard does not define",
        "$.session[0]: applyLink '/relative' is not an absolute address",
    ]


def test_an_organisation_lists_only_its_open_public_opportunities(client, catalogue):
    organisation = catalogue["visit_aalborg"].owner_organisation
    data = api_document(client, f"/api/v1/organisations/{organisation.pk}.jsonld")
    [node] = data["graph"]
    assert sorted(activity["title"] for activity in node["activity"]) == [
        "Besøgsven i Aalborg", "IT-café i Aalborg", "Lektiehjælp i Odense", "Telefonhjælp til IT"]
    private = catalogue["private_organisation"]
    assert client.get(f"/api/v1/organisations/{private.pk}.jsonld").status_code == 404


def test_the_opportunity_page_carries_the_same_document_beside_its_schema_org(client, catalogue):
    page = catalogue["it_aalborg"]
    [odi], others = page_documents(client, page.url)
    assert odi == api_document(client, f"/api/v1/opportunities/{page.pk}.jsonld")
    assert others[0]["@context"] == "https://schema.org"
    assert [item["@type"] for item in others[0]["@graph"]] == ["JobPosting", "Event"]


def test_the_organisation_page_carries_the_same_document(client, catalogue):
    organisation = catalogue["visit_aalborg"].owner_organisation
    [odi], _ = page_documents(client, organisation.url)
    assert odi == api_document(client, f"/api/v1/organisations/{organisation.pk}.jsonld")


@pytest.mark.parametrize("name", ["expired", "paused"])
def test_a_page_that_is_not_open_carries_no_document(client, catalogue, name):
    odi, others = page_documents(client, catalogue[name].url)
    assert odi == []
    assert others  # its schema.org markup stays


def test_markup_in_a_title_cannot_end_the_script(client, catalogue, organisation):
    page = OpportunityPageFactory(parent=organisation, title="Hjælp </script><b>nu</b>",
                                  summary="Tekst & mere <!-- ikke en kommentar")
    text = client.get(page.url).content.decode()
    [odi], _ = page_documents(client, page.url)
    assert odi["graph"][0]["activity"][0]["title"] == "Hjælp </script><b>nu</b>"
    assert "Hjælp \\u003C/script\\u003E" in text
