"""Danish at /, English under /en/ with the same paths; the switcher; hreflang; fallback."""

import html as html_module
import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from tests.cases.factories import CasePageFactory
from tests.factories import OrganisationPageFactory, translate_page
from tests.funding.factories import FundingCallPageFactory
from tests.needs.factories import NeedPageFactory
from tests.opportunities.factories import OpportunityPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def opportunity(opportunity_index, organisation):
    return OpportunityPageFactory(parent=organisation, title="Besøgsven i Aalborg")


def translate(page, title):
    """An editor's live English translation, its untranslated parents published too."""
    return translate_page(page, publish_parents=True, title=title)


def html_lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def alternates(response):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"',
                           response.content.decode()))


def read_in(response, texts):
    """The language a screen reader reads each of ``texts`` in: the nearest ``lang``."""
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    found = {}
    for text in texts:
        element = soup.find(string=lambda string, text=text: string.strip() == text)
        found[text] = element.find_parent(attrs={"lang": True})["lang"]
    return found


def read_in_everywhere(response, text):
    """The languages a screen reader reads each occurrence of ``text`` in."""
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return {element.find_parent(attrs={"lang": True})["lang"]
            for element in soup.find_all(string=lambda string: string.strip() == text)}


def bylines(response):
    """The organisation each card names, and the ``lang`` it is marked with."""
    return sorted(re.findall(r'<p class="card__meta"><span((?: lang="da")?)>([^<]+)</span>',
                             response.content.decode()))


def switcher(response):
    html = response.content.decode()
    start = html.index('class="language-switcher"')
    return dict((lang, html_module.unescape(href)) for href, lang in re.findall(
        r'<a href="([^"]+)" hreflang="([^"]+)"', html[start:html.index("</nav>", start)]))


def test_danish_stays_at_the_root_without_vary_on_the_browser_language(client, home):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert html_lang(response) == "da"
    assert response["Content-Language"] == "da"
    assert "Accept-Language" not in response.get("Vary", "")


@pytest.mark.parametrize("path", ["/soeg/?q=besøg", "/bestil-frivillig/", "/tal/",
                                  "/aaben-data/", "/opgaveagent/", "/indlejr/"])
def test_the_sites_own_views_answer_in_english_under_en(client, home, path):
    response = client.get("/en" + path)

    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    assert html_lang(response) == "en"


def test_data_and_admin_addresses_have_no_english_prefix(client, home):
    assert client.get("/api/v1/opportunities/").status_code == 200
    assert client.get("/en/api/v1/opportunities/").status_code == 404
    with translation.override("en"):
        assert reverse("sitemap") == "/sitemap.xml"
        assert reverse("search") == "/en/soeg/"


def test_the_switcher_keeps_the_visitor_on_the_same_view_with_its_filters(client, home):
    danish = client.get("/soeg/?q=bes%C3%B8gsven&side=2")
    english = client.get("/en/soeg/?q=bes%C3%B8gsven&side=2")

    assert switcher(danish) == {"en": "/en/soeg/?q=bes%C3%B8gsven&side=2"}
    assert switcher(english) == {"da": "/soeg/?q=bes%C3%B8gsven&side=2"}


def test_a_view_names_both_languages_as_alternates(client, home):
    response = client.get("/tal/")

    assert alternates(response) == {
        "da": "http://testserver/tal/",
        "en": "http://testserver/en/tal/",
        "x-default": "http://testserver/tal/",
    }


def test_the_main_menu_stays_in_english_under_en(client, home):
    html = client.get("/en/tal/").content.decode()
    menu = html[html.index('class="site-nav"'):]
    menu = menu[:menu.index("</nav>")]

    assert re.findall(r'href="([^"]+)"', menu) == [
        "/en/frivilligopgaver/", "/en/bestil-frivillig/", "/en/erfaringer/",
        "/en/vaerktoejer/", "/en/organisationer/", "/en/stoette/",
    ]


