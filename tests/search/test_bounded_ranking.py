"""Searches with more matches than the count cap rank a bounded set (``search.ranking``)."""

import pytest
from django.db import connection

from search import postgres_ranking as tuning
from search import views
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db
# The order asserted is PostgreSQL's ranking (ts_rank with the title weighted),
# the one the bound keeps; SQLite's FTS ranks by its own measure.
postgres_ranking = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="asserts PostgreSQL's ranking"
)

STRONG = "Spisevenner, spisevenner og atter spisevenner: alt om at være spiseven."


@pytest.fixture
def bounds(monkeypatch):
    """Every match ranked up to 4; above, the 2 newest matches and the 2 newest
    title matches; all shown results on one page."""
    monkeypatch.setattr(views, "COUNT_CAP", 4)
    monkeypatch.setattr(views, "RANK_LIMIT", 2)
    monkeypatch.setattr(views, "RESULTS_PER_PAGE", 10)


def titles(response):
    return [result["page"].title for result in response.context["results"]]


def newer_text_matches(home, count):
    for number in range(count):
        StandardPageFactory(parent=home, title=f"Hold {number}", intro="Vi er spisevenner.")


@pytest.mark.postgres
@postgres_ranking
def test_up_to_the_cap_every_match_is_ranked(bounds, search_page, home):
    StandardPageFactory(parent=home, title="Gammel side", intro=STRONG)
    newer_text_matches(home, 3)

    response = search_page(q="spisevenner")

    assert response.context["total"] == 4
    assert titles(response)[0] == "Gammel side"


@pytest.mark.postgres
@postgres_ranking
def test_above_the_cap_an_older_text_match_is_not_ranked(bounds, search_page, home):
    StandardPageFactory(parent=home, title="Gammel side", intro=STRONG)
    newer_text_matches(home, 5)

    response = search_page(q="spisevenner")

    # The two newest are ranked; the others follow newest first, up to the cap.
    # With every match ranked, the oldest page would come first.
    assert response.context["capped"]
    assert titles(response) == ["Hold 4", "Hold 3", "Hold 2", "Hold 1"]


@pytest.mark.postgres
@postgres_ranking
def test_above_the_cap_an_older_title_match_still_comes_first(bounds, search_page, home):
    StandardPageFactory(parent=home, title="Spisevenner i Aalborg", intro="Om foreningen.")
    newer_text_matches(home, 5)

    response = search_page(q="spisevenner")

    assert titles(response)[0] == "Spisevenner i Aalborg"


def test_above_the_cap_the_pages_show_each_result_once(bounds, monkeypatch, search_page, home):
    """The ranked results and the newest-first rest meet without a gap or a repeat."""
    monkeypatch.setattr(views, "RESULTS_PER_PAGE", 1)
    StandardPageFactory(parent=home, title="Spisevenner i Aalborg", intro="Om foreningen.")
    newer_text_matches(home, 5)

    shown = [titles(search_page(q="spisevenner", page=number)) for number in range(1, 5)]

    assert all(len(page) == 1 for page in shown)
    assert len({page[0] for page in shown}) == 4
    # Three ranked (two newest, one title match), then the newest of the rest.
    assert shown[3] == ["Hold 2"]


@pytest.mark.postgres
@postgres_ranking
def test_above_the_cap_the_newest_title_matches_are_ranked(bounds, search_page, home):
    """Title matches among the newest matches are ranked first, up to the
    limit; an older one then is not."""
    StandardPageFactory(parent=home, title="Spisevenner i Aalborg", intro="Om foreningen.")
    newer_text_matches(home, 2)
    StandardPageFactory(parent=home, title="Spisevenner i Aarhus", intro="Om foreningen.")
    StandardPageFactory(parent=home, title="Spisevenner i Odense", intro="Om foreningen.")
    StandardPageFactory(parent=home, title="Sidste hold", intro="Vi er spisevenner.")

    response = search_page(q="spisevenner")

    shown = titles(response)
    assert set(shown[:2]) == {"Spisevenner i Aarhus", "Spisevenner i Odense"}
    assert shown[2:] == ["Sidste hold", "Hold 1"]


# Whether the newest matches are collected in one search, or the newest pages
# are searched first and the older ones after (``postgres_ranking.newest_matches``),
# is up to the planner's estimates; the results must not depend on it.
COLLECTIONS = {
    # (each word's estimated share of the pages, ``WINDOW_MARGIN``): the window
    # covers margin × 5 matches / 0.2 of the 13 new pages, newest first.
    "one search": ([0.01, 0.01], 0.45),
    "the newest pages hold them all": ([0.2, 0.2], 0.45),
    "older pages searched for the rest": ([0.2, 0.2], 0.12),
}


@pytest.mark.postgres
@postgres_ranking
@pytest.mark.parametrize("shares, margin", COLLECTIONS.values(), ids=COLLECTIONS.keys())
def test_the_results_do_not_depend_on_how_the_newest_matches_are_collected(
    bounds, monkeypatch, search_page, home, shares, margin
):
    monkeypatch.setattr(tuning, "_estimated_shares", lambda words: shares)
    monkeypatch.setattr(tuning, "WINDOW_MARGIN", margin)
    StandardPageFactory(parent=home, title="Unge mentorer", intro="Om foreningen.")
    for number in range(6):
        StandardPageFactory(parent=home, title=f"Hold {number}", intro="Mentor for unge.")
        StandardPageFactory(parent=home, title=f"Andet {number}", intro="Noget helt andet.")
    with connection.cursor() as cursor:
        # The page table's statistics, which size the window, as autovacuum keeps them.
        cursor.execute("ANALYZE wagtailcore_page")

    response = search_page(q="mentor unge")

    assert response.context["capped"]
    assert titles(response) == ["Unge mentorer", "Hold 5", "Hold 4", "Hold 3"]
