"""Active filters above a listing's results: each chip removes itself and nothing else."""

from urllib.parse import parse_qsl, urlsplit

import pytest
from bs4 import BeautifulSoup

from portal.core.models import Theme
from tests.cases.factories import CasePageFactory, GuidePageFactory
from tests.factories import (
    CaseIndexPageFactory,
    OrganisationIndexPageFactory,
    OrganisationPageFactory,
    home_page,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def listing():
    home = home_page()
    index = CaseIndexPageFactory(parent=home)
    organisation = OrganisationPageFactory(parent=OrganisationIndexPageFactory(parent=home))
    themes = list(Theme.objects.order_by("name")[:2])
    CasePageFactory(parent=organisation, title="Besøgsvenner i Aalborg",
                    tags={"themes": themes})
    GuidePageFactory(parent=organisation, title="Besøgsvenner: sådan", tags={"themes": themes})
    return index, themes


def chips(client, url, params):
    response = client.get(url, params)
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return {link.get_text(" ", strip=True): link["href"]
            for link in page.select(".active-filters a")}


def query(href):
    parts = urlsplit(href)
    return parts.path, sorted(parse_qsl(parts.query))


def test_each_chip_removes_only_its_own_filter_and_keeps_the_text(client, listing):
    index, (first, second) = listing
    params = {"q": "besøgsvenner", "type": ["case", "vejledning"],
              "tema": [first.slug, second.slug], "page": "1"}
    found = chips(client, index.url, params)
    everything = [("q", "besøgsvenner"), ("tema", first.slug), ("tema", second.slug),
                  ("type", "case"), ("type", "vejledning")]

    def without(*pairs):
        return index.url, sorted(pair for pair in everything if pair not in pairs)

    assert query(found["Slags: Samskabelsescases – fjern filteret ×"]) == without(("type", "case"))
    assert query(found[f"Tema: {first.name} – fjern filteret ×"]) == without(("tema", first.slug))
    assert query(found[f"Tema: {second.name} – fjern filteret ×"]) == without(
        ("tema", second.slug))
    assert query(found["Fritekst: besøgsvenner – fjern filteret ×"]) == without(
        ("q", "besøgsvenner"))
    assert found["Nulstil alle"] == index.url
    assert len(found) == 6


def test_an_unfiltered_listing_shows_no_chips(client, listing):
    index, _ = listing
    assert chips(client, index.url, {}) == {}


def test_a_value_the_listing_cannot_use_gets_no_chip(client, listing):
    index, (first, _) = listing
    found = chips(client, index.url, {"tema": [first.slug, "findes-ikke"]})
    assert list(found) == [f"Tema: {first.name} – fjern filteret ×", "Nulstil alle"]
