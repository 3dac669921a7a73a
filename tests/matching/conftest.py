"""The page tree and people the intake and workspace tests need, in a few lines."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from portal.core.models import Activity, Municipality
from portal.matching.forms import start_stamp
from portal.matching.models import CONSENT_VERSION, Kind, MatchRequest, erase_after_from
from portal.opportunities.models import OpportunityPage, Shift
from tests.factories import OrganisationPageFactory, UserFactory


@pytest.fixture(autouse=True)
def intake_settings(settings):
    """People in tests type instantly; the minimum fill time has its own test."""
    settings.INTAKE_MIN_FILL_SECONDS = 0
    settings.INTAKE_RATE_LIMIT = 1000
    return settings


def make_opportunity(organisation, title="Besøgsven til Inger", commitment="regular",
                     municipalities=("Aalborg",), activities=("besoegsven",), **fields):
    page = OpportunityPage(title=title, summary="En kort opgave.", commitment=commitment,
                           **fields)
    organisation.add_child(instance=page)
    page.municipalities.set(Municipality.objects.filter(name__in=municipalities))
    page.activities.set(Activity.objects.filter(slug__in=activities))
    page.save_revision().publish()
    return OpportunityPage.objects.get(pk=page.pk)


def make_shift(opportunity, capacity=1, days=3):
    starts = timezone.now() + timedelta(days=days)
    return Shift.objects.create(opportunity=opportunity, starts_at=starts,
                                ends_at=starts + timedelta(hours=3), place="Solhøj",
                                capacity=capacity)


def make_request(organisation, **fields):
    now = timezone.now()
    values = {
        "kind": Kind.OFFER, "organisation": organisation, "name": "Åse Ærø-Østergård",
        "email": "aase@example.org", "consent_version": CONSENT_VERSION,
        "consent_given_at": now, "erase_after": erase_after_from(now),
        "idempotency_token": uuid.uuid4(),
    }
    values.update(fields)
    return MatchRequest.objects.create(**values)


def coordinator_of(organisation, username, **fields):
    user = UserFactory(username=username, **fields)
    user.groups.add(organisation.access.coordinators)
    return user


@pytest.fixture
def other_organisation(organisation_index):
    return OrganisationPageFactory(parent=organisation_index, title="Vågekonerne")


@pytest.fixture
def opportunity(organisation):
    return make_opportunity(organisation)


@pytest.fixture
def ad_hoc(organisation):
    return make_opportunity(organisation, title="Hjælp ved juleuddelingen", commitment="ad_hoc")


@pytest.fixture
def coordinator(organisation):
    return coordinator_of(organisation, "koordinator", first_name="Kim")


@pytest.fixture
def other_coordinator(other_organisation):
    return coordinator_of(other_organisation, "anden-koordinator")


def started_value(token, seconds_ago=60):
    return start_stamp(token, at=timezone.now().timestamp() - seconds_ago)


def _guards(overrides):
    """A token and the start stamp bound to it, as a rendered form carries them."""
    token = overrides.pop("idempotency_token", None) or str(uuid.uuid4())
    seconds_ago = overrides.pop("seconds_ago", 60)
    return {"idempotency_token": token, "started": started_value(token, seconds_ago),
            "website": ""}


def offer_data(**overrides):
    data = {
        "name": "Åse Ærø-Østergård", "email": "aase@example.org", "phone": "+45 12 34 56 78",
        "message": "Jeg har tid om onsdagen.", "consent": "on", **_guards(overrides),
    }
    data.update(overrides)
    return data


def referral_data(organisation, **overrides):
    data = {
        "municipality": "aalborg", "activity": "besoegsven", "organisation": str(organisation.pk),
        "name": "Hanne Hjemmepleje", "referrer_role": "Social- og sundhedshjælper",
        "referrer_workplace": "Hjemmeplejen, Aalborg Kommune", "email": "hanne@example.org",
        "phone": "", "preferred_times": "Formiddage", "language": "dansk",
        "contact_route": "referrer", "citizen_phone": "", "message": "Ring på to gange.",
        "citizen_consent": "on", "consent": "on", **_guards(overrides),
    }
    data.update(overrides)
    return data
