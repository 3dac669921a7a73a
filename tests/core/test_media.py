"""Uploaded files are served by the app only when asked to (SERVE_MEDIA) or in development."""

import importlib

import pytest
from django.test import override_settings
from django.urls import clear_url_caches

import portal.urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def uploaded(tmp_path):
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "logo.txt").write_text("et logo")
    return tmp_path


def reloaded_urls():
    clear_url_caches()
    importlib.reload(portal.urls)


@pytest.fixture
def urls_after():
    yield
    reloaded_urls()


@pytest.mark.parametrize(("serve_media", "status"), [(True, 200), (False, 404)])
def test_uploads_are_served_only_when_the_app_is_told_to(
        client, uploaded, urls_after, serve_media, status):
    with override_settings(DEBUG=False, SERVE_MEDIA=serve_media, MEDIA_ROOT=uploaded):
        reloaded_urls()
        response = client.get("/media/images/logo.txt")
        assert response.status_code == status
        if serve_media:
            assert b"".join(response.streaming_content) == b"et logo"
