"""Only the widget may be framed, by any site; it sets no cookie; the page cache keeps it so."""

import pytest

pytestmark = pytest.mark.django_db

WIDGET = "/indlejr/frivilligopgaver/?kommune=aalborg"


def directives(response):
    policy = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())


def test_the_widget_may_be_framed_by_any_site(client, opportunities):
    response = client.get(WIDGET)

    assert directives(response)["frame-ancestors"] == "*"
    assert "X-Frame-Options" not in response
    # The rest of the strict policy stays.
    assert directives(response)["script-src"] == "'self'"
    assert directives(response)["default-src"] == "'self'"


@pytest.mark.parametrize("url", ["/", "/frivilligopgaver/", "/indlejr/", "/indlejr/?antal=3",
                                 "/soeg/?q=ven"])
def test_every_other_page_keeps_frame_ancestors_none_and_deny(client, opportunities, url):
    response = client.get(url)

    assert response.status_code == 200, url
    assert directives(response)["frame-ancestors"] == "'none'", url
    assert response["X-Frame-Options"] == "DENY", url


@pytest.mark.parametrize("url", [WIDGET, "/indlejr/frivilligopgaver/?antal=nul&kommune=%00"])
def test_the_widget_sets_no_cookie(client, opportunities, url):
    response = client.get(url)

    assert response.status_code == 200
    assert not response.cookies
    assert "Set-Cookie" not in str(response.serialize_headers())
    assert "public" in response["Cache-Control"]


def test_a_kept_widget_is_replayed_with_its_own_policy_and_no_cookie(
        client, opportunities, settings):
    settings.PAGE_CACHE_SECONDS = 300
    first = client.get(WIDGET)
    again = client.get(WIDGET)
    client.get("/frivilligopgaver/")
    listing_again = client.get("/frivilligopgaver/")

    assert (first["X-Page-Cache"], again["X-Page-Cache"]) == ("miss", "hit")
    assert again.content == first.content
    assert directives(again)["frame-ancestors"] == "*"
    assert "X-Frame-Options" not in again
    assert not again.cookies
    assert listing_again["X-Page-Cache"] == "hit"
    assert directives(listing_again)["frame-ancestors"] == "'none'"
    assert listing_again["X-Frame-Options"] == "DENY"
