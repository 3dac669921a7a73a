"""Each request's anonymous fact follows its steps and outlives its personal data."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.forms.models import model_to_dict
from django.utils import timezone

from portal.core.models import Municipality
from portal.figures import tallies
from portal.figures.models import RequestFact, Tally
from portal.matching.models import Status
from portal.matching.workflow import change_status, erase
from tests.matching.conftest import make_opportunity, make_request

pytestmark = pytest.mark.django_db


def fact_of(match_request):
    return RequestFact.objects.get(request_id=match_request.pk)


def test_a_referral_is_counted_where_the_citizen_lives_and_timed_at_each_step(
    organisation, aalborg
):
    created = timezone.now() - timedelta(hours=50)
    referral = make_request(organisation, kind="referral", municipality=aalborg,
                            created_at=created)
    fact = fact_of(referral)
    assert (fact.kind, fact.municipality, fact.region, fact.organisation_id) == (
        "referral", aalborg, aalborg.region, organisation.pk)
    assert fact.month == timezone.localtime(created).date().replace(day=1)
    assert not fact.generated
    change_status(referral, Status.CONTACTED)
    assert fact_of(referral).hours_to_contact == 50
    change_status(referral, Status.MATCHED)
    fact = fact_of(referral)
    assert (fact.matched, fact.hours_to_contact, fact.hours_to_match) == (True, 50, 50)


def test_an_offer_is_counted_in_its_opportunitys_municipality_and_activity(organisation):
    opportunity = make_opportunity(organisation, municipalities=("Odense",),
                                   activities=("besoegsven",))
    offer = make_request(organisation, opportunity=opportunity)
    fact = fact_of(offer)
    assert (fact.municipality.slug, fact.activity.slug, fact.opportunity_id) == (
        "odense", "besoegsven", opportunity.pk)


def test_the_fact_keeps_the_answer_and_the_times_when_the_request_is_erased(organisation):
    offer = make_request(organisation)
    change_status(offer, Status.CONTACTED)
    offer.followup_answer = "yes"  # as the follow-up link's answer saves it
    offer.save(update_fields=["followup_answer", "updated_at"])
    before = model_to_dict(fact_of(offer))
    erase(offer)
    offer.refresh_from_db()
    assert offer.followup_answer == "" and offer.erased_at
    assert model_to_dict(fact_of(offer)) == before
    assert before["followup_answer"] == "yes"


def test_a_deleted_request_leaves_its_fact(organisation):
    offer = make_request(organisation)
    pk = offer.pk
    offer.delete()
    assert RequestFact.objects.filter(request_id=pk).exists()


def test_a_request_first_seen_past_new_has_no_invented_times(organisation):
    offer = make_request(organisation, status=Status.MATCHED)
    fact = fact_of(offer)
    assert (fact.matched, fact.hours_to_contact, fact.hours_to_match) == (True, None, None)


def test_the_rebuild_dates_the_steps_from_the_audit_log_and_can_run_again(organisation):
    offer = make_request(organisation, created_at=timezone.now() - timedelta(hours=30))
    change_status(offer, Status.CONTACTED)
    change_status(offer, Status.MATCHED)
    untouched = make_request(organisation, status=Status.CLOSED)
    expected = {pk: model_to_dict(fact) for pk, fact in RequestFact.objects.in_bulk().items()}
    RequestFact.objects.update(hours_to_contact=None, hours_to_match=None, matched=False)
    call_command("rebuild_figures", stdout=StringIO())
    call_command("rebuild_figures", stdout=StringIO())
    rebuilt = {pk: model_to_dict(fact) for pk, fact in RequestFact.objects.in_bulk().items()}
    assert rebuilt == expected
    assert fact_of(offer).hours_to_match == 30
    assert fact_of(untouched).status == Status.CLOSED


def tally_numbers():
    return {(tally.area, tally.month, tally.kind, tally.measure, tally.value): tally.number
            for tally in Tally.objects.exclude(number=0)}


def test_the_tallies_kept_step_by_step_are_those_made_afresh_from_the_facts(organisation,
                                                                             aalborg):
    odense = make_opportunity(organisation, municipalities=("Odense",))
    offer = make_request(organisation, opportunity=odense,
                         created_at=timezone.now() - timedelta(hours=7))
    referral = make_request(organisation, kind="referral", municipality=aalborg)
    change_status(offer, Status.CONTACTED)
    change_status(offer, Status.MATCHED)
    change_status(referral, Status.CONTACTED)
    change_status(referral, Status.NOT_MATCHED)
    referral.followup_answer = "no"
    referral.save(update_fields=["followup_answer", "updated_at"])
    referral.municipality = Municipality.objects.get(slug="odense")  # corrected by a coordinator
    referral.save(update_fields=["municipality", "updated_at"])
    kept = tally_numbers()
    month = fact_of(offer).month
    country = {key[2:]: number for key, number in kept.items() if key[0] == "country-0"}
    assert country == {("offer", "requests", 0): 1, ("offer", "contact", 7): 1,
                       ("offer", "matched", 0): 1, ("offer", "match", 7): 1,
                       ("referral", "requests", 0): 1, ("referral", "contact", 0): 1,
                       ("referral", "answer_no", 0): 1}
    assert not any(key[0] == f"municipality-{aalborg.pk}" for key in kept)
    assert kept[(f"organisation-{organisation.pk}", month, "referral", "requests", 0)] == 1
    tallies.rebuild()
    assert tally_numbers() == kept
