"""A hub listing's options and counts are kept between visits, never past a change."""

import pytest

from portal.core.models import Theme
from tests.cases.factories import CasePageFactory
from tests.cases.test_listing import count_of
from tests.queries import visit_asking

pytestmark = pytest.mark.django_db


@pytest.fixture
def loneliness():
    return Theme.objects.get(slug="ensomhed")


@pytest.fixture
def cases(organisation, case_index, loneliness):
    return [CasePageFactory(parent=organisation, title=f"Spisevenner {number}",
                            tags={"themes": [loneliness]}) for number in range(2)]


def visit(client, url):
    return visit_asking(client, url, "COUNT(DISTINCT")


def test_a_repeat_visit_counts_nothing_again(client, cases):
    first, first_counts = visit(client, "/erfaringer/?tema=ensomhed")
    again, again_counts = visit(client, "/erfaringer/?tema=ensomhed")

    assert first_counts, "the first visit counts"
    assert again_counts == []
    assert count_of(again, "tema", "ensomhed") == count_of(first, "tema", "ensomhed") == 2


def test_a_published_case_counts_on_the_next_visit(client, cases, organisation, loneliness,
                                                   django_capture_on_commit_callbacks):
    visit(client, "/erfaringer/")
    with django_capture_on_commit_callbacks(execute=True):
        CasePageFactory(parent=organisation, title="Spisevenner 3",
                        tags={"themes": [loneliness]})

    html, _counts = visit(client, "/erfaringer/")

    assert count_of(html, "tema", "ensomhed") == 3


def test_a_text_search_is_counted_afresh(client, cases):
    visit(client, "/erfaringer/?q=spisevenner")

    _html, counts = visit(client, "/erfaringer/?q=spisevenner")

    assert counts, "counts under a text search are not kept"


def test_every_facet_is_counted_in_one_query(client, cases):
    html, counts = visit(client, "/erfaringer/?tema=ensomhed&type=case&periode=igang")

    assert len(counts) == 1
    assert count_of(html, "tema", "ensomhed") == 2
    assert count_of(html, "type", "case") == 2
