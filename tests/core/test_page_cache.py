"""Public pages are kept whole in the shared cache, and a change shows at once.

The test settings turn the page cache off for every other test (they read
each response's context); these turn it on.
"""

import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from portal.core.models import Activity
from portal.core.page_cache import GENERATION_KEY, GENERATION_TRUSTED_SECONDS
from tests.factories import OrganisationPageFactory
from tests.matching.conftest import make_opportunity, make_shift, offer_data

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ("/", "/frivilligopgaver/", "/frivilligopgaver/?kommune=aalborg&type=regular",
                "/erfaringer/", "/vaerktoejer/", "/organisationer/", "/soeg/?q=Inger")


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def site(home, opportunity_index, case_index, tool_index, organisation):
    return make_opportunity(organisation, title="Besøgsven til Inger")


def kept(response):
    return response.headers.get("X-Page-Cache")


def test_a_repeat_visit_to_any_public_page_is_answered_without_the_database(client, site):
    for url in (*PUBLIC_PAGES, site.get_parent().url):
        first = client.get(url)
        with CaptureQueriesContext(connection) as queries:
            again = client.get(url)

        assert (first.status_code, kept(first)) == (200, "miss"), url
        assert (again.status_code, kept(again)) == (200, "hit"), url
        assert again.content == first.content, url
        assert len(queries) == 0, url


def test_a_published_change_shows_on_the_next_visit(client, site):
    organisation = site.get_parent().url
    for url in ("/frivilligopgaver/", organisation):
        assert "Besøgsven til Inger" in client.get(url).content.decode()
        assert kept(client.get(url)) == "hit"

    site.title = "Spiseven til Inger"
    site.save_revision().publish()

    for url in ("/frivilligopgaver/", organisation):
        response = client.get(url)
        assert kept(response) == "miss", url
        assert "Spiseven til Inger" in response.content.decode(), url


def test_unpublishing_and_moving_take_effect_at_once(client, site, organisation_index):
    client.get("/frivilligopgaver/")
    client.get(organisation_index.url)
    other = OrganisationPageFactory(parent=organisation_index, title="Spisevennerne")
    assert "Spisevennerne" in client.get(organisation_index.url).content.decode()

    site.move(other, pos="last-child")
    assert "Besøgsven til Inger" in client.get(other.url).content.decode()

    site.refresh_from_db()
    site.unpublish()
    assert "Besøgsven til Inger" not in client.get("/frivilligopgaver/").content.decode()
    assert "Besøgsven til Inger" not in client.get(other.url).content.decode()


def test_a_new_shift_and_a_place_taken_retire_the_kept_pages(client, site):
    listing = "/frivilligopgaver/"
    client.get(listing)
    assert kept(client.get(listing)) == "hit"

    shift = make_shift(site, capacity=2)
    assert kept(client.get(listing)) == "miss"

    shift.book("BL-TEST-1")
    assert kept(client.get(listing)) == "miss"
    assert kept(client.get(listing)) == "hit"

    shift.release("BL-TEST-1")
    assert kept(client.get(listing)) == "miss"


def test_a_taxonomy_change_retires_the_kept_pages(client, site):
    client.get("/frivilligopgaver/")
    Activity.objects.filter(slug="besoegsven").get().save()

    assert kept(client.get("/frivilligopgaver/")) == "miss"


def test_a_draft_saved_by_an_editor_keeps_the_kept_pages(client, site):
    client.get("/frivilligopgaver/")
    site.title = "Kladde"
    site.save_revision()

    hit = client.get("/frivilligopgaver/")
    assert kept(hit) == "hit"
    assert "Kladde" not in hit.content.decode()


def test_a_visitor_with_a_session_is_never_answered_from_the_cache(client, site, settings):
    client.get("/frivilligopgaver/")
    client.cookies[settings.SESSION_COOKIE_NAME] = "someone"

    response = client.get("/frivilligopgaver/")

    assert response.status_code == 200
    assert kept(response) is None


