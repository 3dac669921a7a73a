"""The pages a visitor meets when something is missing or broken: Danish, in the site's layout."""

import pytest
from django.db import DatabaseError
from django.urls import path

from portal.urls import urlpatterns as portal_urlpatterns

from .redis_server import free_port


def broken_view(request):
    raise DatabaseError("the database server has gone away")


urlpatterns = [path("fejl-i-test/", broken_view), *portal_urlpatterns]


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
    settings.DEBUG = False
    settings.CACHES = {"default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
    }}
    client.raise_request_exception = False

    response = client.get("/fejl-i-test/")

    assert response.status_code == 500
    body = response.content.decode()
    assert "Beklager, der skete en fejl hos os" in body
    assert 'action="/soeg/"' in body and 'href="/">Til forsiden' in body
    assert "public" not in response.headers.get("Cache-Control", "")
