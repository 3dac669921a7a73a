"""The coordinators' dashboard panel: Wagtail's summary markup; each link lists what it counts."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.core.models import PortalSettings
from portal.matching.models import FollowUpAnswer, Status
from tests.logins import sign_in_verified

from .conftest import coordinator_of, make_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def requests(organisation):
    days_ago = lambda days: timezone.now() - timedelta(days=days)  # noqa: E731
    return {
        "overdue": make_request(organisation, created_at=days_ago(5)),
        "fresh": make_request(organisation, created_at=days_ago(1)),
        "answered": make_request(organisation, created_at=days_ago(5), status=Status.CONTACTED),
    }


@pytest.fixture
def dashboard(client, organisation):
    sign_in_verified(client, coordinator_of(organisation, "tal"))
    return client


def _link(body, text):
    match = re.search(r'<a href="([^"]+)">([^<]*' + re.escape(text) + r"[^<]*)</a>", body)
    assert match, f"no link containing {text!r}"
    return match.group(1).replace("&amp;", "&"), match.group(2)


def _listed(client, url, requests):
    body = client.get(url).content.decode()
    return {name for name, request in requests.items() if request.reference in body}


def test_the_panel_uses_wagtails_summary_markup(dashboard, requests):
    body = dashboard.get("/admin/").content.decode()
    start = '<section class="w-summary" aria-labelledby="match-requests-heading">'
    panel = body[body.index(start):]
    assert panel.index('<ul class="w-summary__list">') < panel.index("nye henvendelser")


def test_the_overdue_link_lists_exactly_the_overdue_requests(dashboard, requests):
    body = dashboard.get("/admin/").content.decode()
    url, text = _link(body, "uden svar")
    assert text == "1 uden svar i over 3 dage"
    assert _listed(dashboard, url, requests) == {"overdue"}
    url, text = _link(body, "nye henvendelser")
    assert text == "2 nye henvendelser"
    assert _listed(dashboard, url, requests) == {"overdue", "fresh"}


def test_the_overdue_threshold_is_the_portal_setting(dashboard, requests):
    portal_settings = PortalSettings.load()
    portal_settings.overdue_after_days = 7
    portal_settings.save()
    url, text = _link(dashboard.get("/admin/").content.decode(), "uden svar")
    assert text == "0 uden svar i over 7 dage"
    assert _listed(dashboard, url, requests) == set()
    portal_settings.overdue_after_days = 1
    portal_settings.save()
    url, text = _link(dashboard.get("/admin/").content.decode(), "uden svar")
    assert text == "2 uden svar i over 1 dag"
    assert _listed(dashboard, url, requests) == {"overdue", "fresh"}


def test_coordinators_can_list_the_requests_whose_sender_said_no(dashboard, organisation):
    said_no = make_request(
        organisation, status=Status.CONTACTED, followup_answer=FollowUpAnswer.NO,
        followup_answered_at=timezone.now(), needs_attention_since=timezone.now(),
    )
    said_yes = make_request(
        organisation, status=Status.MATCHED, followup_answer=FollowUpAnswer.YES,
        followup_answered_at=timezone.now(),
    )
    unanswered = make_request(organisation, status=Status.CONTACTED)
    requests = {"no": said_no, "yes": said_yes, "unanswered": unanswered}
    listing = reverse("wagtailsnippets_matching_matchrequest:list")

    assert _listed(dashboard, f"{listing}?needs_attention=true", requests) == {"no"}
    assert _listed(dashboard, f"{listing}?followup_answer=yes", requests) == {"yes"}
    assert _listed(dashboard, listing, requests) == {"no", "yes", "unanswered"}