def test_a_signed_in_editors_page_is_never_kept_or_shown_to_visitors(admin_client, client, site):
    editors = admin_client.get("/frivilligopgaver/")
    visitors = client.get("/frivilligopgaver/")

    assert kept(editors) is None
    assert "no-store" in editors["Cache-Control"]
    assert kept(visitors) == "miss"
    assert "Log ud" not in visitors.content.decode()


def test_a_form_page_without_declared_visitor_values_is_never_kept_nor_compressed(client, site):
    for _ in range(2):
        form = client.get("/bestil-frivillig/", HTTP_ACCEPT_ENCODING="br, gzip")
        assert form.status_code == 200
        assert kept(form) is None
        assert not form.has_header("Content-Encoding")
        assert "no-store" in form["Cache-Control"]


def test_a_post_is_never_answered_from_the_cache(client, site):
    client.get(f"/tilmelding/{site.pk}/")
    response = client.post(f"/tilmelding/{site.pk}/", offer_data())

    assert response.status_code == 302


def test_each_encoding_and_query_is_kept_apart(client, site):
    plain = client.get("/frivilligopgaver/")
    brotli = client.get("/frivilligopgaver/", HTTP_ACCEPT_ENCODING="br")
    filtered = client.get("/frivilligopgaver/?type=oneoff")

    assert [kept(plain), kept(brotli), kept(filtered)] == ["miss", "miss", "miss"]
    assert brotli["Content-Encoding"] == "br"
    assert not plain.has_header("Content-Encoding")
    assert kept(client.get("/frivilligopgaver/", HTTP_ACCEPT_ENCODING="gzip, br")) == "hit"


def test_pages_are_kept_in_redis_and_made_afresh_while_it_is_down(
    client, shared_cache, redis_server, site
):
    assert kept(client.get("/")) == "miss"
    assert kept(client.get("/")) == "hit"

    redis_server.stop()
    # The process answers from its own copy until it asks Redis again.
    time.sleep(GENERATION_TRUSTED_SECONDS)
    for url in (*PUBLIC_PAGES, site.url):
        response = client.get(url)
        assert response.status_code == 200, url
        assert kept(response) is None, url


def test_a_change_made_while_redis_was_down_retires_the_pages_kept_before(
    client, shared_cache, redis_server, site
):
    client.get("/frivilligopgaver/")
    redis_server.freeze()
    site.title = "Spiseven til Inger"
    site.save_revision().publish()  # its new generation is lost with the server
    redis_server.thaw()

    for _ in range(100):
        response = client.get("/frivilligopgaver/")
        if kept(response) is not None:
            break
    assert "Spiseven til Inger" in response.content.decode()


def test_a_page_made_private_is_no_longer_shown_from_the_kept_copy(client, site):
    assert kept(client.get(site.url)) == "miss"
    assert kept(client.get(site.url)) == "hit"

    PageViewRestriction.objects.create(page=site, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(site.url)

    assert response.status_code == 302
    assert response["Location"] == f"/_util/login/?next={site.url}"


def test_a_change_made_on_another_app_server_retires_this_ones_copy(client, site):
    assert kept(client.get(site.url)) == "miss"
    assert kept(client.get(site.url)) == "hit"

    # Another app server's publish starts a new generation in the shared cache only;
    # this process sees it when it next asks, within half a second.
    cache.set(GENERATION_KEY, "after-a-publish-elsewhere", None)
    time.sleep(GENERATION_TRUSTED_SECONDS)

    assert kept(client.get(site.url)) == "miss"
    assert kept(client.get(site.url)) == "hit"


def test_a_kept_page_keeps_its_language_and_answers_304(client, site):
    client.get("/en/soeg/", {"q": "Inger"})
    again = client.get("/en/soeg/", {"q": "Inger"})
    unchanged = client.get("/en/soeg/", {"q": "Inger"}, HTTP_IF_NONE_MATCH=again["ETag"])

    assert kept(again) == "hit"
    assert again["Content-Language"] == "en"
    assert unchanged.status_code == 304
