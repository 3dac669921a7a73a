"""Every filter of /frivilligopgaver/ gives the API the listing's own results, in its order."""

import datetime

import pytest

from tests.opportunities.factories import OpportunityPageFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today


def listing_titles(client, query):
    response = client.get(f"/frivilligopgaver/?{query}")
    assert response.status_code == 200
    return [page.title for page in response.context["opportunities"]], \
        response.context["result_count"]


def api_titles(client, query):
    response = client.get(f"/api/v1/opportunities/?{query}")
    assert response.status_code == 200, response.content
    data = response.json()
    return [item["title"] for item in data["results"]], data["count"]


def in_ten_days():
    return (TODAY() + datetime.timedelta(days=10)).isoformat()


QUERIES = [
    "",
    "kommune=aalborg",
    "kommune=aalborg&kommune=odense",
    "region=nordjylland",
    "region=syddanmark&region=nordjylland",
    "aktivitet=it-hjaelp",
    "maalgruppe=aeldre",
    "type=ad_hoc&type=one_off",
    "type=regular&kommune=aalborg",
    "uden_boerneattest=on",
    "online=on",
    "sprog=engelsk",
    "sprog=engelsk&kommune=aalborg",
    "q=lektiehjælp",
    "q=aalborg&aktivitet=it-hjaelp",
    "fra={soon}&til={soon}",
    "fra={later}",
    "til={soon}",
    "region=nordjylland&type=ad_hoc&aktivitet=it-hjaelp",
]


@pytest.mark.parametrize("query", QUERIES)
def test_each_filter_gives_the_listings_results(client, catalogue, query):
    query = query.format(soon=in_ten_days(),
                         later=(TODAY() + datetime.timedelta(days=65)).isoformat())
    expected = listing_titles(client, query)
    assert api_titles(client, query) == expected


def test_the_filters_narrow_as_expected(client, catalogue):
    """The oracle above compares with the listing; these say what the listing should give."""
    assert api_titles(client, "kommune=aalborg")[0] == ["IT-café i Aalborg", "Besøgsven i Aalborg"]
    assert api_titles(client, "online=on")[0] == ["Telefonhjælp til IT"]
    assert api_titles(client, "sprog=engelsk") == (["Telefonhjælp til IT", "IT-café i Aalborg"], 2)
    # A shift that day, or no shifts and no period that rules the day out.
    assert api_titles(client, f"fra={in_ten_days()}&til={in_ten_days()}")[0] == [
        "Telefonhjælp til IT", "IT-café i Aalborg", "Besøgsven i Aalborg"]
    assert api_titles(client, "")[1] == 4


def test_the_order_is_the_listings_beyond_one_page(client, opportunity_index, organisation):
    for number in range(25):
        OpportunityPageFactory(parent=organisation, title=f"Opgave {number:02}")
    first, count = listing_titles(client, "")
    second, _ = listing_titles(client, "page=2")
    titles, api_count = api_titles(client, "limit=100")
    assert titles == first + second
    assert api_count == count == 25


def test_a_language_the_filter_does_not_know_is_a_bad_parameter(client, catalogue):
    response = client.get("/api/v1/opportunities/?sprog=dansk")
    assert response.status_code == 400
    assert api_titles(client, "sprog=engelsk")[1] == 2


def test_the_record_says_whether_english_speakers_are_welcome(client, catalogue):
    welcome = {item["title"]: item["english_speakers_welcome"]
               for item in client.get("/api/v1/opportunities/").json()["results"]}
    assert welcome == {"Telefonhjælp til IT": True, "IT-café i Aalborg": True,
                       "Lektiehjælp i Odense": False, "Besøgsven i Aalborg": False}
