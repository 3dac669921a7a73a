"""What browsers, crawlers and link previews ask of every site: an icon, robots.txt,
a sitemap on the real host, and a description of each page."""

from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site

from tests.cases.factories import CasePageFactory, GuidePageFactory, ToolPageFactory
from tests.factories import (
    CaseIndexPageFactory,
    OpportunityIndexPageFactory,
    OrganisationIndexPageFactory,
    OrganisationPageFactory,
    StandardPageFactory,
    ToolIndexPageFactory,
    home_page,
)
from tests.opportunities.factories import OpportunityPageFactory

pytestmark = pytest.mark.django_db
DEFAULT = ("Bindeled samler frivilligopgaver, erfaringer og digitale værktøjer til det "
           "sociale frivillige arbejde i Danmark.")


@pytest.fixture
def public_address(settings):
    settings.WAGTAILADMIN_BASE_URL = "https://bindeled.dk"


def site_with_host(hostname, port=443):
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = hostname, port
    site.save()


def test_the_favicon_is_a_real_icon_kept_for_a_week(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # an ICO header with one image
    assert response["Cache-Control"] == "public, max-age=604800"
    assert client.head("/favicon.ico").status_code == 200


def test_every_page_names_its_icons(client):
    html = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/icons/favicon.svg" type="image/svg+xml">' in html
    assert '<link rel="icon" href="/favicon.ico" sizes="32x32">' in html


def test_robots_txt_points_at_the_sitemap_on_the_public_host(client, public_address):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Cache-Control"] == "public, max-age=3600"
    assert response.content.decode().splitlines() == [
        "User-agent: *", "Disallow: /admin/", "Sitemap: https://bindeled.dk/sitemap.xml"]


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    return [loc.text for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]


def test_the_sitemap_uses_the_public_address_while_the_site_has_the_placeholder(
        client, public_address):
    site_with_host("localhost", 80)
    StandardPageFactory(parent=home_page(), slug="om")
    assert sitemap_locations(client) == ["https://bindeled.dk/", "https://bindeled.dk/om/"]


def test_a_real_hostname_on_the_site_wins(client, public_address):
    site_with_host("www.bindeled.dk")
    StandardPageFactory(parent=home_page(), slug="om")
    assert sitemap_locations(client) == ["https://www.bindeled.dk/", "https://www.bindeled.dk/om/"]
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: https://www.bindeled.dk/sitemap.xml" in robots


def descriptions(client, url):
    response = client.get(url)
    assert response.status_code == 200
    head = BeautifulSoup(response.content.decode(), "html.parser").head
    found = [meta["content"] for meta in head.select('meta[name="description"]')]
    social = [meta["content"] for meta in head.select('meta[property="og:description"]')]
    assert len(found) == 1 and social == found
    return found[0]


@pytest.fixture
def tree():
    home = home_page()
    home.lead = "Find en opgave, der passer til din tid."
    home.save_revision().publish()
    index = OrganisationIndexPageFactory(parent=home, intro="<p>Alle <b>partnere</b>.</p>")
    organisation = OrganisationPageFactory(parent=index, summary="Vi besøger ældre.")
    return {
        "home": home,
        "organisation index": index,
        "organisation": organisation,
        "opportunity index": OpportunityIndexPageFactory(parent=home, intro="<p>Opgaver.</p>"),
        "case index": CaseIndexPageFactory(parent=home, intro="<p>Erfaringer.</p>"),
        "tool index": ToolIndexPageFactory(parent=home, intro=""),
        "opportunity": OpportunityPageFactory(parent=organisation, summary="Bliv besøgsven."),
        "case": CasePageFactory(parent=organisation, summary="En case."),
        "guide": GuidePageFactory(parent=organisation, summary="En vejledning."),
        "tool": ToolPageFactory(parent=organisation, summary="Et værktøj."),
        "standard": StandardPageFactory(parent=home, intro="Om Bindeled."),
    }


def test_each_page_type_describes_itself_from_its_summary_or_introduction(client, tree):
    expected = {
        "home": "Find en opgave, der passer til din tid.",
        "organisation index": "Alle partnere.",
        "organisation": "Vi besøger ældre.",
        "opportunity index": "Opgaver.",
        "case index": "Erfaringer.",
        "tool index": DEFAULT,
        "opportunity": "Bliv besøgsven.",
        "case": "En case.",
        "guide": "En vejledning.",
        "tool": "Et værktøj.",
        "standard": "Om Bindeled.",
    }
    assert {name: descriptions(client, page.url) for name, page in tree.items()} == expected


def test_the_editors_search_description_comes_first(client, tree):
    for name in ("home", "case index", "opportunity", "standard"):
        page = tree[name]
        page.search_description = f"Til søgemaskinerne: {name}."
        page.save_revision().publish()
        assert descriptions(client, page.url) == f"Til søgemaskinerne: {name}."


def test_a_long_summary_is_cut_to_what_search_engines_show(client, tree):
    page = tree["standard"]
    page.intro = "Ord " * 100
    page.save_revision().publish()
    text = descriptions(client, page.url)
    assert len(text) == 160 and text.endswith("…")


@pytest.mark.parametrize("url", ["/bestil-frivillig/", "/soeg/"])
def test_pages_without_a_page_of_their_own_have_the_default(client, tree, url):
    assert descriptions(client, url) == DEFAULT
