"""With Redis down the site keeps working, and it uses Redis again once it is back.

Each test runs its own redis-server on a free port and stops (or freezes) it
part-way through, as an outage would.
"""

import logging
import time

import pytest
from django.core.management import call_command

from portal.core.cache import CacheUnavailable
from portal.matching.models import Kind, MatchRequest
from tests.matching.conftest import make_opportunity, offer_data, referral_data

pytestmark = pytest.mark.django_db

RECOVERY_ATTEMPTS = 100
RECOVERY_PAUSE_SECONDS = 0.05


@pytest.fixture
def site(home, opportunity_index, case_index, tool_index, organisation):
    return make_opportunity(organisation, title="Besøgsven til Inger")


def wait_until_used_again(cache):
    for _ in range(RECOVERY_ATTEMPTS):
        cache.set("probe", "tilbage")
        if cache.get("probe") == "tilbage":
            return True
        time.sleep(RECOVERY_PAUSE_SECONDS)
    return False


def outage_warnings(caplog):
    return [record for record in caplog.records
            if record.name == "portal.core.cache" and record.levelno == logging.WARNING]


def test_the_shared_cache_is_used_while_redis_runs(shared_cache, redis_server):
    shared_cache.set("greeting", "hej")
    assert shared_cache.get("greeting") == "hej"
    assert redis_server.client().dbsize() == 1


def test_with_redis_stopped_every_public_page_answers(client, shared_cache, redis_server, site):
    assert client.get("/frivilligopgaver/").status_code == 200  # the cache is filled
    redis_server.stop()

    for url in ("/", "/frivilligopgaver/", "/frivilligopgaver/?kommune=aalborg&type=regular",
                site.url, "/soeg/?q=Inger", "/erfaringer/", "/vaerktoejer/",
                "/organisationer/"):
        response = client.get(url)
        assert response.status_code == 200, url
    listing = client.get("/frivilligopgaver/?kommune=aalborg&type=regular")
    assert "Besøgsven til Inger" in listing.content.decode()


def test_with_redis_stopped_an_offer_and_a_referral_are_stored(
    client, shared_cache, redis_server, site, organisation
):
    redis_server.stop()

    offer = client.post(f"/tilmelding/{site.pk}/", offer_data())
    referral = client.post("/bestil-frivillig/", referral_data(organisation))

    assert offer.status_code == referral.status_code == 302
    assert offer.headers["Location"].startswith("/kvittering/")
    assert referral.headers["Location"].startswith("/kvittering/")
    assert sorted(MatchRequest.objects.values_list("kind", flat=True)) == sorted(
        [Kind.OFFER, Kind.REFERRAL]
    )
    assert client.get(offer.headers["Location"]).status_code == 200


def test_with_redis_stopped_the_rate_limit_counts_in_the_process(
    client, shared_cache, redis_server, site, settings
):
    settings.INTAKE_RATE_LIMIT = 2
    redis_server.stop()
    visitor = {"REMOTE_ADDR": "192.0.2.41"}

    answers = [client.post(f"/tilmelding/{site.pk}/", offer_data(), **visitor).status_code
               for _ in range(3)]
    someone_else = client.post(f"/tilmelding/{site.pk}/", offer_data(),
                               REMOTE_ADDR="192.0.2.42")

    assert answers == [302, 302, 429]
    assert someone_else.status_code == 302
    assert MatchRequest.objects.count() == 3


def test_an_outage_is_logged_once_however_many_requests_meet_it(
    client, shared_cache, redis_server, site, caplog
):
    redis_server.stop()
    with caplog.at_level(logging.INFO, logger="portal.core.cache"):
        for _ in range(20):
            assert client.get("/frivilligopgaver/?type=regular").status_code == 200
            time.sleep(0.01)  # past the retry period now and then, so Redis is tried again

    warnings = outage_warnings(caplog)
    assert len(warnings) == 1
    assert "unreachable" in warnings[0].getMessage()


def test_when_redis_is_back_the_cache_is_used_again_without_a_restart(
    shared_cache, redis_server, caplog
):
    redis_server.stop()
    shared_cache.set("greeting", "hej")
    assert shared_cache.get("greeting") is None
    with pytest.raises(CacheUnavailable):
        shared_cache.incr("count")

    redis_server.start()
    with caplog.at_level(logging.INFO, logger="portal.core.cache"):
        assert wait_until_used_again(shared_cache)

    shared_cache.set("greeting", "hej")
    assert shared_cache.get("greeting") == "hej"
    assert redis_server.client().dbsize() >= 1
    assert "reachable again" in caplog.text


def test_a_hung_redis_is_an_outage_and_writes_lost_in_it_are_not_served_stale(
    shared_cache, redis_server
):
    shared_cache.set("listing-version", "old")
    redis_server.freeze()

    shared_cache.set("listing-version", "new")  # lost: the server does not answer
    assert shared_cache.get("listing-version") is None
    assert shared_cache.add("other", 1) is False

    redis_server.thaw()
    assert wait_until_used_again(shared_cache)
    assert shared_cache.get("listing-version") != "old"


def test_load_demo_runs_with_redis_stopped(client, shared_cache, redis_server):
    redis_server.stop()
    call_command("load_demo", stdout=open("/dev/null", "w"))

    for url in ("/", "/frivilligopgaver/", "/erfaringer/", "/organisationer/"):
        assert client.get(url).status_code == 200, url


def test_an_opportunity_published_while_redis_is_down_is_listed(
    client, shared_cache, redis_server, site, organisation, django_capture_on_commit_callbacks
):
    assert client.get("/frivilligopgaver/").context["result_count"] == 1
    redis_server.stop()
    assert client.get("/frivilligopgaver/").context["result_count"] == 1
    with django_capture_on_commit_callbacks(execute=True):
        make_opportunity(organisation, title="Spiseven til Erik")

    response = client.get("/frivilligopgaver/")

    assert response.status_code == 200
    assert response.context["result_count"] == 2
