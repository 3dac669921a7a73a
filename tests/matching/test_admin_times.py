"""Staff read Copenhagen time in the requests' listing, detail, history and exports."""

import csv
import datetime as dt
import io

import openpyxl
import pytest
import time_machine
from django.urls import reverse

from tests.logins import sign_in_verified

from .conftest import make_request

pytestmark = pytest.mark.django_db
NS = "wagtailsnippets_matching_matchrequest"

# The same 13:54 UTC on either side of a change of offset, and the hour the clocks go back.
SUMMER = dt.datetime(2026, 7, 1, 13, 54, tzinfo=dt.UTC)
WINTER = dt.datetime(2026, 1, 15, 13, 54, tzinfo=dt.UTC)
BEFORE_FALL_BACK = dt.datetime(2026, 10, 25, 0, 54, tzinfo=dt.UTC)
AFTER_FALL_BACK = dt.datetime(2026, 10, 25, 1, 54, tzinfo=dt.UTC)


@pytest.fixture
def received(request, client, coordinator, organisation):
    """A request received at the parametrised moment, looked at by its coordinator then."""
    with time_machine.travel(request.param, tick=False):
        match_request = make_request(organisation)
        sign_in_verified(client, coordinator)
        yield client, match_request


def _csv_received(client):
    response = client.get(reverse(f"{NS}:list"), {"export": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    return rows[0]["Modtaget"]


@pytest.mark.parametrize(("received", "shown"), [
    (SUMMER, "1. juli 2026 15:54"), (WINTER, "15. januar 2026 14:54"),
], indirect=["received"])
def test_the_listing_and_the_detail_show_copenhagen_time(received, shown):
    client, match_request = received
    listing = client.get(reverse(f"{NS}:list")).content.decode()
    assert f'data-w-tooltip-content-value="{shown}"' in listing
    detail = client.get(reverse(f"{NS}:inspect", args=[match_request.pk])).content.decode()
    assert shown in detail
    assert shown.replace("15:54", "13:54").replace("14:54", "13:54") not in detail


@pytest.mark.parametrize("received", [SUMMER], indirect=True)
def test_a_note_and_the_history_show_copenhagen_time(received):
    client, match_request = received
    client.post(reverse(f"{NS}:note", args=[match_request.pk]), {"text": "Ringede op."})
    detail = client.get(reverse(f"{NS}:inspect", args=[match_request.pk])).content.decode()
    assert "1. juli 2026 15:54</p>" in detail
    assert str(match_request.notes.get()).endswith(" · 2026-07-01 15:54")
    history = client.get(reverse(f"{NS}:history", args=[match_request.pk])).content.decode()
    assert 'data-w-tooltip-content-value="1. juli 2026 15:54"' in history


@pytest.mark.parametrize(("received", "written"), [
    (SUMMER, "2026-07-01 15:54:00+02:00"),
    (WINTER, "2026-01-15 14:54:00+01:00"),
    (BEFORE_FALL_BACK, "2026-10-25 02:54:00+02:00"),
    (AFTER_FALL_BACK, "2026-10-25 02:54:00+01:00"),
], indirect=["received"])
def test_the_csv_export_writes_copenhagen_time_with_its_offset(received, written):
    client, _match_request = received
    assert _csv_received(client) == written


@pytest.mark.parametrize(("received", "wall_time"), [
    (SUMMER, dt.datetime(2026, 7, 1, 15, 54)), (WINTER, dt.datetime(2026, 1, 15, 14, 54)),
], indirect=["received"])
def test_the_xlsx_export_writes_copenhagen_wall_time(received, wall_time):
    client, _match_request = received
    response = client.get(reverse(f"{NS}:list"), {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    headings = [cell.value for cell in sheet[1]]
    assert sheet.cell(row=2, column=headings.index("Modtaget") + 1).value == wall_time
