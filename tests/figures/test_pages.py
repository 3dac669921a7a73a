"""/tal/: figures against a small dataset counted by hand, charts with text, downloads."""

import csv
import io
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.caches import empty_caches
from tests.matching.conftest import make_opportunity, make_request

from .conftest import add_facts, months_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def aalborg_facts():
    # This month in Aalborg: 6 offers (4 matched after 24, 48, 48, 72 hours) and 2 referrals.
    # Two months ago: 5 offers, none matched, 7 referrals (5 matched after 10 hours).
    add_facts(2, municipality="aalborg", matched=True, hours_to_contact=24, hours_to_match=48,
              followup_answer="yes")
    add_facts(1, municipality="aalborg", matched=True, hours_to_contact=24, hours_to_match=24,
              followup_answer="yes")
    add_facts(1, municipality="aalborg", matched=True, hours_to_contact=48, hours_to_match=72,
              followup_answer="yes")
    add_facts(2, municipality="aalborg", hours_to_contact=96, followup_answer="no")
    add_facts(2, municipality="aalborg", kind="referral")
    add_facts(5, municipality="aalborg", month=months_ago(2), followup_answer="yes")
    add_facts(5, municipality="aalborg", month=months_ago(2), kind="referral", matched=True,
              hours_to_contact=10, hours_to_match=10)
    add_facts(2, municipality="aalborg", month=months_ago(2), kind="referral")
    # Elsewhere: not on Aalborg's page.
    add_facts(9, municipality="odense", matched=True)


def table(html, slug):
    """The rows of one figure's table as lists of cell texts."""
    section = re.search(rf'<section class="figure" aria-labelledby="figure-{slug}">(.*?)</section>',
                        html, re.S).group(1)
    body = re.search(r"<tbody>(.*?)</tbody>", section, re.S).group(1)
    return [[re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(
        r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)] for row in re.findall(
        r"<tr>(.*?)</tr>", body, re.S)]


def test_a_municipalitys_figures_are_its_own_counted_right_and_small_ones_hidden(
    client, aalborg_facts
):
    response = client.get("/tal/", {"sted": "kommune-aalborg"})
    assert response.status_code == 200
    html = response.content.decode()
    months = table(html, "henvendelser")
    # Rows: months oldest first, then the totals. This month: offers 6, referrals 2 (hidden);
    # the month's 8 would give the 2 away, so the 6 is hidden too. Each kind's column has
    # hidden empty months already, so no column needs more. Two months ago: 5 + 7 = 12.
    assert months[-1] == ["I alt", "11", "9", "20"]
    assert months[-2][1:] == ["under 5", "under 5", "8"]
    assert months[-4][1:] == ["5", "7", "12"]
    assert all(row[1:] == ["under 5", "under 5", "under 5"] for row in months[:-4] + [months[-3]])
    # Matched: offers 4 of 11 (4 hidden, so its 7 unmatched too); referrals 5 of 9 (its 4
    # unmatched hidden, so the 5 too); all 9 of 20 = 45 %: 9 = 4 + 5 and 11 = 7 + 4 are
    # sums of two hidden counts each, so neither gives a small one away.
    assert table(html, "match") == [["Tilbud om hjælp", "11", "under 5"],
                                     ["Bestilling af frivillig", "9", "under 5"],
                                     ["Alle", "20", "45 %"]]
    # Hours to contact: offers 24, 24, 24, 48, 96, 96 -> median 36 h = 1.5 days;
    # referrals 10 x5 -> 0.4 days; all 11: 10,10,10,10,10,24,24,24,48,96,96 -> 24 h = 1.0.
    # Hours to match: offers 48, 48, 24, 72 (4: hidden); referrals 10 x5 -> 0.4; all nine
    # sorted 10, 10, 10, 10, 10, 24, 48, 48, 72 -> the fifth, 10 h = 0.4.
    assert table(html, "svartid") == [["Tilbud om hjælp", "1,5", "under 5"],
                                      ["Bestilling af frivillig", "0,4", "0,4"],
                                      ["Alle", "1,0", "0,4"]]
    # Answers: yes 4 + 5 = 9, no 2 (hidden), not yet 0 (hidden), 11 answered.
    assert table(html, "opfoelgning") == [["Ja", "9"], ["Nej", "under 5"],
                                          ["Ikke endnu", "under 5"], ["I alt", "11"]]


def test_every_chart_is_an_image_with_a_title_and_a_description(client, aalborg_facts):
    html = client.get("/tal/").content.decode()
    charts = re.findall(r"<svg[^>]*>.*?</svg>", html, re.S)
    assert len(charts) == 5
    for chart in charts:
        assert 'role="img"' in chart
        labelled = re.search(r'aria-labelledby="([^"]+)"', chart).group(1).split()
        for element_id in labelled:
            assert re.search(rf'<(title|desc) id="{element_id}">[^<]+</\1>', chart), element_id
    assert "<script" not in html.split("</head>")[1]


