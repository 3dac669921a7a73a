"""Suggestions on a request: ranked by fit, with exact reasons, own organisation only.

A coordinator links one with a click: a shift is booked under the public form's
capacity rules, an offer and a referral get a note each. Nothing is decided
or sent by the suggestion itself.
"""

import datetime
import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from portal.core.models import Activity, Municipality
from portal.matching.availability import ShiftFull
from portal.matching.models import Kind, Status
from portal.matching.suggestion_links import AlreadyLinked, book_for_referral
from portal.matching.suggestions import for_offer, for_referral, read_times, shift_label
from portal.matching.tracking import WaitingListEntry
from portal.opportunities.models import Shift, ShiftBooking
from tests.logins import sign_in_verified

from .conftest import make_opportunity, make_request

pytestmark = pytest.mark.django_db


def url(match_request):
    return reverse("wagtailsnippets_matching_matchrequest:suggestion", args=[match_request.pk])


def inspect(match_request):
    return reverse("wagtailsnippets_matching_matchrequest:inspect", args=[match_request.pk])


def next_weekday(weekday, weeks=1):
    today = timezone.localdate()
    return today + timedelta(days=(weekday - today.weekday()) % 7 + 7 * weeks)


def local_shift(opportunity, day, hour, hours=2, capacity=2):
    """A shift at ``hour`` o'clock Copenhagen time on ``day``."""
    starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
    return Shift.objects.create(opportunity=opportunity, starts_at=starts,
                                ends_at=starts + timedelta(hours=hours), capacity=capacity)


def referral(organisation, municipality="aalborg", activity="besoegsven", **fields):
    return make_request(
        organisation, kind=Kind.REFERRAL,
        municipality=Municipality.objects.get(slug=municipality),
        activity=Activity.objects.get(slug=activity), **fields,
    )


def date_label(day):
    return f"{day.day}.{day.month}."


def test_danish_time_words_are_read_and_the_rest_is_not_judged():
    weekdays_morning = read_times("Hverdage om formiddagen")
    assert weekdays_morning.days == {0, 1, 2, 3, 4} and weekdays_morning.parts == [(8, 12)]
    assert read_times("weekender og aftener").days == {5, 6}
    assert read_times("weekender og aftener").parts == [(17, 23)]
    assert read_times("om natten").parts == [(22, 30)]
    compound = read_times("hverdagsaftener, gerne lørdagsformiddag")
    assert compound.days == {0, 1, 2, 3, 4, 5} and compound.parts == [(17, 23), (8, 12)]
    assert not read_times("signatur").understood
    assert not read_times("efter kl. 14, ikke i uge 7").understood
    assert not read_times("").understood


@pytest.fixture
def ranked_case(organisation):
    local = make_opportunity(organisation, title="Besøgsven i Aalborg")
    online = make_opportunity(organisation, title="Telefonven", municipalities=(),
                              is_online=True)
    elsewhere = make_opportunity(organisation, title="Besøgsven i Hjørring",
                                 municipalities=("Hjørring",))
    event = make_opportunity(organisation, title="Julehygge", commitment="ad_hoc",
                             activities=("arrangementer",), requires_child_certificate=True)
    saturday = next_weekday(5)
    local_shift(event, saturday, 10)
    return local, online, elsewhere, event, saturday


def test_opportunities_are_ranked_by_fit_with_exact_reasons(organisation, ranked_case):
    local, online, elsewhere, event, saturday = ranked_case
    request = referral(organisation, preferred_times="Lørdag formiddag")
    suggestions = for_referral(request)
    assert [s.subject.pk for s in suggestions] == [local.pk, online.pk, event.pk, elsewhere.pk]
    first, second, third, fourth = suggestions
    assert first.fits == ["samme kommune (Aalborg)", "samme aktivitet (Besøgsven)"]
    assert first.misfits == []
    assert first.notes == ["uden vagter: tidspunktet aftales"]
    assert second.fits == ["online eller hele landet", "samme aktivitet (Besøgsven)"]
    assert third.fits == ["samme kommune (Aalborg)",
                          f"ledig plads lørdag {date_label(saturday)} kl. 10–12",
                          "passer med foretrukne tider"]
    assert third.misfits == ["anden aktivitet"]
    assert third.notes == ["kræver børneattest"]
    assert fourth.misfits == ["anden kommune"]


