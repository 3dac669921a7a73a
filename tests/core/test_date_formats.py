"""Dates read as each language writes them: "6. december 2026, kl. 10.00" at ``/``,
"6 December 2026, 10:00" under ``/en/``, always in Copenhagen time.

The patterns live in ``portal/formats`` under Django's format names and a few of
ours; templates and Python name a format, never a pattern.
"""

import datetime
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.utils import translation
from django.utils.formats import get_format

import portal.formats.da.formats as danish
import portal.formats.en.formats as english
from portal.cases.models import PartnerRole
from portal.core.local_time import local_format
from tests.cases.factories import CasePageFactory, add_partner
from tests.factories import translate_page
from tests.funding.factories import FundingCallPageFactory, add_grant
from tests.needs.factories import NeedPageFactory
from tests.opportunities.factories import OpportunityPageFactory, ShiftFactory

pytestmark = pytest.mark.django_db
COPENHAGEN = ZoneInfo("Europe/Copenhagen")
UTC = datetime.UTC
BASE = Path(settings.BASE_DIR)
# A Monday morning in Copenhagen: the pages' "today"; the home page's week runs to Sunday
# 13 December.
NOW = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=COPENHAGEN)


def copenhagen(month, day, hour, minute=0, year=2026):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=COPENHAGEN)


def in_language(language, value, format_name):
    with translation.override(language):
        return local_format(value, format_name)


# --- The shared function --------------------------------------------------------------


WINTER = datetime.datetime(2026, 12, 12, 9, 0, tzinfo=UTC)  # 10.00 in Copenhagen (+01)
SUMMER = datetime.datetime(2026, 7, 4, 8, 0, tzinfo=UTC)  # 10.00 in Copenhagen (+02)


@pytest.mark.parametrize(("language", "value", "format_name", "text"), [
    ("da", WINTER, "DATE_FORMAT", "12. december 2026"),
    ("da", WINTER, "WEEKDAY_DATE_FORMAT", "lørdag 12. december 2026"),
    ("da", WINTER, "WEEKDAY_MONTH_DAY_FORMAT", "lørdag 12. december"),
    ("da", WINTER, "MONTH_DAY_FORMAT", "12. december"),
    ("da", WINTER, "TIME_FORMAT", "10.00"),
    ("da", WINTER, "MONTH_DAY_TIME_FORMAT", "12. dec kl. 10.00"),
    ("da", WINTER, "DATETIME_FORMAT", "12. december 2026 10:00"),  # the admin's, Django's
    ("da", SUMMER, "WEEKDAY_DATE_FORMAT", "lørdag 4. juli 2026"),
    ("da", SUMMER, "TIME_FORMAT", "10.00"),
    ("da", SUMMER, "MONTH_DAY_TIME_FORMAT", "4. jul kl. 10.00"),
    ("en", WINTER, "DATE_FORMAT", "12 December 2026"),
    ("en", WINTER, "WEEKDAY_DATE_FORMAT", "Saturday 12 December 2026"),
    ("en", WINTER, "WEEKDAY_MONTH_DAY_FORMAT", "Saturday 12 December"),
    ("en", WINTER, "MONTH_DAY_FORMAT", "12 December"),
    ("en", WINTER, "TIME_FORMAT", "10:00"),
    ("en", WINTER, "MONTH_DAY_TIME_FORMAT", "12 Dec, 10:00"),
    ("en", WINTER, "DATETIME_FORMAT", "12 December 2026, 10:00"),
    ("en", SUMMER, "WEEKDAY_DATE_FORMAT", "Saturday 4 July 2026"),
    ("en", SUMMER, "TIME_FORMAT", "10:00"),
    ("en", SUMMER, "MONTH_DAY_TIME_FORMAT", "4 Jul, 10:00"),
])
def test_a_moment_reads_in_copenhagen_time_as_the_language_writes_it(
        language, value, format_name, text):
    assert in_language(language, value, format_name) == text