def test_open_opportunities_by_activity_and_commitment(client, organisation):
    make_opportunity(organisation, commitment="regular", activities=("besoegsven",))
    make_opportunity(organisation, title="Julehjælp", commitment="ad_hoc",
                     activities=("besoegsven",))
    rows = table(client.get("/tal/", {"sted": "kommune-aalborg"}).content.decode(), "opgaver")
    # Enkeltstående, Ad hoc, Kortere projekt, Fast, I alt
    assert [row for row in rows if row[0] == "Besøgsven"] == [
        ["Besøgsven", "0", "1", "0", "1", "2"]]
    elsewhere = table(client.get("/tal/", {"sted": "kommune-odense"}).content.decode(), "opgaver")
    assert elsewhere == [["Ingen endnu."]]


def test_an_unknown_place_is_a_danish_message_and_no_figures(client):
    response = client.get("/tal/", {"sted": "kommune-atlantis"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vi kender ikke det sted" in html
    assert '<section class="figure"' not in html


def test_downloads_say_under_five_and_null_never_the_number(client, aalborg_facts):
    response = client.get("/tal/opfoelgning.csv", {"sted": "kommune-aalborg"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [["Svar", "Antal"], ["yes", "9"], ["no", "<5"], ["not_yet", "<5"],
                    ["total", "11"]]
    data = json.loads(client.get("/tal/match.json", {"sted": "kommune-aalborg"}).content)
    assert data["area"] == "Aalborg"
    assert [row["values"] for row in data["rows"]] == [[11, None], [9, None], [20, 45]]
    assert client.get("/tal/ukendt.csv").status_code == 404
    assert client.get("/tal/match.xml").status_code == 404
    assert client.get("/tal/match.csv", {"sted": "x"}).status_code == 404


def test_a_download_cell_cannot_become_a_spreadsheet_formula(client, organisation):
    make_opportunity(organisation, activities=("besoegsven",))
    from portal.core.models import Activity  # a label an editor could write

    Activity.objects.filter(slug="besoegsven").update(name="=HYPERLINK(1)")
    text = client.get("/tal/opgaver.csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text


def queries_for(client, path):
    empty_caches()  # each count from a cold cache
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("path", ["/tal/", "/tal/?sted=kommune-aalborg",
                                  "/tal/?sted=region-nordjylland"])
def test_the_number_of_queries_does_not_grow_with_the_requests(client, path):
    add_facts(5, municipality="aalborg", matched=True, hours_to_contact=3, hours_to_match=5)
    few = queries_for(client, path)
    for months in range(12):
        add_facts(40, municipality="aalborg", month=months_ago(months), matched=True,
                  hours_to_contact=months * 7, hours_to_match=months * 11,
                  followup_answer="yes")
        add_facts(40, municipality="hjoerring", kind="referral", month=months_ago(months))
    assert queries_for(client, path) == few


def test_a_nul_byte_in_the_place_is_an_unknown_place_not_an_error(client):
    response = client.get("/tal/", {"sted": "kommune-aal\x00borg"})
    assert response.status_code == 400
    assert "Vi kender ikke det sted" in response.content.decode()
    assert client.get("/tal/match.csv", {"sted": "region-\x00"}).status_code == 404


def test_a_regions_figures_are_its_municipalities_and_no_others(client):
    add_facts(6, municipality="aalborg")
    add_facts(7, municipality="hjoerring", kind="referral")
    add_facts(9, municipality="odense")
    html = client.get("/tal/", {"sted": "region-nordjylland"}).content.decode()
    assert "<h1>Tal: Region Nordjylland</h1>" in html
    assert table(html, "henvendelser")[-1] == ["I alt", "6", "7", "13"]
    country = client.get("/tal/").content.decode()
    assert table(country, "henvendelser")[-1] == ["I alt", "15", "7", "22"]


def test_no_name_address_or_reference_of_a_request_reaches_the_figures(client, organisation):
    requests = [make_request(organisation, kind=kind) for kind in ("offer", "referral")
                for _ in range(6)]
    private = {"Åse", "Ærø-Østergård", "aase@example.org", requests[0].reference}
    responses = [client.get("/tal/")] + [client.get(f"/tal/{slug}.{extension}")
                                         for slug in ("henvendelser", "match", "svartid")
                                         for extension in ("csv", "json")]
    for response in responses:
        text = response.content.decode("utf-8-sig")
        assert not any(word in text for word in private), response.request
    assert table(responses[0].content.decode(), "henvendelser")[-1] == ["I alt", "6", "6", "12"]
