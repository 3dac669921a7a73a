"""English pages in a real browser: Danish text shown under /en/ is marked lang="da".

A screen reader reads text in the language its nearest ``lang`` names, so a
Danish title on an English page without ``lang="da"`` is spoken with English
pronunciation. The Danish texts to look for come from the database: the
titles and summaries of the pages nobody has translated; the English ones are
the titles of the translations.
"""

import pytest

from portal.cases.models import KnowledgePage
from portal.funding.models import FundingCallPage
from portal.opportunities.models import OpportunityPage
from portal.organisations.models import OrganisationPage
from portal.toolshare.models import ToolPage

from .public_pages import first_untranslated

pytestmark = pytest.mark.e2e

CARD_TYPES = (OpportunityPage, KnowledgePage, ToolPage, FundingCallPage)
# Where each is a card of its own. An organisation's name is also a card's byline
# (its owner), which is not marked: see ORGANISATION_LISTING.
ENGLISH_LISTINGS = ["/en/", "/en/frivilligopgaver/", "/en/erfaringer/", "/en/vaerktoejer/",
                    "/en/stoette/", "/en/soeg/?q=frivillig"]
ORGANISATION_LISTING = "/en/organisationer/"

# The language each element whose whole text is one of ``texts`` is read in (the
# innermost such element, so a card's title link and not the card around it).
LANGUAGES_OF_TEXTS = """texts => {
    const wanted = new Set(texts);
    const found = [];
    for (const element of document.body.querySelectorAll('*')) {
        const text = element.textContent.trim();
        if (!wanted.has(text)) continue;
        if ([...element.children].some(child => child.textContent.trim() === text)) continue;
        found.push([text, element.closest('[lang]').lang]);
    }
    return found;
}"""


def _english_and_untranslated(models):
    english, untranslated = set(), set()
    for model in models:
        live = model.objects.live().public()
        translated = live.filter(locale__language_code="en")
        english |= set(translated.values_list("title", flat=True))
        danish = live.filter(locale__language_code="da").exclude(
            translation_key__in=translated.values("translation_key"))
        for title, summary in danish.values_list("title", "summary"):
            untranslated |= {title, summary.strip()} - {""}
    return english, untranslated


def languages_of(page, texts):
    return page.evaluate(LANGUAGES_OF_TEXTS, sorted(texts))


def test_the_untranslated_opportunity_under_en_is_marked_danish(demo_site, page):
    danish = first_untranslated(OpportunityPage)

    page.goto(demo_site.url + "/en" + danish.url)

    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("main").get_attribute("lang") == "da"
    assert page.locator(".language-notice").get_attribute("lang") == "en"
    found = languages_of(page, {danish.title, danish.summary})
    assert {text for text, _lang in found} == {danish.title, danish.summary}
    assert {lang for _text, lang in found} == {"da"}


def test_cards_of_untranslated_pages_on_english_listings_are_marked_danish(demo_site, page):
    walk = {path: _english_and_untranslated(CARD_TYPES) for path in ENGLISH_LISTINGS}
    walk[ORGANISATION_LISTING] = _english_and_untranslated([OrganisationPage])
    wrong, seen = [], {"da": 0, "en": 0}
    for path, (english, untranslated) in walk.items():
        page.goto(demo_site.url + path)
        for language, texts in (("da", untranslated), ("en", english)):
            for text, lang in languages_of(page, texts):
                seen[language] += 1
                if lang != language:
                    wrong.append(f"{path}: {text!r} is read as {lang}")
    assert wrong == [], "\n".join(wrong)
    # The walk met both kinds of card, or it proved nothing.
    assert seen["da"] > 0 and seen["en"] > 0, seen