def test_full_and_held_places_and_unfitting_times_count_against(organisation):
    event = make_opportunity(organisation, title="Julehygge", commitment="ad_hoc")
    monday = next_weekday(0)
    full = local_shift(event, monday, 18, capacity=1)
    ShiftBooking.objects.create(shift=full, reference="BL-ANDEN")
    held = local_shift(event, monday, 19, capacity=1)
    waiting = make_request(organisation)
    WaitingListEntry.objects.create(request=waiting, shift=held, state="offered",
                                    offer_expires_at=timezone.now() + timedelta(hours=5))
    request = referral(organisation)
    [suggestion] = for_referral(request)
    assert suggestion.misfits == ["ingen ledige pladser"]
    assert [option.places_left for option in suggestion.shifts] == [0, 0]

    local_shift(event, monday, 20)
    request = referral(organisation, preferred_times="weekend om formiddagen")
    [suggestion] = for_referral(request)
    assert suggestion.fits == ["samme kommune (Aalborg)", "samme aktivitet (Besøgsven)",
                               f"ledig plads mandag {date_label(monday)} kl. 20–22"]
    assert suggestion.misfits == ["vagterne passer ikke med foretrukne tider"]


def test_reasons_are_in_copenhagen_time(organisation):
    event = make_opportunity(organisation, title="Nattevagt", commitment="ad_hoc")
    friday = next_weekday(4)
    # 23:30 UTC on a Friday in winter is 00:30 on Saturday in Copenhagen.
    starts = datetime.datetime.combine(friday, datetime.time(23, 30), tzinfo=datetime.UTC)
    shift = Shift.objects.create(opportunity=event, starts_at=starts,
                                 ends_at=starts + timedelta(hours=2))
    offset = timezone.localtime(starts).utcoffset()
    expected_start = (datetime.datetime.combine(friday, datetime.time(23, 30)) + offset)
    assert expected_start.weekday() == 5
    assert shift_label(shift) == (
        f"lørdag {date_label(expected_start)} kl. {expected_start.hour}.30–"
        f"{expected_start.hour + 2}.30"
    )
    [suggestion] = for_referral(referral(organisation, preferred_times="lørdag nat"))
    assert "passer med foretrukne tider" in suggestion.fits


def test_no_other_organisations_opportunity_or_referral_is_suggested(
        organisation, other_organisation):
    own = make_opportunity(organisation, title="Egen opgave")
    foreign = make_opportunity(other_organisation, title="Fremmed opgave")
    own_referral, foreign_referral = referral(organisation), referral(other_organisation)
    assert [s.subject.pk for s in for_referral(own_referral)] == [own.pk]
    assert [s.subject.pk for s in for_referral(foreign_referral)] == [foreign.pk]
    offer = make_request(organisation, opportunity=own)
    assert [s.subject.pk for s in for_offer(offer)] == [own_referral.pk]


def test_an_offer_is_matched_to_waiting_referrals_by_place_activity_and_shift_time(
        organisation):
    opportunity = make_opportunity(organisation, commitment="ad_hoc")
    tuesday = next_weekday(1)
    shift = local_shift(opportunity, tuesday, 9)
    offer = make_request(organisation, opportunity=opportunity)
    ShiftBooking.objects.create(shift=shift, reference=offer.reference)
    fits = referral(organisation, preferred_times="tirsdag formiddag")
    elsewhere = referral(organisation, municipality="hjoerring", preferred_times="aften")
    referral(organisation, municipality="hjoerring", activity="arrangementer")
    referral(organisation, status=Status.MATCHED)
    suggestions = for_offer(offer)
    assert [s.subject.pk for s in suggestions] == [fits.pk, elsewhere.pk]
    assert suggestions[0].fits == [
        "samme kommune (Aalborg)", "samme aktivitet (Besøgsven)",
        f"vagten tirsdag {date_label(tuesday)} kl. 9–11 passer med foretrukne tider",
    ]
    assert suggestions[1].misfits == ["anden kommune",
                                      "de valgte vagter passer ikke med foretrukne tider"]


