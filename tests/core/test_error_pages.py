"""The pages a visitor meets when something is missing or broken: Danish, in the site's layout."""

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.db import DatabaseError
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns

from .redis_server import free_port


def broken_view(request):
    raise DatabaseError("the database server has gone away")


urlpatterns = [
    path("fejl-i-test/", broken_view),
    *i18n_patterns(path("fejl-paa-sproget/", broken_view), prefix_default_language=False),
    *portal_urlpatterns,
]


def _broken_cache(settings):
    settings.DEBUG = False
    settings.CACHES = {"default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
    }}


@pytest.mark.django_db
def test_a_missing_page_is_a_danish_404_with_search_and_a_way_back(client, home, settings):
    settings.DEBUG = False
    response = client.get("/findes-ikke/")

    assert response.status_code == 404
    body = response.content.decode()
    assert "Siden findes ikke" in body
    assert 'action="/soeg/"' in body
    assert 'href="/frivilligopgaver/"' in body and 'href="/">Til forsiden' in body


@pytest.mark.urls(__name__)
def test_a_server_error_is_a_danish_500_made_without_the_database_or_the_cache(
    client, settings
):
    """No database access is allowed in this test, and every cache call would fail."""
    _broken_cache(settings)
    client.raise_request_exception = False

    response = client.get("/fejl-i-test/")

    assert response.status_code == 500
    body = response.content.decode()
    assert "Beklager, der skete en fejl hos os" in body
    assert 'action="/soeg/"' in body and 'href="/">Til forsiden' in body
    assert "public" not in response.headers.get("Cache-Control", "")


@pytest.mark.urls(__name__)
def test_a_server_error_under_en_is_in_english_and_links_stay_english(client, settings):
    _broken_cache(settings)
    client.raise_request_exception = False

    response = client.get("/en/fejl-paa-sproget/")

    assert response.status_code == 500
    body = response.content.decode()
    assert '<html lang="en">' in body
    assert "Sorry, something went wrong on our side" in body
    assert 'href="/en/">To the home page' in body
    assert 'action="/en/soeg/"' in body and 'href="/en/frivilligopgaver/"' in body

