"""A small catalogue of every kind of content the API serves, public and not."""

import datetime

import pytest
from wagtail.models import PageViewRestriction

from portal.core.models import Activity, Municipality, TargetGroup
from tests.cases.factories import CasePageFactory, GuidePageFactory, ToolPageFactory
from tests.factories import OrganisationPageFactory
from tests.opportunities.factories import OpportunityPageFactory, ShiftFactory

TODAY = datetime.date.today


def slugged(model, *slugs):
    return list(model.objects.filter(slug__in=slugs))


@pytest.fixture
def catalogue(opportunity_index, organisation, organisation_index):
    """Open opportunities spread over the filters, and one of each kind that must not show."""
    make = OpportunityPageFactory
    organisation.cvr = "12345674"
    organisation.contact_email = "koordinator@forening.example"
    organisation.contact_phone = "12 34 56 78"
    organisation.save_revision().publish()
    private_organisation = OrganisationPageFactory(parent=organisation_index, title="Lukket klub")
    PageViewRestriction.objects.create(page=private_organisation, restriction_type="login")
    found = {
        "visit_aalborg": make(
            parent=organisation, title="Besøgsven i Aalborg", commitment="regular",
            municipalities=slugged(Municipality, "aalborg"),
            activities=slugged(Activity, "besoegsven"),
            target_groups=slugged(TargetGroup, "aeldre"), hours=2, hours_per="week",
            minimum_age=18,
        ),
        "it_aalborg": make(
            parent=organisation, title="IT-café i Aalborg", commitment="ad_hoc",
            municipalities=slugged(Municipality, "aalborg"),
            activities=slugged(Activity, "it-hjaelp"), place="Biblioteket",
            english_speakers_welcome=True,
        ),
        "homework_odense": make(
            parent=organisation, title="Lektiehjælp i Odense", commitment="short_project",
            requires_child_certificate=True, municipalities=slugged(Municipality, "odense"),
            activities=slugged(Activity, "lektiehjaelp"),
            start_date=TODAY() + datetime.timedelta(days=60),
            end_date=TODAY() + datetime.timedelta(days=70),
        ),
        "online_it": make(
            parent=organisation, title="Telefonhjælp til IT", commitment="one_off",
            is_online=True, activities=slugged(Activity, "it-hjaelp"),
            english_speakers_welcome=True,
        ),
        "expired": make(
            parent=organisation, title="Julefrokost der var engang", commitment="one_off",
            end_date=TODAY() - datetime.timedelta(days=1),
            municipalities=slugged(Municipality, "aalborg"),
        ),
        "paused": make(parent=organisation, title="Pause i Aalborg", status="paused",
                       municipalities=slugged(Municipality, "aalborg"),
                       english_speakers_welcome=True),
        "private": make(parent=private_organisation, title="Kun for medlemmer",
                        municipalities=slugged(Municipality, "aalborg")),
        "private_organisation": private_organisation,
    }
    draft = make(parent=organisation, title="Kladde i Aalborg", live=False,
                 municipalities=slugged(Municipality, "aalborg"))
    found["draft"] = draft
    ShiftFactory(opportunity=found["it_aalborg"],
                 starts_at=_local(TODAY() + datetime.timedelta(days=10), 10))
    found["case"] = CasePageFactory(parent=organisation, title="Besøgsvenner i Aalborg",
                                    contact_email="person@kommune.example",
                                    contact_role="Frivilligkonsulent")
    found["guide"] = GuidePageFactory(parent=organisation, title="Sådan starter I")
    found["tool"] = ToolPageFactory(parent=organisation, title="Vagtplan")
    found["private_case"] = CasePageFactory(parent=private_organisation, title="Skjult case")
    found["draft_tool"] = ToolPageFactory(parent=organisation, title="Kladdeværktøj", live=False)
    return found


def _local(day, hour):
    from django.utils import timezone

    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def api_ids(client, url):
    """Every id of every page of ``url``, following ``next``."""
    seen = []
    while url:
        data = client.get(url).json()
        seen += [item["id"] for item in data["results"]]
        url = data["next"]
    return seen