@pytest.fixture
def signed_in(client, coordinator):
    return sign_in_verified(client, coordinator)


def test_a_click_books_the_shift_under_capacity_and_is_in_the_history(
        signed_in, organisation):
    event = make_opportunity(organisation, commitment="ad_hoc")
    shift = local_shift(event, next_weekday(2), 10, capacity=1)
    request = referral(organisation)
    page = signed_in.get(inspect(request)).content.decode()
    assert "Forslag: frivilligopgaver, der kan passe" in page and "samme kommune" in page
    response = signed_in.post(url(request), {"shift": shift.pk}, follow=True)
    assert "er booket til henvendelsen. Ingen er kontaktet." in response.content.decode()
    assert list(ShiftBooking.objects.filter(shift=shift).values_list("reference", flat=True)) \
        == [request.reference]
    assert ModelLogEntry.objects.filter(action="matching.suggestion_booked",
                                        object_id=str(request.pk)).count() == 1
    assert request.notifications.count() == 0  # nobody is contacted

    other = referral(organisation)
    response = signed_in.post(url(other), {"shift": shift.pk}, follow=True)
    assert ("Der er ikke flere ledige pladser på vagten. Intet er gemt; vælg en anden vagt."
            in response.content.decode())
    assert ShiftBooking.objects.filter(shift=shift).count() == 1
    assert not ModelLogEntry.objects.filter(object_id=str(other.pk)).exists()


def test_another_organisations_shift_or_referral_is_not_found(
        signed_in, organisation, other_organisation):
    foreign_event = make_opportunity(other_organisation, commitment="ad_hoc")
    foreign_shift = local_shift(foreign_event, next_weekday(3), 10)
    request = referral(organisation)
    assert signed_in.post(url(request), {"shift": foreign_shift.pk}).status_code == 404
    assert signed_in.post(url(request), {"opportunity": foreign_event.pk}).status_code == 404
    offer = make_request(organisation, opportunity=make_opportunity(organisation))
    foreign_referral = referral(other_organisation)
    assert signed_in.post(url(offer), {"referral": foreign_referral.pk}).status_code == 404
    assert signed_in.post(url(request), {"shift": "99999999999999999999"}).status_code == 404
    assert not ShiftBooking.objects.exists()
    assert not offer.notes.exists() and not foreign_referral.notes.exists()


def test_linking_an_offer_notes_both_requests_once(signed_in, organisation):
    offer = make_request(organisation, opportunity=make_opportunity(organisation))
    waiting = referral(organisation)
    page = signed_in.get(inspect(offer)).content.decode()
    assert f"Kobl til {waiting.reference}" in page
    for _click in range(2):
        signed_in.post(url(offer), {"referral": waiting.pk})
    assert list(offer.notes.values_list("text", flat=True)) == [
        f"Koblet til henvisningen {waiting.reference} (forslag)."]
    assert list(waiting.notes.values_list("text", flat=True)) == [
        f"Koblet til frivillig-tilbuddet {offer.reference} (forslag)."]
    assert ModelLogEntry.objects.filter(action="matching.suggestion_linked").count() == 2
    offer.refresh_from_db()
    waiting.refresh_from_db()
    assert (offer.status, waiting.status) == (Status.NEW, Status.NEW)  # the coordinator decides


