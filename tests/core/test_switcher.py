"""The language switcher, ``<html lang>``, hreflang and the fallback on every public page type.

Each page type is tried untranslated and translated; each of the site's own
views (search, forms, figures…) in both languages. A page type or a view
added later must be given an example here, or the completeness tests fail.
"""

import html as html_module
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern
from wagtail.models import Page, get_page_models

from portal.home.models import HomePage
from tests.cases.factories import CasePageFactory, GuidePageFactory, ToolPageFactory, category
from tests.factories import (
    CaseIndexPageFactory,
    OpportunityIndexPageFactory,
    OrganisationIndexPageFactory,
    StandardPageFactory,
    ToolIndexPageFactory,
    home_page,
    organisation_page,
    translate_page,
)
from tests.funding.factories import FundingCallIndexPageFactory, FundingCallPageFactory
from tests.needs.factories import NeedPageFactory
from tests.opportunities.factories import OpportunityPageFactory

pytestmark = pytest.mark.django_db

NOTICE = '<p class="language-notice">'


# One example of each page type, and the query string a visitor may have on its
# address (a listing's filters), which the switcher must keep.
PAGE_EXAMPLES = {
    "home.HomePage": (home_page, "?fra=nyhedsbrev"),
    "home.StandardPage": (lambda: StandardPageFactory(parent=home_page(), title="Om Bindeled"),
                          ""),
    "organisations.OrganisationIndexPage": (
        lambda: OrganisationIndexPageFactory(parent=home_page()), "?region=nordjylland"),
    "organisations.OrganisationPage": (organisation_page, ""),
    "opportunities.OpportunityIndexPage": (
        lambda: OpportunityIndexPageFactory(parent=home_page()),
        "?kommune=aalborg&sprog=engelsk"),
    "opportunities.OpportunityPage": (
        lambda: OpportunityPageFactory(
            parent=organisation_page(), title="Besøgsven i Aalborg"), ""),
    "cases.CaseIndexPage": (lambda: CaseIndexPageFactory(parent=home_page()), "?type=case"),
    "cases.CasePage": (lambda: CasePageFactory(parent=organisation_page()), ""),
    "cases.GuidePage": (lambda: GuidePageFactory(parent=organisation_page()), ""),
    "toolshare.ToolIndexPage": (lambda: ToolIndexPageFactory(parent=home_page()),
                                "?q=vagtplan"),
    "toolshare.ToolPage": (lambda: ToolPageFactory(
        parent=organisation_page(), categories=[category("vagtplaner")]), ""),
    "funding.FundingCallIndexPage": (lambda: FundingCallIndexPageFactory(parent=home_page()),
                                     "?kommune=aalborg"),
    "funding.FundingCallPage": (lambda: FundingCallPageFactory(parent=organisation_page()), ""),
    "needs.NeedPage": (lambda: NeedPageFactory(parent=organisation_page()), ""),
}

# The site's own views under /en/, with a query string a visitor may have.
VIEW_EXAMPLES = {
    "search": "/soeg/?q=bes%C3%B8gsven&side=2",
    "open_data": "/aaben-data/",
    "embed:builder": "/indlejr/?kommune=aalborg",
    "matching:referral": "/bestil-frivillig/?municipality=aalborg&activity=besoegsven",
    "figures": "/tal/?sted=kommune-aalborg",
    "alerts:subscribe": "/opgaveagent/?kommune=aalborg&sprog=engelsk",
    "alerts:check_mail": "/opgaveagent/tjek-din-mail/",
}
# Views without an address of their own to switch: data for scripts, the widget
# another site frames (it has no header), the pages behind a token from a mail,
# Wagtail's pages (PAGE_EXAMPLES) and its sign-in for private pages (the site has none).
NOT_PAGES = {"search_suggest", "embed:widget", "figure_download", "matching:offer",
             "matching:receipt", "matching:withdraw", "matching:cancel_shift",
             "matching:take_place", "matching:followup", "alerts:confirm",
             "alerts:unsubscribe", "wagtail_serve", "wagtailcore_authenticate_with_password",
             "wagtailcore_login"}

# The page types editors can make, and the home page the site is born with.
PAGE_TYPES = sorted(
    model._meta.label
    for model in get_page_models()
    if model is not Page and (model.is_creatable or model is HomePage)
)


