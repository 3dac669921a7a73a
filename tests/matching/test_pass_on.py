"""Passing a referral on: to an organisation that offers the activity in the municipality,
with a reason, the referrer told, the first organisation left with an anonymous trace."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from portal.core.models import Activity, Municipality
from portal.matching.availability import book_shifts
from portal.matching.digest import counts_for
from portal.matching.models import (
    Kind,
    MatchRequest,
    MatchRequestNote,
    PassedOnReferral,
    Status,
)
from portal.matching.workflow import add_note
from portal.opportunities.models import ShiftBooking
from tests.factories import OrganisationPageFactory
from tests.logins import sign_in_verified

from .conftest import coordinator_of, make_opportunity, make_request, make_shift

pytestmark = pytest.mark.django_db

LIST = reverse("wagtailsnippets_matching_matchrequest:list")


def pass_on_url(match_request):
    return reverse("wagtailsnippets_matching_matchrequest:pass_on", args=[match_request.pk])


def inspect_url(match_request):
    return reverse("wagtailsnippets_matching_matchrequest:inspect", args=[match_request.pk])


@pytest.fixture
def referral(organisation, opportunity):
    return make_request(
        organisation, kind=Kind.REFERRAL, name="Hanne Hjemmepleje", email="hanne@example.org",
        municipality=Municipality.objects.get(name="Aalborg"),
        activity=Activity.objects.get(slug="besoegsven"),
    )


@pytest.fixture
def receiver(other_organisation):
    make_opportunity(other_organisation, title="Besøgsven i Aalborg Vest")
    return other_organisation


@pytest.fixture
def signed_in(client, coordinator):
    return sign_in_verified(client, coordinator)


def test_the_form_offers_only_other_organisations_with_the_activity_in_the_municipality(
        signed_in, referral, receiver, organisation_index):
    elsewhere = OrganisationPageFactory(parent=organisation_index, title="Odense Besøgsvenner")
    make_opportunity(elsewhere, municipalities=("Odense",))
    other_activity = OrganisationPageFactory(parent=organisation_index, title="Spisevennerne")
    make_opportunity(other_activity, activities=("spiseven",))

    page = signed_in.get(pass_on_url(referral)).content.decode()

    assert "Vågekonerne" in page
    for not_offered in ("Odense Besøgsvenner", "Spisevennerne"):
        assert not_offered not in page
    assert f'value="{referral.organisation_id}"' not in page


def test_the_inspect_page_links_to_passing_on_for_a_referral_only(
        signed_in, referral, organisation, receiver):
    assert pass_on_url(referral) in signed_in.get(inspect_url(referral)).content.decode()
    offer = make_request(organisation)
    assert pass_on_url(offer) not in signed_in.get(inspect_url(offer)).content.decode()


def test_passing_on_moves_the_referral_and_leaves_an_anonymous_trace(
        signed_in, coordinator, referral, organisation, receiver, opportunity,
        django_capture_on_commit_callbacks):
    receiving_coordinator = coordinator_of(receiver, "vaagekone", email="kirsten@vaage.example")
    add_note(referral, "Ringet to gange, ingen svar. Borgeren er bange for hunde.", coordinator)
    shift = make_shift(opportunity, capacity=2)
    book_shifts([shift], referral.reference)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(pass_on_url(referral), {
            "organisation": receiver.pk, "reason": "no_volunteer",
            "note": "Hun ønsker helst en besøgsven om formiddagen.",
        })

    assert response.status_code == 302 and response.url == LIST
    referral.refresh_from_db()
    assert referral.organisation == receiver
    assert referral.status == Status.NEW and referral.assigned_to is None
    notes = list(MatchRequestNote.objects.filter(request=referral).values_list("text", flat=True))
    assert notes == ["Givet videre fra Besøgsvennerne: Vi har ingen ledig frivillig til opgaven."
                     "\nHun ønsker helst en besøgsven om formiddagen."]
    assert not ShiftBooking.objects.filter(reference=referral.reference,
                                           released_at__isnull=True).exists()

    trace = PassedOnReferral.objects.get()
    assert (trace.from_organisation, trace.to_organisation, trace.reason, trace.passed_by) == (
        organisation, receiver, "no_volunteer", coordinator)
    assert (trace.municipality.name, trace.activity.slug) == ("Aalborg", "besoegsven")
    entry = ModelLogEntry.objects.get(action="matching.passed_on")
    assert entry.data == {"from": organisation.pk, "to": receiver.pk, "reason": "no_volunteer"}

    to_referrer = [m for m in mail.outbox if m.to == ["hanne@example.org"]]
    assert len(to_referrer) == 1
    assert to_referrer[0].subject == (
        f"Din henvisning {referral.reference} er givet videre til Vågekonerne")
    assert "Besøgsvennerne kunne ikke hjælpe" in to_referrer[0].body
    assert "Begrundelse: Vi har ingen ledig frivillig til opgaven" in to_referrer[0].body
    assert "bange for hunde" not in to_referrer[0].body
    to_receiver = [m for m in mail.outbox if m.to == [receiving_coordinator.email]]
    assert [m.subject for m in to_receiver] == ["En henvisning er givet videre til Vågekonerne"]
    assert "Hanne" not in to_receiver[0].body


def test_the_first_organisation_no_longer_sees_the_person_and_the_receiver_does(
        client, signed_in, referral, receiver, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        signed_in.post(pass_on_url(referral), {"organisation": receiver.pk,
                                               "reason": "outside_area"})

    assert signed_in.get(inspect_url(referral)).status_code == 404
    assert signed_in.get(pass_on_url(referral)).status_code == 404
    listing = signed_in.get(LIST).content.decode()
    assert referral.reference not in listing
    traces = signed_in.get(reverse("wagtailsnippets_matching_passedonreferral:list"))
    text = traces.content.decode()
    assert "Vågekonerne" in text and "Borgeren bor uden for det område" in text
    assert referral.reference not in text and "Hanne" not in text

    sign_in_verified(client, coordinator_of(receiver, "vaagekone"))
    page = client.get(inspect_url(referral))
    assert page.status_code == 200 and "Hanne Hjemmepleje" in page.content.decode()
    assert client.get(reverse("wagtailsnippets_matching_passedonreferral:list")
                      ).content.decode().count("Besøgsvennerne") == 0


def test_an_organisation_that_was_not_offered_is_refused_and_nothing_moves(
        signed_in, referral, receiver, organisation_index):
    stranger = OrganisationPageFactory(parent=organisation_index, title="Fremmede Forening")
    response = signed_in.post(pass_on_url(referral), {"organisation": stranger.pk,
                                                      "reason": "other"})
    assert response.status_code == 400
    assert "Vælg en af de viste organisationer." in response.content.decode()
    referral.refresh_from_db()
    assert referral.organisation.title == "Besøgsvennerne"
    assert not PassedOnReferral.objects.exists()


def test_a_missing_reason_is_a_clear_message_and_nothing_is_stored(
        signed_in, referral, receiver):
    response = signed_in.post(pass_on_url(referral), {"organisation": receiver.pk,
                                                      "note": "x" * 601})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Vælg en begrundelse." in page and "Henvisningen er ikke givet videre" in page
    assert "Skriv højst 600 tegn i noten." in page
    assert MatchRequest.objects.get(pk=referral.pk).organisation_id == referral.organisation_id
    assert not PassedOnReferral.objects.exists() and not mail.outbox


@pytest.mark.parametrize("change, message", [
    ({"kind": Kind.OFFER, "municipality": None, "activity": None},
     "Kun henvisninger fra fagpersoner kan gives videre."),
    ({"status": Status.MATCHED}, "Kun en henvisning, der stadig er i gang, kan gives videre."),
    ({"consent_version": "2026-11"}, "før samtykket dækkede videregivelse"),
])
def test_what_cannot_be_passed_on_says_why_and_stays(signed_in, referral, receiver, change,
                                                     message):
    MatchRequest.objects.filter(pk=referral.pk).update(**change)
    assert message in signed_in.get(pass_on_url(referral)).content.decode()
    response = signed_in.post(pass_on_url(referral), {"organisation": receiver.pk,
                                                      "reason": "other"})
    assert response.status_code == 400 and message in response.content.decode()
    assert MatchRequest.objects.get(pk=referral.pk).organisation_id == referral.organisation_id
    assert not PassedOnReferral.objects.exists()


def test_the_receivers_digest_counts_a_passed_on_referral_as_new(
        signed_in, referral, receiver, django_capture_on_commit_callbacks):
    digest_reader = coordinator_of(receiver, "vaagekone")
    since = referral.created_at
    with django_capture_on_commit_callbacks(execute=True):
        signed_in.post(pass_on_url(referral), {"organisation": receiver.pk, "reason": "other"})
    MatchRequest.objects.filter(pk=referral.pk).update(
        created_at=since.replace(year=since.year - 1))
    assert counts_for(digest_reader, since)["new"] == 1


def test_the_referral_form_asks_consent_to_passing_on(client, organisation, opportunity):
    page = client.get("/bestil-frivillig/?municipality=aalborg&activity=besoegsven")
    assert "må den give dem videre til en anden organisation" in page.content.decode()
