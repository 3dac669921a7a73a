"""Broad searches count their matches up to a cap instead of exactly."""

import pytest

from search import views
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_cap(monkeypatch):
    """A cap of 5, facets over the best 3 and 2 results a page, so that a
    handful of pages crosses every limit."""
    monkeypatch.setattr(views, "COUNT_CAP", 5)
    monkeypatch.setattr(views, "FACET_LIMIT", 3)
    monkeypatch.setattr(views, "RESULTS_PER_PAGE", 2)


def spisevenner(home, count):
    return [
        StandardPageFactory(parent=home, title=f"Spisevenner hold {number}")
        for number in range(count)
    ]


def test_more_matches_than_the_cap_say_more_than(small_cap, search_page, home):
    spisevenner(home, 8)

    response = search_page(q="spisevenner")

    assert response.status_code == 200
    assert "Mere end 5 resultater for »spisevenner«" in response.content.decode()
    assert response.context["page_obj"].paginator.num_pages == 3


def test_the_cap_is_written_the_danish_way(search_page, home):
    spisevenner(home, 1)

    response = search_page(q="spisevenner")

    assert response.context["count_cap"] == "1.000"


def test_pagination_stops_at_the_cap(small_cap, search_page, home):
    spisevenner(home, 8)

    titles = []
    for number in (1, 2, 3):
        response = search_page(q="spisevenner", page=number)
        assert response.status_code == 200
        titles += [result["page"].title for result in response.context["results"]]
    beyond = search_page(q="spisevenner", page=4)

    # Five distinct results, in the order of relevance, over pages 1–3; the
    # ranked results beyond the facet sample come from their own query.
    assert len(titles) == len(set(titles)) == 5
    assert beyond.status_code == 200
    assert beyond.context["page_obj"].number == 3
    assert "Side 3 af 3" in beyond.content.decode()


def test_fewer_matches_than_the_cap_are_counted_exactly(small_cap, search_page, home):
    spisevenner(home, 4)

    response = search_page(q="spisevenner")

    html = response.content.decode()
    assert "4 resultater for »spisevenner«" in html
    assert "Mere end" not in html
    assert response.context["total"] == 4


def test_exactly_the_cap_is_not_more_than_the_cap(small_cap, search_page, home):
    spisevenner(home, 5)

    response = search_page(q="spisevenner")

    assert "5 resultater for »spisevenner«" in response.content.decode()
    assert not response.context["capped"]
