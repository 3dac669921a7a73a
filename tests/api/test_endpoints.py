"""Every endpoint: what it lists, and never a draft, a private page or a personal field."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from portal.api import schemas
from portal.api.api import api
from portal.api.http import json_text
from tests.opportunities.factories import OpportunityPageFactory, ShiftFactory

pytestmark = pytest.mark.django_db

# Fields that hold, or may hold, a person's name, address or number, and bookings.
PERSONAL = {"contact_email", "contact_phone", "contact_name", "contact_role", "email",
            "phone", "reference", "bookings", "publishes_opportunities_directly"}


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()


def keys_of(value):
    if isinstance(value, dict):
        return set(value) | {key for item in value.values() for key in keys_of(item)}
    if isinstance(value, list):
        return {key for item in value for key in keys_of(item)}
    return set()


def titles(data):
    return sorted(item.get("title") or item.get("name") for item in data["results"])


def test_opportunities_are_the_open_public_published_ones(client, catalogue):
    data = get(client, "/api/v1/opportunities/")
    assert titles(data) == ["Besøgsven i Aalborg", "IT-café i Aalborg",
                            "Lektiehjælp i Odense", "Telefonhjælp til IT"]
    assert data["count"] == 4
    assert data["next"] is None


@pytest.mark.parametrize("name", ["expired", "paused", "private", "draft"])
def test_a_closed_private_or_draft_opportunity_is_a_404(client, catalogue, name):
    response = client.get(f"/api/v1/opportunities/{catalogue[name].pk}/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Findes ikke."}
    assert client.get(f"/api/v1/opportunities/{catalogue[name].pk}.jsonld").status_code == 404


def test_one_opportunity_with_its_shifts_and_taxonomies(client, catalogue):
    page = catalogue["it_aalborg"]
    data = get(client, f"/api/v1/opportunities/{page.pk}/")
    assert data["title"] == "IT-café i Aalborg"
    assert data["url"] == page.get_full_url()  # the site's own address, as the sitemap gives
    assert data["organisation"]["identifier"] == "DK-CVR-12345674"
    assert data["commitment"] == {"value": "ad_hoc", "name": "Ad hoc / efter behov"}
    # A municipality's name is a proper name: the same in English.
    assert data["municipalities"] == [{"slug": "aalborg", "name": "Aalborg", "name_en": "Aalborg"}]
    assert data["regions"] == [{"slug": "nordjylland", "name": "Region Nordjylland",
                                "name_en": "North Denmark Region"}]
    assert data["activities"] == [{"slug": "it-hjaelp", "name": "IT-hjælp", "name_en": "IT help"}]
    [shift] = data["shifts"]
    assert shift["starts_at"].endswith("T10:00:00+01:00") or shift["starts_at"].endswith(
        "T10:00:00+02:00")  # Copenhagen time, winter or summer
    assert (shift["capacity"], shift["places_left"], shift["place"]) == (
        5, 5, "Aktivitetshuset, Vestergade 4")
    assert data["jsonld"] == f"http://testserver/api/v1/opportunities/{page.pk}.jsonld"


def test_no_personal_fields_anywhere(client, catalogue):
    urls = ["/api/v1/opportunities/", "/api/v1/organisations/", "/api/v1/cases/",
            "/api/v1/guides/", "/api/v1/tools/",
            f"/api/v1/organisations/{catalogue['visit_aalborg'].owner_organisation_id}/"]
    for url in urls:
        response = client.get(url)
        assert not keys_of(response.json()) & PERSONAL, url
        text = response.content.decode()
        for value in ("koordinator@forening.example", "12 34 56 78", "person@kommune.example",
                      "Frivilligkonsulent", "TEST-"):
            assert value not in text, (url, value)


def test_organisations_without_the_private_one(client, catalogue):
    data = get(client, "/api/v1/organisations/")
    assert titles(data) == ["Besøgsvennerne"]
    [organisation] = data["results"]
    assert organisation["cvr"] == "12345674"
    assert organisation["identifier"] == "DK-CVR-12345674"
    assert organisation["kind"] == {"value": "ngo", "name": "Frivillig organisation"}
    private = catalogue["private_organisation"]
    assert client.get(f"/api/v1/organisations/{private.pk}/").status_code == 404


def test_cases_guides_and_tools_are_published_public_ones(client, catalogue):
    cases = get(client, "/api/v1/cases/")
    assert titles(cases) == ["Besøgsvenner i Aalborg"]
    assert cases["results"][0]["organisation"]["name"] == "Besøgsvennerne"
    assert titles(get(client, "/api/v1/guides/")) == ["Sådan starter I"]
    tools = get(client, "/api/v1/tools/")
    assert titles(tools) == ["Vagtplan"]
    assert tools["results"][0]["hosting"] == {"value": "eu", "name": "I EU/EØS"}
    for kind, name in (("cases", "case"), ("guides", "guide"), ("tools", "tool")):
        assert get(client, f"/api/v1/{kind}/{catalogue[name].pk}/")["id"] == catalogue[name].pk
    assert client.get(f"/api/v1/cases/{catalogue['private_case'].pk}/").status_code == 404
    assert client.get(f"/api/v1/tools/{catalogue['draft_tool'].pk}/").status_code == 404


def test_taxonomies(client, db):
    municipalities = get(client, "/api/v1/taxonomies/municipalities/")
    assert len(municipalities) == 98
    assert {"slug": "aalborg", "name": "Aalborg", "name_en": "Aalborg", "code": 851,
            "region": "nordjylland"} in municipalities
    assert [row["slug"] for row in get(client, "/api/v1/taxonomies/regions/")] == [
        "hovedstaden", "midtjylland", "nordjylland", "sjaelland", "syddanmark"]
    assert {"slug": "hovedstaden", "name": "Region Hovedstaden", "code": 1084,
            "name_en": "Capital Region of Denmark"} in get(client, "/api/v1/taxonomies/regions/")
    assert {"slug": "it-hjaelp", "name": "IT-hjælp", "name_en": "IT help"} in get(
        client, "/api/v1/taxonomies/activities/")
    assert {"slug": "aeldre", "name": "Ældre", "name_en": "Older people"} in get(
        client, "/api/v1/taxonomies/target-groups/")
    assert {"slug": "samskabelse", "name": "Samskabelse", "name_en": "Co-creation"} in get(
        client, "/api/v1/taxonomies/themes/")
    assert {"slug": "kommunikation", "name": "Kommunikation", "name_en": "Communication"} in get(
        client, "/api/v1/taxonomies/tool-categories/")
    assert [row["value"] for row in get(client, "/api/v1/taxonomies/commitments/")] == [
        "one_off", "ad_hoc", "short_project", "regular"]
    for name in ("themes", "tool-categories", "organisation-kinds", "tool-prices",
                 "tool-hosting"):
        assert get(client, f"/api/v1/taxonomies/{name}/")


def test_danish_letters_are_written_as_themselves(client, catalogue):
    response = client.get("/api/v1/opportunities/?q=lektiehjælp")
    assert "Lektiehjælp i Odense" in response.content.decode()
    assert response["Content-Type"] == "application/json; charset=utf-8"


def test_the_openapi_document_describes_every_endpoint(client, db):
    data = get(client, "/api/v1/openapi.json")
    assert data["info"]["title"] == "Bindeled – åbne data"
    paths = set(data["paths"])
    for path in ("/api/v1/opportunities/", "/api/v1/opportunities/{pk}/",
                 "/api/v1/opportunities/{pk}.jsonld", "/api/v1/organisations/",
                 "/api/v1/organisations/{pk}.jsonld", "/api/v1/cases/", "/api/v1/guides/",
                 "/api/v1/tools/", "/api/v1/taxonomies/municipalities/"):
        assert path in paths
    parameters = {p["name"] for p in data["paths"]["/api/v1/opportunities/"]["get"]["parameters"]}
    assert parameters == {"q", "kommune", "region", "aktivitet", "maalgruppe", "type", "fra",
                          "til", "uden_boerneattest", "online", "sprog", "cursor", "limit"}
    assert "contact_email" not in json.dumps(data)
    # No interactive page that would load scripts from elsewhere.
    assert client.get("/api/v1/docs/").status_code == 404


def test_the_query_count_does_not_grow_with_the_results(client, catalogue, organisation):
    client.get("/api/v1/opportunities/")  # the facet index and taxonomy lists, as in production
    with CaptureQueriesContext(connection) as few:
        client.get("/api/v1/opportunities/?limit=100")
    for number in range(30):
        page = OpportunityPageFactory(parent=organisation, title=f"Ekstra {number}",
                                      municipalities=list(catalogue["visit_aalborg"]
                                                          .municipalities.all()))
        ShiftFactory(opportunity=page)
    client.get("/api/v1/opportunities/")
    with CaptureQueriesContext(connection) as many:
        data = client.get("/api/v1/opportunities/?limit=100").json()
    assert data["count"] == 34
    assert len(many) == len(few)


def test_the_list_is_exactly_in_its_schema_and_the_same_as_each_detail(client, catalogue):
    """The list is written without ninja's check (for speed): the schema is held here."""
    data = get(client, "/api/v1/opportunities/?limit=100")
    schemas.OpportunityList.model_validate(data)
    assert set(data) == set(schemas.OpportunityList.model_fields)
    nested = {"organisation": schemas.OrganisationRef, "commitment": schemas.Choice}
    for item in data["results"]:
        assert set(item) == set(schemas.Opportunity.model_fields)
        for name, schema in nested.items():
            assert set(item[name]) == set(schema.model_fields)
        for name in ("municipalities", "regions", "activities", "target_groups"):
            assert all(set(term) == {"slug", "name", "name_en"} for term in item[name])
        assert all(set(shift) == set(schemas.Shift.model_fields) for shift in item["shifts"])
        assert get(client, f"/api/v1/opportunities/{item['id']}/") == item


def test_the_openapi_document_is_written_in_the_language_asked_for(db):
    def described_in(language):
        with translation.override(language):
            return json.loads(json_text(api.get_openapi_schema()))

    danish, english = described_in("da"), described_in("en")

    assert danish["info"]["title"] == "Bindeled – åbne data"
    assert english["info"]["title"] == "Bindeled – open data"
    listing = english["paths"]["/api/v1/opportunities/"]["get"]
    assert listing["tags"] == ["Volunteer opportunities"]
    assert listing["description"].startswith("Open volunteer opportunities with upcoming shifts")
    online = next(p for p in listing["parameters"] if p["name"] == "online")
    assert online["description"] == "Only opportunities online / anywhere in the country"