def test_a_moment_late_in_the_utc_evening_is_already_the_next_day_in_copenhagen():
    new_year = datetime.datetime(2026, 12, 31, 23, 30, tzinfo=UTC)
    assert in_language("da", new_year, "DATE_FORMAT") == "1. januar 2027"
    assert in_language("en", new_year, "DATE_FORMAT") == "1 January 2027"


def test_a_date_is_written_as_it_is():
    day = datetime.date(2026, 12, 6)
    assert in_language("da", day, "DATE_FORMAT") == "6. december 2026"
    assert in_language("en", day, "DATE_FORMAT") == "6 December 2026"


def format_names(module):
    return {name for name in vars(module) if name.endswith("_FORMAT")}


def test_every_language_defines_every_one_of_our_format_names():
    # Django's own names fall back to its locale formats; ours have nothing to fall
    # back to, and an undefined name is printed as a pattern ("WEEKDAY_…" as letters).
    assert format_names(danish) - {"DATETIME_FORMAT"} == format_names(english) - {
        "DATETIME_FORMAT"}


def named_formats_in_use():
    """Every format name the templates and the portal's Python pass to Django."""
    used = set()
    for path in [*BASE.glob("templates/**/*.*"), *BASE.glob("portal/**/*.py"),
                 *BASE.glob("search/**/*.py")]:
        text = path.read_text(encoding="utf-8")
        used.update(re.findall(r'\|date:"([A-Z_]+_FORMAT)"', text))
        used.update(re.findall(r'(?:date_format|local_format)\([^)]*"([A-Z_]+_FORMAT)"', text))
    return used


def test_every_format_name_in_use_means_a_pattern_in_every_language():
    used = named_formats_in_use()
    assert {"DATE_FORMAT", "WEEKDAY_DATE_FORMAT", "MONTH_DAY_TIME_FORMAT"} <= used
    for language, _name in settings.LANGUAGES:
        assert [name for name in sorted(used) if get_format(name, language) == name] == []


def test_no_template_or_module_writes_a_danish_pattern_of_its_own():
    danish_patterns = re.compile(r'j\. F|j\. b|"H\.i"|l j\.')
    offenders = [str(path.relative_to(BASE))
                 for path in [*BASE.glob("templates/**/*.*"), *BASE.glob("portal/**/*.py")]
                 if "formats" not in path.parts
                 and danish_patterns.search(path.read_text(encoding="utf-8"))]
    assert offenders == []


# --- What a visitor sees ----------------------------------------------------------------


@pytest.fixture
def now():
    with time_machine.travel(NOW, tick=False):
        yield


