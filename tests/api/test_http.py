"""The HTTP side: pages that hold still, validators and 304s, CORS, the rate limit, 400s."""

import datetime

import pytest
from django.core.cache import cache
from django.utils.http import http_date

from portal.api import throttle
from portal.core.cache import CacheUnavailable
from portal.core.page_cache import start_new_generation
from tests.opportunities.factories import OpportunityPageFactory

from .conftest import api_ids

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(opportunity_index, organisation):
    return [OpportunityPageFactory(parent=organisation, title=f"Opgave {number:02}")
            for number in range(12)]


def test_pages_follow_each_other_without_gaps_or_repeats(client, many):
    everything = client.get("/api/v1/opportunities/?limit=100").json()["results"]
    assert api_ids(client, "/api/v1/opportunities/?limit=5") == [item["id"] for item in everything]
    assert len(everything) == 12


def test_a_page_follows_its_cursor_when_others_are_published_or_closed_meanwhile(
    client, many, organisation
):
    first = client.get("/api/v1/opportunities/?limit=5").json()
    shown = [item["id"] for item in first["results"]]
    expected_rest = [pk for pk in api_ids(client, first["next"])]
    # Meanwhile: a new opportunity goes to the front, and the last one shown closes.
    OpportunityPageFactory(parent=organisation, title="Helt ny")
    last_shown = next(page for page in many if page.pk == shown[-1])
    last_shown.status = "closed"
    last_shown.save_revision().publish()
    assert api_ids(client, first["next"]) == expected_rest


def test_the_next_address_keeps_the_filters(client, many):
    data = client.get("/api/v1/opportunities/?type=regular&limit=5").json()
    assert data["next"].startswith("http://testserver/api/v1/opportunities/?type=regular&limit=5"
                                   "&cursor=")


def test_other_lists_page_the_same_way(client, catalogue, organisation):
    from tests.cases.factories import ToolPageFactory

    for number in range(6):
        ToolPageFactory(parent=organisation, title=f"Værktøj {number}")
    assert len(api_ids(client, "/api/v1/tools/?limit=2")) == 7
    assert len(set(api_ids(client, "/api/v1/tools/?limit=2"))) == 7


