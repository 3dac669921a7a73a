"""The columns the listing filters and sorts on follow every change to their sources."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from portal.opportunities.facet_index import listing_version
from portal.opportunities.models import OpportunityPage, Status
from tests.opportunities.factories import OpportunityPageFactory, ShiftFactory

pytestmark = pytest.mark.django_db


def stored(page):
    return OpportunityPage.objects.values("listed", "published_at", "saved_next_shift_at").get(
        pk=page.pk
    )


def listed_titles(client, query=""):
    response = client.get(f"/frivilligopgaver/{query}")
    return [page.title for page in response.context["opportunities"]]


def test_publishing_and_unpublishing_list_and_unlist(client, opportunity_index, organisation):
    page = OpportunityPageFactory(parent=organisation, title="Spiseven", live=False)
    assert stored(page)["listed"] is False
    page.save_revision().publish()
    page.refresh_from_db()
    assert stored(page) == {"listed": True, "published_at": page.first_published_at,
                            "saved_next_shift_at": None}
    assert listed_titles(client) == ["Spiseven"]
    # Unpublished through the base page, as Wagtail's bulk actions do: the signal refreshes.
    OpportunityPage.objects.get(pk=page.pk).page_ptr.unpublish()
    assert stored(page)["listed"] is False
    assert listed_titles(client) == []


def test_a_status_only_in_a_draft_does_not_unlist(organisation):
    page = OpportunityPageFactory(parent=organisation)
    page.status = Status.CLOSED
    page.save_revision()
    assert stored(page)["listed"] is True
    page.get_latest_revision().publish()
    assert stored(page)["listed"] is False


@pytest.fixture
def shift_begun(organisation, monkeypatch):
    """An opportunity whose saved next shift began a day ago; ``(page, its next shift)``."""
    page = OpportunityPageFactory(parent=organisation, commitment="ad_hoc")
    now = timezone.now()
    ShiftFactory(opportunity=page, starts_at=now + datetime.timedelta(days=1))
    later = ShiftFactory(opportunity=page, starts_at=now + datetime.timedelta(days=3))
    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(days=2))
    return page, later


def opportunity_writes(captured):
    table = OpportunityPage._meta.db_table
    return [query["sql"] for query in captured
            if query["sql"].startswith("UPDATE") and table in query["sql"]]


def test_saving_a_draft_changes_nothing_the_public_sees(
    client, opportunity_index, organisation, django_capture_on_commit_callbacks
):
    page = OpportunityPageFactory(parent=organisation, title="Besøgsven")
    client.get("/frivilligopgaver/")
    version = listing_version()
    page.title = "Besøgsven (kladde)"
    with CaptureQueriesContext(connection) as captured:
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision()
    assert opportunity_writes(captured) == []
    assert listing_version() == version
    assert listed_titles(client) == ["Besøgsven"]


def test_a_new_draft_never_published_is_not_listed_nor_retires_the_listing(
    client, opportunity_index, organisation, django_capture_on_commit_callbacks
):
    OpportunityPageFactory(parent=organisation, title="Besøgsven")
    client.get("/frivilligopgaver/")
    version = listing_version()
    with django_capture_on_commit_callbacks(execute=True):
        draft = OpportunityPageFactory(parent=organisation, title="Kladde", live=False)
        draft.save_revision()
    assert listing_version() == version
    assert stored(draft)["listed"] is False


def test_sorting_by_next_shift_writes_nothing(client, opportunity_index, shift_begun):
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/frivilligopgaver/?sorter=naeste-vagt")
    assert response.status_code == 200
    assert not [q for q in captured if q["sql"].startswith(("UPDATE", "INSERT", "DELETE"))]


def test_the_housekeeping_command_moves_on_begun_shifts(shift_begun):
    page, later = shift_begun
    call_command("move_on_begun_shifts", stdout=io.StringIO())
    assert stored(page)["saved_next_shift_at"] == later.starts_at


def test_a_view_restriction_on_an_ancestor_unlists_until_removed(organisation):
    page = OpportunityPageFactory(parent=organisation)
    restriction = PageViewRestriction.objects.create(page=organisation, restriction_type="login")
    assert stored(page)["listed"] is False
    restriction.delete()
    assert stored(page)["listed"] is True


def test_moving_into_a_restricted_organisation_unlists(organisation, other_organisation):
    page = OpportunityPageFactory(parent=organisation)
    PageViewRestriction.objects.create(page=other_organisation, restriction_type="login")
    page.move(other_organisation, pos="last-child")
    assert stored(page)["listed"] is False


def test_shift_create_edit_and_delete_keep_the_next_shift(organisation):
    page = OpportunityPageFactory(parent=organisation, commitment="ad_hoc")
    soon = timezone.now() + datetime.timedelta(days=2)
    first = ShiftFactory(opportunity=page, starts_at=soon)
    second = ShiftFactory(opportunity=page, starts_at=soon + datetime.timedelta(days=5))
    assert stored(page)["saved_next_shift_at"] == first.starts_at
    first.starts_at = soon + datetime.timedelta(days=9)
    first.ends_at = first.starts_at + datetime.timedelta(hours=2)
    first.save()
    assert stored(page)["saved_next_shift_at"] == second.starts_at
    second.delete()
    assert stored(page)["saved_next_shift_at"] == first.starts_at
    first.delete()
    assert stored(page)["saved_next_shift_at"] is None


def test_the_next_shift_moves_on_when_one_begins_without_a_save(shift_begun):
    page, later = shift_begun
    annotated = OpportunityPage.objects.with_next_shift().get(pk=page.pk)
    assert annotated.next_shift_at == later.starts_at


def test_an_opportunity_leaves_the_listing_the_day_after_it_ends(client, catalogue_page_tree,
                                                                  monkeypatch):
    today = timezone.localdate()
    OpportunityPageFactory(parent=catalogue_page_tree, title="Sidste dag", end_date=today)
    OpportunityPageFactory(parent=catalogue_page_tree, title="Frist i dag",
                           application_deadline=today)
    assert sorted(listed_titles(client)) == ["Frist i dag", "Sidste dag"]
    # Nothing is saved or run in between: tomorrow simply comes.
    monkeypatch.setattr(timezone, "localdate", lambda *args: today + datetime.timedelta(days=1))
    assert listed_titles(client) == []
    assert client.get("/frivilligopgaver/").context["result_count"] == 0


@pytest.fixture
def catalogue_page_tree(opportunity_index, organisation):
    return organisation


def test_every_page_of_results_follows_the_sort_order_to_the_end(client, opportunity_index,
                                                                  organisation):
    for number in range(41):
        OpportunityPageFactory(parent=organisation, title=f"Opgave {number:02}")
    expected = list(
        OpportunityPage.objects.open().order_by("-published_at", "-pk")
        .values_list("title", flat=True)
    )
    pages = [listed_titles(client, f"?page={number}") for number in (1, 2, 3)]
    assert [len(page) for page in pages] == [20, 20, 1]
    assert pages[0] + pages[1] + pages[2] == expected