def _named_views(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _named_views(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield namespace + pattern.name


def localized_views():
    """The named views under /en/ as well as at / (Wagtail's pages have no name)."""
    return sorted(name for resolver in get_resolver().url_patterns
                  if isinstance(resolver, URLResolver)
                  and isinstance(resolver.pattern, LocalePrefixPattern)
                  for name in _named_views([resolver]))


def html_lang(html):
    return re.search(r'<html lang="([^"]+)"', html).group(1)


def main_tag(html):
    return re.search(r"<main [^>]*>", html).group(0)


def heading_lang(html):
    """The ``lang`` the page's ``<h1>`` gives itself, or None."""
    found = re.search(r'<h1[^>]* lang="([^"]+)"[^>]*>', html)
    return found and found.group(1)


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))


def canonical(html):
    found = re.search(r'<link rel="canonical" href="([^"]+)">', html)
    return found and found.group(1)


def switcher(html):
    start = html.index('class="language-switcher"')
    return dict((lang, html_module.unescape(href)) for href, lang in re.findall(
        r'<a href="([^"]+)" hreflang="([^"]+)"', html[start:html.index("</nav>", start)]))


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def test_every_page_type_has_a_switcher_example():
    assert sorted(PAGE_EXAMPLES) == PAGE_TYPES


def test_every_view_with_an_english_address_has_a_switcher_example():
    assert sorted([*VIEW_EXAMPLES, *NOT_PAGES]) == localized_views()


@pytest.mark.parametrize("label", PAGE_TYPES)
def test_an_untranslated_page_switches_to_its_danish_text_under_en(client, label):
    make, query = PAGE_EXAMPLES[label]
    page = make()
    danish_url, english_url = page.url + query, "/en" + page.url + query
    only_danish = {"da": page.get_full_url(), "x-default": page.get_full_url()}

    danish = get(client, danish_url)
    english = get(client, english_url)

    assert (html_lang(danish), switcher(danish), alternates(danish)) == (
        "da", {"en": english_url}, only_danish)
    assert NOTICE not in danish and main_tag(danish) == '<main id="main" tabindex="-1">'
    assert (html_lang(english), switcher(english), alternates(english)) == (
        "en", {"da": danish_url}, only_danish)
    # Only the page's own text is Danish; the notice and the interface around it are not.
    assert main_tag(english) == '<main id="main" tabindex="-1">'
    assert (heading_lang(danish), heading_lang(english)) == (None, "da")
    assert NOTICE in english and canonical(english) == page.get_full_url()


@pytest.mark.parametrize("label", PAGE_TYPES)
def test_a_translated_page_switches_to_its_english_translation(client, label):
    make, query = PAGE_EXAMPLES[label]
    page = make()
    translated = translate_page(page, publish_parents=True, title="In English")
    danish_url, english_url = page.url + query, translated.url + query
    both = {"da": page.get_full_url(), "en": translated.get_full_url(),
            "x-default": page.get_full_url()}

    danish = get(client, danish_url)
    english = get(client, english_url)

    assert translated.url == "/en" + page.url
    assert (html_lang(danish), switcher(danish), alternates(danish)) == (
        "da", {"en": english_url}, both)
    assert (html_lang(english), switcher(english), alternates(english)) == (
        "en", {"da": danish_url}, both)
    assert main_tag(english) == '<main id="main" tabindex="-1">'
    assert heading_lang(english) is None
    assert NOTICE not in english and canonical(english) is None
    assert "In English" in english


@pytest.mark.parametrize("name", sorted(VIEW_EXAMPLES))
def test_a_view_switches_between_its_two_addresses(client, home, name):
    danish_url = VIEW_EXAMPLES[name]
    english_url = "/en" + danish_url
    path = danish_url.split("?")[0]
    both = {"da": f"http://testserver{danish_url}", "en": f"http://testserver{english_url}",
            "x-default": f"http://testserver{danish_url}"}

    danish = get(client, danish_url)
    english = get(client, english_url)

    assert (html_lang(danish), switcher(danish)) == ("da", {"en": english_url}), path
    assert (html_lang(english), switcher(english)) == ("en", {"da": danish_url}), path
    assert {key: html_module.unescape(url) for key, url in alternates(danish).items()} == both
    assert {key: html_module.unescape(url) for key, url in alternates(english).items()} == both
    assert NOTICE not in english and main_tag(english) == '<main id="main" tabindex="-1">'
