"""Public pages leave compressed (brotli or gzip) with an ETag; a repeat visit gets a 304."""

import gzip

import brotli
import pytest

from tests.matching.conftest import make_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home, opportunity_index, case_index, tool_index, organisation):
    return make_opportunity(organisation, title="Besøgsven til Inger")


def vary(response):
    return {part.strip().lower() for part in response["Vary"].split(",")}


def test_brotli_where_the_client_takes_it_and_gzip_otherwise(client, site):
    plain = client.get("/frivilligopgaver/")
    br = client.get("/frivilligopgaver/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    gz = client.get("/frivilligopgaver/", HTTP_ACCEPT_ENCODING="gzip")

    assert not plain.has_header("Content-Encoding")
    assert br["Content-Encoding"] == "br"
    assert gz["Content-Encoding"] == "gzip"
    assert brotli.decompress(br.content) == plain.content
    assert gzip.decompress(gz.content) == plain.content
    assert len(br.content) < len(plain.content) / 4
    for response in (plain, br, gz):
        assert "accept-encoding" in vary(response)


def test_a_page_with_a_csrf_token_is_not_compressed(client, site):
    response = client.get(site.url, HTTP_ACCEPT_ENCODING="br, gzip")

    assert "csrfmiddlewaretoken" in response.content.decode()
    assert not response.has_header("Content-Encoding")


def test_a_repeat_visit_with_the_etag_gets_a_304(client, site, settings):
    settings.PAGE_CACHE_SECONDS = 300
    for encoding in ("", "br"):
        first = client.get("/frivilligopgaver/", HTTP_ACCEPT_ENCODING=encoding)
        again = client.get("/frivilligopgaver/", HTTP_ACCEPT_ENCODING=encoding,
                           HTTP_IF_NONE_MATCH=first["ETag"])
        since = client.get("/frivilligopgaver/", HTTP_ACCEPT_ENCODING=encoding,
                           HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

        assert first.status_code == 200
        assert again.status_code == since.status_code == 304
        assert again.content == b""


def test_a_change_gives_a_new_etag(client, site, settings):
    settings.PAGE_CACHE_SECONDS = 300
    before = client.get("/frivilligopgaver/")["ETag"]
    site.title = "Spiseven til Inger"
    site.save_revision().publish()

    response = client.get("/frivilligopgaver/", HTTP_IF_NONE_MATCH=before)

    assert response.status_code == 200
    assert response["ETag"] != before
