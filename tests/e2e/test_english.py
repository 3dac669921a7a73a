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

# An organisation is a card of its own on /en/organisationer/, and elsewhere the byline
# of the cards of what it publishes.
CARD_TYPES = (OpportunityPage, KnowledgePage, ToolPage, FundingCallPage, OrganisationPage)
ENGLISH_LISTINGS = ["/en/", "/en/frivilligopgaver/", "/en/erfaringer/", "/en/vaerktoejer/",
                    "/en/stoette/", "/en/soeg/?q=frivillig", "/en/organisationer/"]

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
    assert page.locator("main").get_attribute("lang") is None
    found = dict(languages_of(page, {danish.title, danish.summary}))
    assert found == {danish.title: "da", danish.summary: "da"}
    # The notice and the interface around the Danish text, the offer form too, are English.
    interface = {"This page has not been translated yet, so it is shown in Danish.", "Facts",
                 "Share the opportunity", "Email", "Send sign-up"}
    assert dict(languages_of(page, interface)) == dict.fromkeys(interface, "en")


def test_cards_of_untranslated_pages_on_english_listings_are_marked_danish(demo_site, page):
    english, untranslated = _english_and_untranslated(CARD_TYPES)
    wrong, seen = [], {"da": 0, "en": 0}
    for path in ENGLISH_LISTINGS:
        page.goto(demo_site.url + path)
        for language, texts in (("da", untranslated), ("en", english)):
            for text, lang in languages_of(page, texts):
                seen[language] += 1
                if lang != language:
                    wrong.append(f"{path}: {text!r} is read as {lang}")
    assert wrong == [], "\n".join(wrong)
    # The walk met both kinds of card, or it proved nothing.
    assert seen["da"] > 0 and seen["en"] > 0, seen