def test_conditional_get_answers_304_until_something_changes(client, catalogue, organisation):
    first = client.get("/api/v1/opportunities/")
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag and modified
    again = client.get("/api/v1/opportunities/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["ETag"] == etag
    assert again.content == b""
    since = client.get("/api/v1/opportunities/", HTTP_IF_MODIFIED_SINCE=modified)
    assert since.status_code == 304
    # Another address has another ETag.
    assert client.get("/api/v1/opportunities/?online=on")["ETag"] != etag
    OpportunityPageFactory(parent=organisation, title="Ny opgave").save_revision().publish()
    changed = client.get("/api/v1/opportunities/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert "Ny opgave" in changed.content.decode()


def test_an_old_if_modified_since_gets_the_data(client, catalogue):
    client.get("/api/v1/opportunities/")
    long_ago = http_date((datetime.datetime.now() - datetime.timedelta(days=1)).timestamp())
    assert client.get("/api/v1/opportunities/",
                      HTTP_IF_MODIFIED_SINCE=long_ago).status_code == 200


def test_cors_is_open_for_reading_only(client, catalogue):
    response = client.get("/api/v1/opportunities/", HTTP_ORIGIN="https://kommune.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert client.get("/api/v1/opportunities/?limit=0")["Access-Control-Allow-Origin"] == "*"
    posted = client.post("/api/v1/opportunities/", HTTP_ORIGIN="https://kommune.example")
    assert posted.status_code == 405
    assert not posted.has_header("Access-Control-Allow-Origin")


def test_responses_are_cacheable_for_a_minute_but_not_kept_by_the_page_cache(
    client, catalogue, settings
):
    settings.PAGE_CACHE_SECONDS = 300
    response = client.get("/api/v1/opportunities/")
    assert response["Cache-Control"] == "max-age=60"
    assert not response.has_header("X-Page-Cache")
    assert client.get("/api/v1/opportunities/?limit=0")["Cache-Control"] == "no-store"


def test_without_redis_there_are_no_validators_of_ours_but_still_304s(client, catalogue):
    cache.clear()  # no generation: as while Redis is unreachable
    start_new_generation  # noqa: B018 - the generation is made by the page cache, not here
    response = client.get("/api/v1/opportunities/")
    assert response.status_code == 200
    # Django's ConditionalGetMiddleware gives a content ETag.
    assert client.get("/api/v1/opportunities/",
                      HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_over_the_limit_a_danish_429_with_retry_after(client, catalogue, settings):
    settings.API_RATE_LIMIT = 3
    settings.API_RATE_WINDOW_SECONDS = 60
    for _ in range(3):
        assert client.get("/api/v1/taxonomies/regions/").status_code == 200
    refused = client.get("/api/v1/opportunities/")
    assert refused.status_code == 429
    assert refused.json()["detail"].startswith("For mange forespørgsler. Prøv igen om ")
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused["Access-Control-Allow-Origin"] == "*"
    # Another client is not held back.
    assert client.get("/api/v1/opportunities/", REMOTE_ADDR="10.0.0.9").status_code == 200


def test_the_limit_lets_everything_through_while_redis_is_down(client, catalogue, settings,
                                                               monkeypatch):
    settings.API_RATE_LIMIT = 1

    def unreachable(*args, **kwargs):
        raise CacheUnavailable("redis")

    monkeypatch.setattr(throttle.cache, "incr", unreachable)
    for _ in range(3):
        assert client.get("/api/v1/taxonomies/regions/").status_code == 200


def test_the_limit_with_a_real_redis_that_goes_away(client, catalogue, settings, shared_cache,
                                                    redis_server):
    settings.API_RATE_LIMIT = 2
    for _ in range(2):
        assert client.get("/api/v1/taxonomies/regions/").status_code == 200
    assert client.get("/api/v1/taxonomies/regions/").status_code == 429
    redis_server.stop()
    assert client.get("/api/v1/taxonomies/regions/").status_code == 200
    assert client.get("/api/v1/opportunities/").status_code == 200


@pytest.mark.parametrize(("query", "parameter", "message"), [
    ("kommune=atlantis", "kommune", "Vi kender ikke kommune “atlantis”."),
    ("region=syd&kommune=aalborg", "region", "Vi kender ikke region “syd”."),
    ("aktivitet=dans", "aktivitet", "Vi kender ikke aktivitet “dans”."),
    ("maalgruppe=katte", "maalgruppe", "Vi kender ikke maalgruppe “katte”."),
    ("type=hver-anden-tirsdag", "type", "“type” kan være"),
    ("fra=31-02-2025", "fra", "“fra” skal være en dato som ÅÅÅÅ-MM-DD."),
    ("fra=2030-01-10&til=2030-01-01", "til", "Til-datoen ligger før fra-datoen."),
    ("online=maaske", "online", "“online” skal være true eller false."),
    ("limit=0", "limit", "“limit” skal være mindst 1."),
    ("limit=1000", "limit", "“limit” må højst være 100."),
    ("limit=abc", "limit", "“limit” skal være et helt tal."),
    ("cursor=abc", "cursor", "Markøren er ugyldig."),
    ("cursor=OTk5OTk5OTk5OTl8", "cursor", "Markøren er ugyldig."),
    ("q=" + "x" * 300, "q", "“q” er for lang."),
    ("sorter=frist", "sorter", "Parameteren “sorter” findes ikke."),
    ("page=2", "page", "Parameteren “page” findes ikke."),
])
def test_bad_parameters_are_a_danish_400(client, catalogue, query, parameter, message):
    response = client.get(f"/api/v1/opportunities/?{query}")
    assert response.status_code == 400
    data = response.json()
    assert data["detail"] == "Forespørgslen har ugyldige parametre."
    [error] = [error for error in data["errors"] if error["parameter"] == parameter]
    assert error["message"].startswith(message)


@pytest.mark.parametrize("url", [
    "/api/v1/tools/?limit=-1", "/api/v1/cases/?cursor=%00", "/api/v1/organisations/?x=1",
    "/api/v1/taxonomies/regions/?kommune=aalborg",
])
def test_bad_parameters_elsewhere_are_a_400_too(client, catalogue, url):
    assert client.get(url).status_code == 400


def test_a_page_id_beyond_the_database_is_a_404(client, catalogue):
    assert client.get("/api/v1/opportunities/99999999999/").status_code == 404


def openapi(client, query="", **headers):
    response = client.get(f"/api/v1/openapi.json{query}", **headers)
    assert response.status_code == 200
    return response


def test_the_openapi_document_is_english_with_lang_en_and_danish_without(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    danish = openapi(client)
    english = openapi(client, "?lang=en")

    assert english["Content-Language"] == "en"
    assert english.json()["info"]["title"] == "Bindeled – open data"
    listing = english.json()["paths"]["/api/v1/opportunities/"]["get"]
    assert listing["description"].startswith("Open volunteer opportunities with upcoming shifts")
    assert danish["Content-Language"] == "da"
    assert danish.json()["info"]["title"] == "Bindeled – åbne data"
    assert openapi(client, "?lang=EN-gb").json() == english.json()
    # The page cache keeps each language apart by its address.
    again_danish, again_english = openapi(client), openapi(client, "?lang=en")
    assert again_danish["X-Page-Cache"] == again_english["X-Page-Cache"] == "hit"
    assert (again_danish["Content-Language"], again_english["Content-Language"]) == ("da", "en")
    assert again_danish.json() == danish.json() and again_english.json() == english.json()


def test_the_openapi_document_takes_its_language_from_the_address_only(client):
    asked_in_english = openapi(client, HTTP_ACCEPT_LANGUAGE="en")

    assert asked_in_english["Content-Language"] == "da"
    assert asked_in_english.json()["info"]["title"] == "Bindeled – åbne data"
    for response in (asked_in_english, openapi(client, "?lang=en")):
        assert "accept-language" not in response.get("Vary", "").lower()
        assert response["Cache-Control"] == "public, max-age=300"


@pytest.mark.parametrize("query", ["?lang=fr", "?lang=", "?lang=%00", "?lang=" + "e" * 600,
                                   "?lang=en&lang=de"])
def test_an_unknown_language_gets_the_danish_document(client, query):
    response = openapi(client, query)

    assert response["Content-Language"] == "da"
    assert response.json()["info"]["title"] == "Bindeled – åbne data"