def page_html(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def both(client, page):
    """The page at its Danish address and at its English translation's."""
    english_page = translate_page(page, publish_parents=True)
    assert english_page.url.startswith("/en/")
    return page_html(client, page.url), page_html(client, english_page.url)


@pytest.fixture
def weekend_visits(now, opportunity_index, organisation):
    opportunity = OpportunityPageFactory(
        parent=organisation, title="Weekendbesøg", commitment="ad_hoc",
        start_date=datetime.date(2026, 12, 1), end_date=datetime.date(2027, 3, 31),
        application_deadline=datetime.date(2026, 12, 10))
    ShiftFactory(opportunity=opportunity, starts_at=copenhagen(12, 12, 10),
                 ends_at=copenhagen(12, 12, 13))
    ShiftFactory(opportunity=opportunity, starts_at=copenhagen(12, 31, 22),
                 ends_at=copenhagen(1, 1, 2, year=2027))
    opportunity.save_revision().publish()
    return opportunity


def test_an_opportunitys_shifts_and_dates_read_in_each_language(client, weekend_visits):
    danish_html, english_html = both(client, weekend_visits)

    assert ">lørdag 12. december 2026, kl. 10.00</time>–" in danish_html
    assert "–<time datetime=\"2026-12-12T13:00:00+01:00\">13.00</time>" in danish_html
    assert ">torsdag 31. december 2026, kl. 22.00</time>–" in danish_html
    assert '–<time datetime="2027-01-01T02:00:00+01:00">1. januar 02.00</time>' in danish_html
    assert "Tilføj til kalender<span class=\"visually-hidden\"> – 12. december kl. 10.00" in (
        danish_html)
    assert "1. december 2026 – 31. marts 2027" in danish_html
    assert "Frist: 10. december 2026" in danish_html

    assert ">Saturday 12 December 2026, at 10:00</time>–" in english_html
    assert "–<time datetime=\"2026-12-12T13:00:00+01:00\">13:00</time>" in english_html
    assert ">Thursday 31 December 2026, at 22:00</time>–" in english_html
    assert '–<time datetime="2027-01-01T02:00:00+01:00">1 January 02:00</time>' in english_html
    assert "Add to calendar<span class=\"visually-hidden\"> – 12 December at 10:00" in (
        english_html)
    assert "1 December 2026 – 31 March 2027" in english_html
    assert "Deadline: 10 December 2026" in english_html
    assert " kl. " not in english_html


def test_an_opportunitys_card_reads_in_each_language(client, weekend_visits, opportunity_index):
    danish_html = page_html(client, opportunity_index.url)
    english_html = page_html(client, f"/en{opportunity_index.url}")

    assert '<time datetime="2026-12-12T10:00:00+01:00">12. dec kl. 10.00</time>' in danish_html
    assert '<time datetime="2026-12-10">10. december 2026</time>' in danish_html
    assert '<time datetime="2026-12-12T10:00:00+01:00">12 Dec, 10:00</time>' in english_html
    assert '<time datetime="2026-12-10">10 December 2026</time>' in english_html


def test_this_weeks_shifts_on_the_home_page_read_in_each_language(client, weekend_visits):
    danish_html = page_html(client, "/")
    english_html = page_html(client, "/en/")

    assert ">lørdag 12. december</time>, kl. 10.00–13.00" in danish_html
    assert ">Saturday 12 December</time>, 10:00–13:00" in english_html


def test_a_funding_calls_dates_read_in_each_language(client, now, organisation):
    call = FundingCallPageFactory(parent=organisation, title="Fællesskabspuljen",
                                  deadlines=[14, 60], decision_date=datetime.date(2027, 4, 1))
    call.save_revision().publish()

    danish_html, english_html = both(client, call)

    assert "<li>21. december 2026</li><li>5. februar 2027</li>" in danish_html
    assert "Frist snart: 21. december 2026" in danish_html
    assert "<dd>1. april 2027</dd>" in danish_html
    assert "<li>21 December 2026</li><li>5 February 2027</li>" in english_html
    assert "Deadline soon: 21 December 2026" in english_html
    assert "<dd>1 April 2027</dd>" in english_html


def test_a_needs_end_date_reads_in_each_language(client, now, organisation):
    need = NeedPageFactory(parent=organisation, title="Kasserer søges",
                           end_date=datetime.date(2027, 2, 6))
    need.save_revision().publish()

    danish_html, english_html = both(client, need)

    assert "<dd>6. februar 2027</dd>" in danish_html
    assert "<dd>6 February 2027</dd>" in english_html


def test_a_cases_grant_period_reads_in_each_language(client, now, organisation):
    case = CasePageFactory(parent=organisation, title="Spisevenner i Ishøj")
    add_partner(case, organisation, PartnerRole.LEAD)
    add_grant(case, start_date=datetime.date(2024, 1, 1), end_date=datetime.date(2025, 12, 31))
    case.save_revision().publish()

    danish_html, english_html = both(client, case)

    assert "1. januar 2024 – 31. december 2025" in danish_html
    assert "1 January 2024 – 31 December 2025" in english_html
