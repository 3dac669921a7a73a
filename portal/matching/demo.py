"""Demo: two coordinator logins and requests in every status for their organisations.

Everyone here is invented. Each request is found again by a fixed submission
id, so running the demo twice changes nothing.
"""

import uuid
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from portal.core.models import Activity, Municipality
from portal.opportunities.models import OpportunityPage
from portal.organisations.demo import DEMO_PASSWORD, give_demo_second_factor
from portal.organisations.models import OrganisationPage

from .followup import plan_followup
from .models import (
    CONSENT_VERSION,
    ContactRoute,
    Kind,
    MatchRequest,
    MatchRequestNote,
    NotificationPreference,
    Status,
    erase_after_from,
)

DEMO_NAMESPACE = uuid.UUID("6f1c1a0e-1f7e-4c1e-9a59-6d8f3b0b2a11")

COORDINATORS = [
    ("koordinator-nord", "Karin", "Nørgaard", "besoegsvennerne-nord"),
    ("koordinator-odense", "Ole", "Damgaard", "vaagekonerne"),
]

# key, organisation, kind, status, days ago, name, note
REQUESTS = [
    ("nord-1", "besoegsvennerne-nord", Kind.OFFER, Status.NEW, 0, "Mette Holm", ""),
    ("nord-2", "besoegsvennerne-nord", Kind.OFFER, Status.NEW, 6, "Jonas Bech", ""),
    ("nord-3", "besoegsvennerne-nord", Kind.REFERRAL, Status.NEW, 1, "Hanne Sørensen", ""),
    ("nord-4", "besoegsvennerne-nord", Kind.OFFER, Status.CONTACTED, 9, "Åse Ærø-Østergård",
     "Ringede tirsdag. Hun vil gerne starte efter sommerferien."),
    ("nord-5", "besoegsvennerne-nord", Kind.REFERRAL, Status.MATCHED, 20, "Lone Kjær",
     "Matchet med en besøgsven fra Aalborg Øst. Første besøg aftalt."),
    ("nord-6", "besoegsvennerne-nord", Kind.OFFER, Status.NOT_MATCHED, 30, "Peter Lund",
     "Ønsker kun weekender; ingen opgave passer lige nu."),
    ("nord-7", "besoegsvennerne-nord", Kind.OFFER, Status.CLOSED, 60, "Signe Dahl", ""),
    ("nord-8", "besoegsvennerne-nord", Kind.OFFER, Status.WITHDRAWN, 15, "Rasmus Krogh", ""),
    # A second referral still being worked, so an offer's suggestions have two to rank.
    ("nord-9", "besoegsvennerne-nord", Kind.REFERRAL, Status.CONTACTED, 3, "Bente Vestergaard",
     "Talt med henviseren; venter på en besøgsven i Hjørring."),
    ("odense-1", "vaagekonerne", Kind.REFERRAL, Status.NEW, 0, "Birthe Madsen", ""),
    ("odense-2", "vaagekonerne", Kind.OFFER, Status.NEW, 4, "Niels Thomsen", ""),
    ("odense-3", "vaagekonerne", Kind.OFFER, Status.CONTACTED, 7, "Zoë O'Brien",
     "Har taget introkurset i Middelfart."),
    ("odense-4", "vaagekonerne", Kind.REFERRAL, Status.MATCHED, 12, "Inge Frost",
     "Våger aftalt for natten til torsdag."),
    ("odense-5", "vaagekonerne", Kind.OFFER, Status.NOT_MATCHED, 25, "Ali Hassan", ""),
    ("odense-6", "vaagekonerne", Kind.REFERRAL, Status.CLOSED, 40, "Grethe Berg", ""),
    ("odense-7", "vaagekonerne", Kind.OFFER, Status.WITHDRAWN, 18, "Camilla Juhl", ""),
]

# municipality, activity, role, workplace, preferred times (words the suggestions read)
REFERRAL_DETAILS = {
    "besoegsvennerne-nord": ("aalborg", "besoegsven", "Social- og sundhedshjælper",
                             "Hjemmeplejen, Aalborg Kommune", "Hverdage om formiddagen"),
    "vaagekonerne": ("odense", "vaagetjeneste", "Sygeplejerske",
                     "Plejecenter Ejbygården, Odense Kommune", "Aften og nat"),
}
# Referrals that differ from their organisation's usual one: (municipality, preferred times).
REFERRAL_VARIANTS = {"nord-9": ("hjoerring", "Weekender")}


def _coordinators(out):
    User = get_user_model()
    users = {}
    for username, first, last, slug in COORDINATORS:
        user, _created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last,
                      "email": f"{username}@bindeled.example"},
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        organisation = OrganisationPage.objects.get(slug=slug)
        user.groups.add(organisation.access.coordinators)
        give_demo_second_factor(user)
        NotificationPreference.objects.get_or_create(user=user)
        users[slug] = user
        out(f"  login: {username} / {DEMO_PASSWORD} (koordinator, {organisation.title})")
    return users


def _referral_fields(key, slug):
    municipality, activity, role, workplace, times = REFERRAL_DETAILS[slug]
    municipality, times = REFERRAL_VARIANTS.get(key, (municipality, times))
    return {
        "municipality": Municipality.objects.filter(slug=municipality).first(),
        "activity": Activity.objects.filter(slug=activity).first(),
        "referrer_role": role, "referrer_workplace": workplace,
        "contact_route": ContactRoute.REFERRER, "preferred_times": times,
        "message": "Borgeren hører dårligt; ring på og vent lidt.",
    }


def load(out):
    users = _coordinators(out)
    now = timezone.now()
    organisations = {page.slug: page for page in OrganisationPage.objects.filter(
        slug__in=REFERRAL_DETAILS)}
    for key, slug, kind, status, days_ago, name, note in REQUESTS:
        organisation = organisations[slug]
        created = now - timedelta(days=days_ago, hours=2)
        fields = {
            "kind": kind, "status": status, "organisation": organisation, "name": name,
            "email": f"{key}@example.org", "phone": "12 34 56 78",
            "consent_version": CONSENT_VERSION, "consent_given_at": created,
            "created_at": created, "erase_after": erase_after_from(created),
            "assigned_to": users[slug] if status != Status.NEW else None,
        }
        if kind == Kind.OFFER:
            fields["opportunity"] = OpportunityPage.objects.child_of(organisation).live().first()
            fields["message"] = "Jeg har tid et par timer om ugen."
        else:
            fields.update(_referral_fields(key, slug))
        match_request, _created = MatchRequest.objects.update_or_create(
            idempotency_token=uuid.uuid5(DEMO_NAMESPACE, key), defaults=fields
        )
        if status == Status.CONTACTED:
            plan_followup(match_request)  # its "Blev det et match?" link, as after a real contact
        if note:
            MatchRequestNote.objects.get_or_create(
                request=match_request, text=note,
                defaults={"author": users[slug], "created_at": created + timedelta(days=1)},
            )
    out(f"  {len(REQUESTS)} henvendelser i alle statusser for {len(organisations)} organisationer")
