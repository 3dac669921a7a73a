"""Demo: a year of generated, anonymous history, so the figures and charts have shapes.

Rows of ``RequestFact`` only, marked ``generated``: no match request, no
person, nothing a coordinator could open. Across every demo organisation's
opportunities and municipalities, with a seasonal swing (fewer in July, more
before Christmas) and a fixed seed, so loading again gives the same figures:
the generated rows are removed and made again.
"""

import random

from django.utils import timezone

from portal.matching.models import FollowUpAnswer, Kind, Status
from portal.opportunities.models import OpportunityPage
from portal.organisations.models import OrganisationPage

from . import tallies
from .counting import last_months
from .facts import first_places, regions_by_municipality
from .models import RequestFact

SEED = 2026
# Requests a month for an opportunity (offers) and an organisation (referrals), by month.
SEASON = {1: 1.1, 2: 1.0, 3: 1.0, 4: 0.9, 5: 0.9, 6: 0.7, 7: 0.5, 8: 0.8, 9: 1.1, 10: 1.2,
          11: 1.3, 12: 1.4}
OFFERS_A_MONTH = 9
REFERRALS_A_MONTH = 6


def _outcome(chance, kind):
    """Status, matched, hours to contact and to match, and a follow-up answer for one request."""
    if chance.random() < 0.12:
        return Status.NEW, False, None, None, ""
    contact = max(1, round(chance.lognormvariate(3.2 if kind == Kind.OFFER else 2.8, 0.9)))
    if chance.random() < 0.58:
        match = contact + round(chance.lognormvariate(4.3, 0.8))
        answer = chance.choice([FollowUpAnswer.YES] * 6 + [FollowUpAnswer.NOT_YET, ""])
        return Status.MATCHED, True, contact, match, answer
    answer = chance.choice([FollowUpAnswer.NO, FollowUpAnswer.NOT_YET, "", ""])
    return Status.NOT_MATCHED, False, contact, None, answer


def _fact(chance, month, kind, organisation, opportunity, municipality, activity, regions):
    status, matched, contact, match, answer = _outcome(chance, kind)
    return RequestFact(generated=True, organisation_id=organisation, opportunity_id=opportunity,
                       municipality_id=municipality, region_id=regions.get(municipality),
                       activity_id=activity, kind=kind, month=month, status=status,
                       matched=matched, hours_to_contact=contact, hours_to_match=match,
                       followup_answer=answer)


def history(organisations, opportunities, places, months, regions, chance):
    """Generated facts: offers per opportunity, referrals per organisation, month by month."""
    facts = []
    for month in months:
        swing = SEASON[month.month]
        for pk, organisation in opportunities:
            municipality, activity = places[pk]
            for _ in range(round(OFFERS_A_MONTH * swing * chance.uniform(0.4, 1.6))):
                facts.append(_fact(chance, month, Kind.OFFER, organisation, pk, municipality,
                                   activity, regions))
        for organisation, municipalities, activities in organisations:
            if not municipalities or not activities:
                continue
            for _ in range(round(REFERRALS_A_MONTH * swing * chance.uniform(0.4, 1.6))):
                facts.append(_fact(chance, month, Kind.REFERRAL, organisation, None,
                                   chance.choice(municipalities), chance.choice(activities),
                                   regions))
    return facts


def load(out):
    chance = random.Random(SEED)
    opportunities = list(OpportunityPage.objects.live().order_by("pk")
                         .values_list("pk", "owner_organisation_id"))
    places = first_places([pk for pk, _organisation in opportunities])
    activities_of = {}
    for pk, organisation in opportunities:
        if activity := places[pk][1]:
            activities_of.setdefault(organisation, set()).add(activity)
    organisations = [
        (page.pk, sorted(page.municipalities.values_list("pk", flat=True)),
         sorted(activities_of.get(page.pk, ())))
        for page in OrganisationPage.objects.order_by("pk")
    ]
    months = last_months(timezone.localdate())
    RequestFact.objects.filter(generated=True).delete()
    facts = history(organisations, opportunities, places, months, regions_by_municipality(),
                    chance)
    RequestFact.objects.bulk_create(facts, batch_size=2000)
    tallies.rebuild()
    out(f"  {len(facts)} genererede, anonyme henvendelser over {len(months)} måneder")
