"""The demo in English: live translations of the pages the issue names, in English."""

import pytest
from wagtail.models import Page

from portal.cases.models import CasePage
from portal.home.models import HomePage, StandardPage
from portal.opportunities.models import OpportunityPage
from portal.toolshare.models import ToolPage

pytestmark = pytest.mark.django_db


def translations(model):
    """The English pages of ``model`` with their Danish pages, by translation key."""
    danish = model.objects.filter(locale__language_code="da")
    danish = {page.translation_key: page for page in danish}
    return [(page, danish.get(page.translation_key))
            for page in model.objects.filter(locale__language_code="en")]


@pytest.mark.parametrize(("model", "at_least"), [
    (HomePage, 1), (StandardPage, 1), (OpportunityPage, 10), (CasePage, 3), (ToolPage, 3),
])
def test_the_demo_has_live_english_translations(model, at_least):
    found = translations(model)
    # The site's name is the home page's title in both languages; its heading is not.
    words = "heading" if model is HomePage else "title"

    assert len(found) >= at_least
    for page, source in found:
        assert source is not None, page
        assert page.live and not page.has_unpublished_changes, page
        assert getattr(page, words) != getattr(source, words), page
        if model is not HomePage:
            assert page.slug == source.slug, page


def test_the_about_page_and_a_mix_of_opportunities_are_translated():
    assert StandardPage.objects.filter(locale__language_code="en", slug="om").exists()
    opportunities = [source for _page, source in translations(OpportunityPage)]
    assert len({activity.slug for page in opportunities for activity in page.activities.all()}) >= 6
    assert len({place.name for page in opportunities for place in page.municipalities.all()}) >= 6


def test_english_opportunities_share_the_danish_shifts():
    for page, _source in translations(OpportunityPage):
        assert not page.shifts.exists(), page
    assert any(source.shifts.exists() for _page, source in translations(OpportunityPage))


def test_the_danish_pages_stay_the_canonical_set():
    # Every English page translates a Danish page; none stands alone.
    english = Page.objects.filter(locale__language_code="en")
    danish_keys = set(Page.objects.filter(locale__language_code="da")
                      .values_list("translation_key", flat=True))

    assert english.exists()
    assert set(english.values_list("translation_key", flat=True)) <= danish_keys


def an_english_opportunity():
    english = OpportunityPage.objects.filter(locale__language_code="en").order_by("path").first()
    return english.url, english.title


@pytest.mark.parametrize("address", [
    lambda: ("/en/", "Lend a hand – when it suits you"),
    lambda: ("/en/om/", "About Bindeled"),
    an_english_opportunity,
], ids=["home", "about", "opportunity"])
def test_english_pages_answer_in_english(client, address):
    path, title = address()
    response = client.get(path)

    assert path.startswith("/en/")
    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()
    assert title in response.content.decode()
