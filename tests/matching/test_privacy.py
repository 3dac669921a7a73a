"""Retention, access and erasure; nothing personal in logs or the search index."""

import json
import logging
from datetime import UTC, date, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from portal.matching.models import MatchRequest, Status
from portal.matching.tasks import erase_expired_requests
from portal.opportunities.models import ShiftBooking
from tests.logins import sign_in_verified

from .conftest import make_request, make_shift, offer_data

pytestmark = pytest.mark.django_db


def run(command, *args):
    out = StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


def finished(organisation, status, days_ago, **fields):
    match_request = make_request(organisation, status=status, **fields)
    match_request.erase_after = timezone.localdate() - timedelta(days=days_ago)
    match_request.save()
    return match_request


def test_expired_closed_and_withdrawn_requests_are_erased_and_reported(organisation):
    closed = finished(organisation, Status.CLOSED, 1)
    withdrawn = finished(organisation, Status.WITHDRAWN, 10)
    recent = finished(organisation, Status.CLOSED, -5)
    open_one = finished(organisation, Status.CONTACTED, 30)
    closed.notes.create(text="Ringede til hende.")

    output = run("erase_expired_requests")

    assert "Erased 2 request(s)" in output
    assert closed.reference in output and withdrawn.reference in output
    for match_request in (closed, withdrawn):
        match_request.refresh_from_db()
        assert match_request.erased_at and match_request.name == "" and match_request.email == ""
        assert not match_request.notes.exists()
    for match_request in (recent, open_one):
        match_request.refresh_from_db()
        assert match_request.erased_at is None and match_request.name
    trace = ModelLogEntry.objects.filter(action="matching.erase")
    assert trace.count() == 2
    assert all("Åse" not in str(e.data) and "Åse" not in e.label for e in trace)


def test_closing_sets_the_erase_date_from_the_setting(client, coordinator, organisation,
                                                      settings):
    settings.MATCH_REQUEST_RETENTION_DAYS = 30
    match_request = make_request(organisation)
    sign_in_verified(client, coordinator)
    client.post(reverse("wagtailsnippets_matching_matchrequest:status", args=[match_request.pk]),
                {"status": Status.CLOSED})
    match_request.refresh_from_db()
    assert match_request.erase_after == timezone.localdate() + timedelta(days=30)


def test_the_erase_date_counts_from_the_day_in_copenhagen(client, coordinator, organisation,
                                                          settings):
    settings.MATCH_REQUEST_RETENTION_DAYS = 30
    # Half past midnight on 7 December in Copenhagen, still 6 December in UTC.
    with time_machine.travel(datetime(2026, 12, 6, 23, 30, tzinfo=UTC), tick=False):
        match_request = make_request(organisation)
        sign_in_verified(client, coordinator)
        client.post(reverse("wagtailsnippets_matching_matchrequest:status",
                            args=[match_request.pk]), {"status": Status.CLOSED})

    match_request.refresh_from_db()
    assert match_request.erase_after == date(2027, 1, 6)


def test_requests_untouched_for_a_year_are_flagged_not_erased(organisation):
    stale = make_request(organisation)
    MatchRequest.objects.filter(pk=stale.pk).update(
        updated_at=timezone.now() - timedelta(days=400))
    output = run("erase_expired_requests")
    stale.refresh_from_db()
    assert stale.flagged_stale_at and stale.name
    assert f"flagged {stale.reference}" in output
    assert "Flagged 0" in run("erase_expired_requests")  # flagged once, not every night


def test_the_retention_job_also_runs_as_a_task(organisation):
    finished(organisation, Status.CLOSED, 1)
    result = erase_expired_requests.enqueue()
    assert result.return_value == {"erased": 1, "flagged": 0}


def test_export_and_erase_personal_data_by_email(organisation, other_organisation, ad_hoc,
                                                 client):
    shift = make_shift(ad_hoc)
    client.post(reverse("matching:offer", args=[ad_hoc.pk]),
                offer_data(email="Aase@Example.org", shifts=[str(shift.pk)]))
    make_request(other_organisation, email="aase@example.org", message="Onsdage passer")
    make_request(organisation, email="bo@example.org", name="Bo Bent")

    exported = json.loads(run("export_personal_data", "aase@example.org"))
    assert len(exported["requests"]) == 2
    assert {r["organisation"] for r in exported["requests"]} == {
        organisation.title, other_organisation.title}
    assert any(r["shifts"] for r in exported["requests"])
    assert "Bo Bent" not in json.dumps(exported)

    assert "Erased 2 request(s)" in run("erase_personal_data", "aase@example.org")
    assert not MatchRequest.objects.filter(email__iexact="aase@example.org").exists()
    assert MatchRequest.objects.get(email="bo@example.org").name == "Bo Bent"
    assert ShiftBooking.objects.get().released_at is not None
    assert json.loads(run("export_personal_data", "aase@example.org"))["requests"] == []


def test_superusers_export_and_erase_in_the_admin(admin_client, organisation):
    make_request(organisation)
    url = reverse("wagtailsnippets_matching_matchrequest:personal_data")
    response = admin_client.post(url, {"email": "aase@example.org", "action": "export"})
    assert json.loads(response.content)["requests"][0]["name"] == "Åse Ærø-Østergård"
    admin_client.post(url, {"email": "aase@example.org", "action": "erase"})
    assert MatchRequest.objects.get().erased_at


def test_coordinators_cannot_use_the_personal_data_tool(client, coordinator):
    sign_in_verified(client, coordinator)
    response = client.post(reverse("wagtailsnippets_matching_matchrequest:personal_data"),
                           {"email": "aase@example.org", "action": "export"})
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_a_submission_logs_nothing_personal(client, opportunity, caplog):
    caplog.set_level(logging.DEBUG)
    client.post(reverse("matching:offer", args=[opportunity.pk]),
                offer_data(name="Åse Logfri", email="logfri@example.org", phone="11 22 33 44"))
    assert MatchRequest.objects.exists()
    for secret in ("Logfri", "logfri@example.org", "11 22 33 44"):
        assert secret not in caplog.text


def test_match_requests_are_not_in_the_search_index():
    from wagtail.search.index import class_is_indexed

    assert not class_is_indexed(MatchRequest)


def test_the_privacy_policy_states_the_retention_period_from_the_setting(client, home, settings):
    from portal.core.models import PortalSettings
    from tests.factories import StandardPageFactory

    privacy = StandardPageFactory(parent=home, title="Privatlivspolitik", slug="privatlivspolitik")
    other = StandardPageFactory(parent=home, title="Om", slug="om")
    portal_settings = PortalSettings.load()
    portal_settings.privacy_page = privacy
    portal_settings.save()
    settings.MATCH_REQUEST_RETENTION_DAYS = 45
    assert "efter 45 dage" in client.get("/privatlivspolitik/").content.decode()
    assert "efter 45 dage" not in client.get(other.url).content.decode()
