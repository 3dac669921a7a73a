"""The coordinators' workspace: status path, notes, assignment, export, preferences."""

import io
import re

import openpyxl
import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from portal.matching.models import MatchRequest, NotificationPreference, Status
from tests.logins import sign_in_verified

from .conftest import make_request

pytestmark = pytest.mark.django_db
NS = "wagtailsnippets_matching_matchrequest"


@pytest.fixture
def own(organisation):
    return make_request(organisation, name="Egen Egebjerg", email="=HYPERLINK(1)@example.org")


@pytest.fixture
def signed_in(client, coordinator):
    sign_in_verified(client, coordinator)
    return client


def test_status_follows_the_explicit_path_and_each_step_is_logged(signed_in, own, coordinator):
    url = reverse(f"{NS}:status", args=[own.pk])
    signed_in.post(url, {"status": Status.MATCHED})  # not allowed straight from "new"
    own.refresh_from_db()
    assert own.status == Status.NEW
    for status in (Status.CONTACTED, Status.MATCHED, Status.CLOSED):
        signed_in.post(url, {"status": status})
        own.refresh_from_db()
        assert own.status == status
    entries = ModelLogEntry.objects.filter(action="matching.status").order_by("timestamp")
    assert [e.data["status"] for e in entries] == ["contacted", "matched", "closed"]
    assert {e.user_id for e in entries} == {coordinator.pk}
    history = signed_in.get(reverse(f"{NS}:history", args=[own.pk])).content.decode()
    assert "Afsluttet" in history
    signed_in.post(url, {"status": Status.NEW})
    own.refresh_from_db()
    assert own.status == Status.CLOSED


def test_notes_have_an_author_and_a_time(signed_in, own, coordinator):
    signed_in.post(reverse(f"{NS}:note", args=[own.pk]), {"text": "Ringede, ingen svar."})
    note = own.notes.get()
    assert note.author == coordinator and note.created_at
    page = signed_in.get(reverse(f"{NS}:inspect", args=[own.pk])).content.decode()
    assert "Ringede, ingen svar." in page and "Kim" in page
    entry = ModelLogEntry.objects.get(action="matching.note")
    assert "Ringede" not in str(entry.data)


def test_requests_are_assigned_only_within_the_organisation(
    signed_in, own, coordinator, other_coordinator
):
    url = reverse(f"{NS}:assign", args=[own.pk])
    signed_in.post(url, {"assigned_to": other_coordinator.pk})
    own.refresh_from_db()
    assert own.assigned_to is None
    signed_in.post(url, {"assigned_to": coordinator.pk})
    own.refresh_from_db()
    assert own.assigned_to == coordinator


def test_search_finds_by_reference_and_name(signed_in, own, organisation):
    make_request(organisation, name="Helt Anden")
    listing = reverse(f"{NS}:list")
    for query in (own.reference, "Egebjerg"):
        body = signed_in.get(listing, {"q": query}).content.decode()
        assert own.reference in body and "Helt Anden" not in body


def test_filters_narrow_the_listing(signed_in, own, organisation, coordinator):
    other = make_request(organisation, name="Anden Person")
    other.status = Status.CONTACTED
    other.assigned_to = coordinator
    other.save()
    listing = reverse(f"{NS}:list")
    body = signed_in.get(listing, {"status": "contacted"}).content.decode()
    assert other.reference in body and own.reference not in body
    body = signed_in.get(listing, {"assigned_to": coordinator.pk}).content.decode()
    assert other.reference in body and own.reference not in body


def test_the_csv_export_keeps_formulas_inert_with_an_apostrophe(signed_in, own):
    listing = reverse(f"{NS}:list")
    csv = b"".join(signed_in.get(listing, {"export": "csv"}).streaming_content).decode()
    assert own.reference in csv and "'=HYPERLINK(1)@example.org" in csv


def test_the_xlsx_export_keeps_what_was_written_as_plain_text(signed_in, own):
    own.phone = "+45 12 34 56 78"
    own.save()
    response = signed_in.get(reverse(f"{NS}:list"), {"export": "xlsx"})
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    header, row = workbook.active.iter_rows(max_row=2)
    cells = {heading.value: cell for heading, cell in zip(header, row, strict=True)}
    # Text cells are never evaluated, so the values stay exactly as the person wrote them.
    assert cells["E-mail"].value == "=HYPERLINK(1)@example.org"
    assert cells["E-mail"].data_type == "s"
    assert cells["Telefon"].value == "+45 12 34 56 78"
    assert cells["Navn"].value == "Egen Egebjerg"


def test_create_is_disabled(signed_in, admin_client):
    for client in (signed_in, admin_client):
        response = client.get(reverse(f"{NS}:add"))
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert not MatchRequest.objects.exists()


def test_each_user_chooses_whether_to_get_notice_mails(signed_in, coordinator):
    url = reverse(f"{NS}:preferences")
    assert signed_in.get(url).status_code == 200
    signed_in.post(url, {})  # an unticked box: no mails
    assert NotificationPreference.objects.get(user=coordinator).email_on_new_request is False


def test_only_superusers_erase_from_the_admin(signed_in, own, admin_client):
    url = reverse(f"{NS}:erase", args=[own.pk])
    signed_in.post(url)
    own.refresh_from_db()
    assert own.name == "Egen Egebjerg"
    admin_client.post(url)
    own.refresh_from_db()
    assert own.name == "" and own.erased_at


def test_the_detail_view_shows_what_was_submitted_for_each_kind(signed_in, own, organisation):
    from portal.matching.models import Kind

    referral = make_request(organisation, kind=Kind.REFERRAL, referrer_workplace="Hjemmeplejen",
                            preferred_times="Formiddage")
    body = signed_in.get(reverse(f"{NS}:inspect", args=[referral.pk])).content.decode()
    assert "Hjemmeplejen" in body and "Formiddage" in body
    assert not re.search(r"<dd>\s*None\s*</dd>", body)
    body = signed_in.get(reverse(f"{NS}:inspect", args=[own.pk])).content.decode()
    assert "Arbejdssted" not in body and "Egen Egebjerg" in body
