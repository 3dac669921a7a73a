"""The listing's cards are kept between visits, and never outlive what they show."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from portal.core.models import Municipality
from tests.factories import translate_page
from tests.opportunities.factories import OpportunityPageFactory, ShiftFactory
from tests.queries import visit_asking

pytestmark = pytest.mark.django_db

ROW_READS = ("opportunities_opportunitypage_municipalities", "next_shift_at")


@pytest.fixture
def aalborg():
    return Municipality.objects.get(slug="aalborg")


@pytest.fixture
def catalogue(opportunity_index, organisation, aalborg):
    return [OpportunityPageFactory(parent=organisation, title=f"Besøgsven {number}",
                                   municipalities=[aalborg]) for number in range(3)]


def shown(moment):
    """How a card's ``<time datetime>`` writes ``moment``, to the minute."""
    return timezone.localtime(moment).isoformat()[:16]


def card_titles(html):
    return [part.split("</a>")[0].split(">")[-1]
            for part in html.split('class="card__title"')[1:]]


def row_reads(client, url):
    return visit_asking(client, url, *ROW_READS)


def test_a_second_visit_reads_no_rows_for_the_cards(client, catalogue):
    first, first_reads = row_reads(client, "/frivilligopgaver/")
    again, again_reads = row_reads(client, "/frivilligopgaver/")

    assert first_reads, "the first visit reads the cards' rows"
    assert again_reads == []
    assert card_titles(again) == card_titles(first) == [
        "Besøgsven 2", "Besøgsven 1", "Besøgsven 0"]


def test_another_filter_state_reuses_the_cards_it_shares(client, catalogue):
    row_reads(client, "/frivilligopgaver/")

    filtered, reads = row_reads(client, "/frivilligopgaver/?kommune=aalborg")

    assert reads == []
    assert card_titles(filtered) == ["Besøgsven 2", "Besøgsven 1", "Besøgsven 0"]


def test_a_published_change_shows_on_the_next_visit(
    client, opportunity_index, organisation, aalborg, django_capture_on_commit_callbacks
):
    # One opportunity: its card keeps its place whatever the order of publishing.
    page = OpportunityPageFactory(parent=organisation, title="Besøgsven",
                                  municipalities=[aalborg])
    row_reads(client, "/frivilligopgaver/")
    page.title = "Besøgsven i Vejgaard"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    html, _reads = row_reads(client, "/frivilligopgaver/")

    assert card_titles(html) == ["Besøgsven i Vejgaard"]


def test_a_card_is_not_kept_past_the_start_of_its_next_shift(client, catalogue):
    page = catalogue[0]
    soon = timezone.now() + datetime.timedelta(minutes=10)
    ShiftFactory(opportunity=page, starts_at=soon)
    ShiftFactory(opportunity=page, starts_at=soon + datetime.timedelta(days=7))
    before, _reads = row_reads(client, "/frivilligopgaver/")
    assert shown(soon) in before

    with time_machine.travel(soon + datetime.timedelta(minutes=1)):
        after, reads = row_reads(client, "/frivilligopgaver/")

    assert reads, "the card whose shift began is made again"
    assert shown(soon) not in after
    assert shown(soon + datetime.timedelta(days=7)) in after


def test_danish_cards_are_not_shown_under_english(client, catalogue, organisation):
    translate_page(organisation, publish_parents=True)
    translate_page(catalogue[2], title="Visiting friend", summary="Visit an older person.")
    row_reads(client, "/frivilligopgaver/")

    english, reads = row_reads(client, "/en/frivilligopgaver/")

    assert reads, "English cards are made in English"
    assert card_titles(english)[0] == "Visiting friend"
