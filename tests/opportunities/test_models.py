"""Opportunity pages and shifts: where they live, when they are open, places left."""

import datetime

import pytest
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from portal.opportunities.models import OpportunityPage, Shift, ShiftFull, Status
from portal.organisations.models import OrganisationPage
from tests.opportunities.factories import (
    OpportunityPageFactory,
    ShiftBookingFactory,
    ShiftFactory,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today


class TestPageRules(WagtailPageTestCase):
    def test_opportunities_live_under_an_organisation_only(self):
        self.assertAllowedParentPageTypes(OpportunityPage, {OrganisationPage})
        self.assertAllowedSubpageTypes(OpportunityPage, set())


class TestRendering(WagtailPageTestCase):
    def setUp(self):
        from tests.factories import (
            OpportunityIndexPageFactory,
            OrganisationIndexPageFactory,
            OrganisationPageFactory,
            home_page,
        )

        home = home_page()
        self.index = OpportunityIndexPageFactory(parent=home)
        organisation = OrganisationPageFactory(parent=OrganisationIndexPageFactory(parent=home))
        self.page = OpportunityPageFactory(parent=organisation, title="Besøgsven i Aalborg")

    def test_pages_are_routable_and_render(self):
        for page in (self.index, self.page):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)
        self.assertPageIsRoutable(self.index, "rss/")
        self.assertPageIsRoutable(self.page, "kalender/")


def test_the_organisation_is_the_parent_page(organisation):
    page = OpportunityPageFactory(parent=organisation)
    assert page.owner_organisation_id == organisation.pk
    assert OpportunityPage.objects.get(pk=page.pk).organisation == organisation


def test_moving_an_opportunity_moves_it_to_the_new_organisation(organisation, other_organisation):
    page = OpportunityPageFactory(parent=organisation)
    page.move(other_organisation, pos="last-child")
    assert OpportunityPage.objects.get(pk=page.pk).owner_organisation_id == other_organisation.pk


@pytest.mark.parametrize(
    ("changes", "is_open"),
    [
        ({}, True),
        ({"end_date": TODAY()}, True),
        ({"application_deadline": TODAY()}, True),
        ({"end_date": TODAY() - datetime.timedelta(days=1)}, False),
        ({"application_deadline": TODAY() - datetime.timedelta(days=1)}, False),
        ({"status": Status.PAUSED}, False),
        ({"status": Status.FILLED}, False),
        ({"status": Status.CLOSED}, False),
    ],
)
def test_open_means_live_open_and_not_expired(organisation, changes, is_open):
    page = OpportunityPageFactory(parent=organisation, **changes)
    assert page.is_open is is_open
    assert OpportunityPage.objects.open().filter(pk=page.pk).exists() is is_open


def test_unpublished_and_private_opportunities_are_not_open(organisation):
    from wagtail.models import PageViewRestriction

    draft = OpportunityPageFactory(parent=organisation, live=False)
    private = OpportunityPageFactory(parent=organisation)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert not OpportunityPage.objects.open().filter(pk__in=[draft.pk, private.pk]).exists()


def test_an_expired_opportunity_says_it_is_closed(client, organisation):
    page = OpportunityPageFactory(
        parent=organisation, end_date=TODAY() - datetime.timedelta(days=2)
    )
    assert page.effective_status == Status.CLOSED
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Opgaven er lukket" in response.content.decode()
    assert 'href="#tilmelding"' not in response.content.decode()


def test_end_date_before_start_date_is_refused(organisation):
    from django.core.exceptions import ValidationError

    page = OpportunityPageFactory.build(
        start_date=TODAY(), end_date=TODAY() - datetime.timedelta(days=1)
    )
    with pytest.raises(ValidationError):
        page.clean()


# --- shifts -------------------------------------------------------------------------


@pytest.fixture
def opportunity(organisation):
    return OpportunityPageFactory(parent=organisation, commitment="ad_hoc")


def test_places_left_counts_active_bookings_only(opportunity):
    shift = ShiftFactory(opportunity=opportunity, capacity=5)
    ShiftBookingFactory(shift=shift)
    ShiftBookingFactory(shift=shift)
    ShiftBookingFactory(shift=shift, released_at=timezone.now())
    shift = Shift.objects.with_places().get(pk=shift.pk)
    assert (shift.places_taken, shift.places_left) == (2, 3)


def test_upcoming_hides_past_shifts(opportunity):
    yesterday = timezone.now() - datetime.timedelta(days=1)
    past = ShiftFactory(opportunity=opportunity, starts_at=yesterday)
    future = ShiftFactory(opportunity=opportunity)
    assert list(Shift.objects.upcoming()) == [future]
    assert past not in opportunity.upcoming_shifts()


def test_booking_takes_a_place_until_none_is_left(opportunity):
    shift = ShiftFactory(opportunity=opportunity, capacity=2)
    shift.book("BL-0001")
    shift.book("BL-0002")
    with pytest.raises(ShiftFull):
        shift.book("BL-0003")
    assert shift.bookings.count() == 2


def test_a_released_place_can_be_booked_again(opportunity):
    shift = ShiftFactory(opportunity=opportunity, capacity=1)
    shift.book("BL-0001")
    assert shift.release("BL-0001") == 1
    booking = shift.book("BL-0002")
    assert booking.reference == "BL-0002"


def test_a_shift_that_has_begun_cannot_be_booked(opportunity):
    shift = ShiftFactory(
        opportunity=opportunity, starts_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    with pytest.raises(ShiftFull):
        shift.book("BL-0001")


def test_the_page_shows_places_left_and_hides_past_shifts(client, opportunity):
    shift = ShiftFactory(opportunity=opportunity, capacity=5, place="Biblioteket")
    ShiftBookingFactory.create_batch(2, shift=shift)
    ShiftFactory(opportunity=opportunity, place="Fortiden",
                 starts_at=timezone.now() - datetime.timedelta(days=2))
    full = ShiftFactory(opportunity=opportunity, capacity=1, place="Kirkesalen")
    ShiftBookingFactory(shift=full)
    html = client.get(opportunity.url).content.decode()
    assert "3 af 5 pladser ledige" in html
    assert "Fuldt booket" in html
    assert "Fortiden" not in html


def test_the_page_has_a_call_to_action_and_the_intake_anchor(client, opportunity, organisation):
    html = client.get(opportunity.url).content.decode()
    assert 'href="#tilmelding"' in html
    assert 'id="tilmelding"' in html
    assert "Jeg vil gerne hjælpe" in html
    assert f'href="{organisation.url}"' in html