def test_an_untranslated_page_is_shown_in_danish_under_en_with_a_notice(
    client, opportunity, organisation
):
    # Its organisation is translated, so the English tree exists without this page.
    translate(organisation, "The Visiting Friends")

    response = client.get("/en" + opportunity.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert html_lang(response) == "en"
    assert '<main id="main" tabindex="-1">' in html
    assert '<h1 lang="da">Besøgsven i Aalborg</h1>' in html
    # The page's own text is Danish; the interface around it (the offer form too) is not.
    assert read_in(response, [
        "This page has not been translated yet, so it is shown in Danish.",
        opportunity.summary, "Facts", "I would like to help", "Name", "Send sign-up",
        "Besøgsven i Aalborg",
    ]) == {
        "This page has not been translated yet, so it is shown in Danish.": "en",
        opportunity.summary: "da", "Facts": "en", "I would like to help": "en", "Name": "en",
        "Send sign-up": "en", "Besøgsven i Aalborg": "da",
    }
    # Only the Danish page exists, so it alone is the alternate and the canonical address.
    danish = opportunity.get_full_url()
    assert alternates(response) == {"da": danish, "x-default": danish}
    assert f'<link rel="canonical" href="{danish}">' in html
    # Its breadcrumbs keep the visitor in English.
    trail = html[html.index('class="breadcrumbs"'):]
    assert f'href="/en{organisation.url}"' in trail[:trail.index("</nav>")]


def test_an_untranslated_pages_breadcrumbs_name_its_ancestors_by_their_english_titles(
    client, opportunity, organisation
):
    translate(organisation, "The Visiting Friends")

    response = client.get("/en" + opportunity.url)

    soup = BeautifulSoup(response.content.decode(), "html.parser")
    crumbs = [(link.get_text(), link["href"], link.get("lang"))
              for link in soup.select(".breadcrumbs a")]
    assert crumbs[-1] == ("The Visiting Friends", "/en" + organisation.url, None)
    assert {lang for _title, _href, lang in crumbs} == {None}
    assert soup.select_one('.breadcrumbs [aria-current="page"]')["lang"] == "da"


def test_an_untranslated_ancestor_in_the_breadcrumbs_keeps_its_danish_title_marked(
    client, opportunity, organisation, opportunity_index
):
    # The English tree exists, but not the organisation's page in it.
    translate(opportunity_index, "Volunteer opportunities")

    response = client.get("/en" + opportunity.url)

    soup = BeautifulSoup(response.content.decode(), "html.parser")
    crumbs = [(link.get_text(), link["href"], link.get("lang"))
              for link in soup.select(".breadcrumbs a")]
    assert crumbs[-1] == (organisation.title, "/en" + organisation.url, "da")


def test_a_page_of_a_site_nobody_has_translated_is_shown_in_danish_under_en(
    client, opportunity
):
    response = client.get("/en" + opportunity.url)

    assert response.status_code == 200
    assert '<p class="language-notice">' in response.content.decode()
    assert '<h1 lang="da">Besøgsven i Aalborg</h1>' in response.content.decode()


def test_an_untranslated_page_is_a_plain_danish_page_at_its_danish_address(
    client, opportunity
):
    html = client.get(opportunity.url).content.decode()

    assert '<main id="main" tabindex="-1">' in html
    assert "language-notice" not in html


def test_a_translated_page_is_served_in_english_at_the_same_path(
    client, opportunity, home
):
    translated = translate(opportunity, "Visiting friend in Aalborg")

    assert translated.url == "/en" + opportunity.url
    response = client.get(translated.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert html_lang(response) == "en"
    assert "Visiting friend in Aalborg" in html
    assert "language-notice" not in html
    assert alternates(response) == {
        "da": opportunity.get_full_url(),
        "en": translated.get_full_url(),
        "x-default": opportunity.get_full_url(),
    }
    assert switcher(response) == {"da": opportunity.url}
    assert switcher(client.get(opportunity.url)) == {"en": translated.url}


def test_a_draft_translation_leaves_the_danish_page_under_en(client, opportunity):
    translated = translate(opportunity, "Visiting friend in Aalborg")
    translated.unpublish()

    html = client.get("/en" + opportunity.url).content.decode()

    assert "Besøgsven i Aalborg" in html
    assert "language-notice" in html


def test_an_address_neither_language_has_is_a_404_under_en(client, opportunity):
    translate(opportunity, "Visiting friend in Aalborg")

    assert client.get("/en/organisationer/findes-ikke/").status_code == 404
    assert client.get("/en" + opportunity.url + "findes-ikke/").status_code == 404


def test_the_footer_is_kept_once_per_language(client, home):
    client.get("/tal/")

    html = client.get("/en/tal/").content.decode()
    footer = html[html.index('class="site-footer"'):]
    assert 'href="/en/tal/"' in footer


def test_the_sitemap_lists_a_translated_page_in_both_languages_with_alternates(
    client, opportunity, organisation_index
):
    OrganisationPageFactory(parent=organisation_index, title="Vågekonerne")
    translate(opportunity, "Visiting friend in Aalborg")

    xml = client.get("/sitemap.xml").content.decode()

    danish, english_url = (f"http://testserver{opportunity.url}",
                           f"http://testserver/en{opportunity.url}")
    assert xml.count(f"<loc>{danish}</loc>") == 1
    assert xml.count(f"<loc>{english_url}</loc>") == 1
    # Each of the two names both, and Danish as the default.
    assert xml.count(f'hreflang="en" href="{english_url}"') == 2
    assert xml.count(f'hreflang="x-default" href="{danish}"') == 2
    # An untranslated page is listed once, in Danish, and the English copies of
    # the parents made for the translation are not listed as pages of their own.
    assert xml.count("/en/organisationer/vaagekonerne/") == 0


def test_a_listing_under_en_marks_the_danish_text_of_untranslated_cards(
    client, opportunity, organisation
):
    other = OpportunityPageFactory(parent=organisation, title="Lektiehjælp i Vejle")
    translate(opportunity, "Visiting friend in Aalborg")

    html = client.get("/en/frivilligopgaver/").content.decode()

    titles = {title: lang for lang, title in re.findall(
        r'<h3 class="card__title"((?: lang="da")?)><a href="[^"]+">([^<]+)</a>', html)}
    assert titles == {"Visiting friend in Aalborg": "", other.title: ' lang="da"'}


def test_cards_under_en_name_their_organisation_in_english_or_mark_it_danish(
    client, opportunity, organisation, organisation_index
):
    other = OrganisationPageFactory(parent=organisation_index, title="Vågekonerne")
    OpportunityPageFactory(parent=other, title="Nattevagt i Odense")
    translate(organisation, "The Visiting Friends")

    assert bylines(client.get("/frivilligopgaver/")) == [
        ("", "Besøgsvennerne"), ("", "Vågekonerne")]
    assert bylines(client.get("/en/frivilligopgaver/")) == [
        ("", "The Visiting Friends"), (' lang="da"', "Vågekonerne")]


def test_case_cards_under_en_name_their_organisation_in_english_or_mark_it_danish(
    client, case_index, organisation, organisation_index
):
    other = OrganisationPageFactory(parent=organisation_index, title="Vågekonerne")
    CasePageFactory(parent=organisation)
    CasePageFactory(parent=other)
    translate(organisation, "The Visiting Friends")

    assert bylines(client.get("/en/erfaringer/")) == [
        ("", "The Visiting Friends"), (' lang="da"', "Vågekonerne")]


def links_in(response, section_start):
    """The addresses and link texts of the section that begins with ``section_start``."""
    html = response.content.decode()
    start = html.index(section_start)
    section = html[start:html.index("</section>", start)]
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', section)


def test_an_english_profile_links_its_calls_and_needs_in_english(
    client, organisation, home
):
    call = FundingCallPageFactory(parent=organisation, title="Puljen til nærvær")
    need = NeedPageFactory(parent=organisation, title="Vi søger en kasserer")
    translate(call, "The closeness fund")

    response = client.get("/en" + organisation.url)

    assert links_in(response, 'id="org-calls-heading"') == [
        ("/en" + call.url, "The closeness fund")]
    assert links_in(response, 'id="org-needs-heading"') == [("/en" + need.url, need.title)]
    assert f'<a href="/en{need.url}" lang="da">' in response.content.decode()


def test_the_search_pages_sections_link_in_the_visitors_language(client, home):
    sections = ["/frivilligopgaver/", "/erfaringer/", "/vaerktoejer/", "/organisationer/"]

    def addresses(response):
        return [url for url, _text in re.findall(
            r'<a href="([^"]+)">([^<]+)</a>', response.content.decode().split(
                'class="search-sections"')[1].split("</ul>")[0])]

    assert addresses(client.get("/soeg/?q=zzqxv")) == sections
    assert addresses(client.get("/en/soeg/?q=zzqxv")) == ["/en" + path for path in sections]


def danish_links(response):
    """Addresses in the page's main part that leave the visitor's English for Danish."""
    html = response.content.decode()
    main = html[html.index("<main"):html.index("</main>")]
    return [url for url in re.findall(r'(?:href|action)="(/[^"]*)"', main)
            if not url.startswith(("/en/", "/static/", "/media/"))]


def test_english_pages_keep_their_links_in_english(client, home, opportunity, organisation):
    FundingCallPageFactory(parent=organisation, title="Puljen til nærvær")
    NeedPageFactory(parent=organisation, title="Vi søger en kasserer")

    for path in ("/", opportunity.url, organisation.url):
        assert danish_links(client.get("/en" + path)) == [], path
