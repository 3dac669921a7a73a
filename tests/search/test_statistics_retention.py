"""What visitors typed into the search box is kept for a while, and erased with the person."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

from search.models import ZeroResultQuery
from tests.matching.conftest import make_request

pytestmark = pytest.mark.django_db


def typed(query_string, days_ago, results=True):
    when = timezone.now() - timedelta(days=days_ago)
    if results:
        Query.get(query_string).add_hit(date=when.date())
    else:
        ZeroResultQuery.objects.create(query_string=query_string.lower(), count=1, last_seen=when)


def run(command, *args):
    out = StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


def popular():
    return set(Query.objects.values_list("query_string", flat=True))


def without_results():
    return set(ZeroResultQuery.objects.values_list("query_string", flat=True))


def test_the_retention_job_removes_searches_older_than_the_setting(settings):
    settings.SEARCH_QUERY_RETENTION_DAYS = 30
    typed("besøgsven", 40)
    typed("besøgsven", 2)
    typed("lektiehjælp", 31)
    typed("åse ærø-østergård", 45, results=False)
    typed("madpakker", 3, results=False)

    output = run("erase_expired_requests")

    assert popular() == {"besøgsven"}
    assert QueryDailyHits.objects.count() == 1
    assert without_results() == {"madpakker"}
    assert "Removed 2 record(s) of search statistics." in output


def test_the_retention_period_follows_the_setting(settings):
    settings.SEARCH_QUERY_RETENTION_DAYS = 7
    typed("lektiehjælp", 10)
    typed("madpakker", 10, results=False)
    run("erase_expired_requests")
    assert popular() == set() and without_results() == set()


def test_a_promoted_query_stays_while_its_old_hits_go(settings, home):
    settings.SEARCH_QUERY_RETENTION_DAYS = 30
    typed("julehjælp", 60)
    SearchPromotion.objects.create(query=Query.get("julehjælp"), page=home, sort_order=0)
    run("erase_expired_requests")
    assert popular() == {"julehjælp"}
    assert not QueryDailyHits.objects.exists()


def test_erasing_a_person_removes_searches_for_their_address_and_name(organisation):
    make_request(organisation, email="aase@example.org", name="Åse Ærø-Østergård")
    typed("Åse Ærø-Østergård frivillig", 1)
    typed("aase@example.org", 1, results=False)
    typed("besøgsven", 1)
    typed("bolig", 1, results=False)

    output = run("erase_personal_data", "aase@example.org")

    assert popular() == {"besøgsven"}
    assert without_results() == {"bolig"}
    assert "Removed 2 record(s) of search statistics." in output


def test_the_admin_erasure_removes_the_persons_searches(admin_client, organisation):
    make_request(organisation, email="aase@example.org", name="Åse Ærø-Østergård")
    typed("åse ærø-østergård", 1, results=False)
    admin_client.post(reverse("wagtailsnippets_matching_matchrequest:personal_data"),
                      {"email": "aase@example.org", "action": "erase"})
    assert without_results() == set()


def test_a_short_name_does_not_erase_unrelated_searches(organisation):
    make_request(organisation, email="bo@example.org", name="Bo")
    typed("bolig", 1, results=False)
    run("erase_personal_data", "bo@example.org")
    assert without_results() == {"bolig"}