def test_an_opportunity_without_shifts_is_noted_on_the_referral(signed_in, organisation):
    opportunity = make_opportunity(organisation, title="Besøgsven i Aalborg")
    request = referral(organisation)
    signed_in.post(url(request), {"opportunity": opportunity.pk})
    assert list(request.notes.values_list("text", flat=True)) == [
        "Forslag valgt: frivilligopgaven \u201cBesøgsven i Aalborg\u201d."]


def test_a_finished_request_shows_and_links_nothing(signed_in, organisation):
    event = make_opportunity(organisation, commitment="ad_hoc")
    shift = local_shift(event, next_weekday(2), 10)
    request = referral(organisation, status=Status.MATCHED)
    assert "Forslag:" not in signed_in.get(inspect(request)).content.decode()
    response = signed_in.post(url(request), {"shift": shift.pk}, follow=True)
    assert "Forslag kan kun bruges på en henvendelse, der er i gang." in \
        response.content.decode()
    assert not ShiftBooking.objects.exists()


def queries(function, argument):
    with CaptureQueriesContext(connection) as captured:
        function(argument)
    return len(captured)


def test_queries_do_not_grow_with_opportunities_shifts_or_referrals(organisation):
    request = referral(organisation)
    offer = make_request(organisation, opportunity=make_opportunity(organisation))
    counts = []
    for _size in range(2):
        for number in range(3):
            event = make_opportunity(organisation, title=f"Vagter {number}",
                                     commitment="ad_hoc")
            for day in range(2):
                local_shift(event, next_weekday(day), 10)
            referral(organisation, preferred_times="mandag")
        request.refresh_from_db()
        offer.refresh_from_db()
        counts.append((queries(for_referral, request), queries(for_offer, offer)))
    assert counts[0] == counts[1]


def test_the_request_page_takes_as_many_queries_with_more_suggestions(signed_in, organisation):
    request = referral(organisation)
    counts = []
    for size in range(2):
        for number in range(2 + size):
            event = make_opportunity(organisation, title=f"Vagter {size}-{number}",
                                     commitment="ad_hoc")
            local_shift(event, next_weekday(number), 10)
        with CaptureQueriesContext(connection) as captured:
            assert signed_in.get(inspect(request)).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]


def in_parallel(calls):
    """Run the calls at the same moment, each on its own connection; their outcomes."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def worker(index, call):
        try:
            barrier.wait()
            outcomes[index] = call()
        except Exception as error:  # the outcome under test: full, or already linked
            outcomes[index] = type(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="parallel writers need PostgreSQL; SQLite serialises them")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_coordinators_booking_at_once_get_no_more_places_than_there_are(organisation):
    event = make_opportunity(organisation, commitment="ad_hoc")
    shift = local_shift(event, next_weekday(2), 10, capacity=2)
    referrals = [referral(organisation) for _ in range(6)]
    outcomes = in_parallel([lambda r=r: book_for_referral(r, shift.pk, None) for r in referrals])
    assert sorted(outcome is ShiftFull for outcome in outcomes) == [False] * 2 + [True] * 4
    assert ShiftBooking.objects.filter(shift=shift).count() == 2

    other = local_shift(event, next_weekday(3), 10, capacity=5)
    same = referrals[0]
    outcomes = in_parallel([lambda: book_for_referral(same, other.pk, None)] * 4)
    assert sorted(outcome is AlreadyLinked for outcome in outcomes) == [False] + [True] * 3
    assert ShiftBooking.objects.filter(shift=other).count() == 1


def test_a_click_without_the_csrf_token_is_refused(coordinator, organisation):
    event = make_opportunity(organisation, commitment="ad_hoc")
    shift = local_shift(event, next_weekday(2), 10)
    request = referral(organisation)
    client = sign_in_verified(Client(enforce_csrf_checks=True), coordinator)
    assert client.post(url(request), {"shift": shift.pk}).status_code == 403
    assert not ShiftBooking.objects.exists()
