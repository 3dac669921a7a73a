"""One example of each public page type of the demo, by a name for files and messages.

Looked up by type, not by slug, so a change to the demo's content does not
quietly drop a page type from the tests that walk them all.
"""

from urllib.parse import urlencode

from django.urls import reverse

from portal.cases.models import CasePage, GuidePage
from portal.core.translations import in_default_locale
from portal.funding.models import FundingCallPage
from portal.home.models import StandardPage
from portal.opportunities.models import OpportunityPage
from portal.organisations.models import OrganisationPage
from portal.toolshare.models import ToolIndexPage, ToolPage

LISTINGS = {
    "opportunities": "/frivilligopgaver/",
    "cases": "/erfaringer/",
    "tools": "/vaerktoejer/",
    "organisations": "/organisationer/",
    "funding": "/stoette/",
}


def _first(model):
    page = model.objects.live().public().order_by("path").first()
    assert page is not None, f"the demo has no live {model.__name__}"
    return page


def _first_english(model):
    page = model.objects.live().public().filter(locale__language_code="en").order_by("path").first()
    assert page is not None, f"the demo has no live English {model.__name__}"
    return page


def first_untranslated(model):
    """The first Danish page nobody has translated."""
    english = model.objects.live().filter(locale__language_code="en")
    page = (in_default_locale(model.objects.live().public())
            .exclude(translation_key__in=english.values("translation_key"))
            .order_by("path").first())
    assert page is not None, f"the demo has no untranslated {model.__name__}"
    return page


def english_pages():
    """What an English-speaking visitor meets: translated pages, the views under /en/,
    and a Danish page nobody has translated, shown under /en/ with a notice."""
    return {
        "en-home": "/en/",
        "en-listing-opportunities": "/en/frivilligopgaver/?" + urlencode({"sprog": "engelsk"}),
        # Mostly untranslated organisations: Danish cards on an English page.
        "en-listing-organisations": "/en/organisationer/",
        "en-opportunity": _first_english(OpportunityPage).url,
        "en-opportunity-untranslated": "/en" + first_untranslated(OpportunityPage).url,
        "en-case": _first_english(CasePage).url,
        "en-tool": _first_english(ToolPage).url,
        "en-search": "/en/soeg/?" + urlencode({"q": "volunteering"}),
        "en-referral-form": "/en" + reverse("matching:referral"),
        "en-figures": "/en/tal/",
    }


def public_pages():
    opportunity = _first(OpportunityPage)
    tools = ToolPage.objects.live().public().order_by("path")[:3]
    compare = _first(ToolIndexPage).url + "sammenlign/?" + urlencode(
        [("vaerktoej", tool.pk) for tool in tools])
    return {
        "home": "/",
        **{f"listing-{name}": path for name, path in LISTINGS.items()},
        "opportunity": opportunity.url,
        "case": _first(CasePage).url,
        "guide": _first(GuidePage).url,
        "tool": _first(ToolPage).url,
        "funding-call": _first(FundingCallPage).url,
        "compare": compare,
        "organisation": _first(OrganisationPage).url,
        "search": "/soeg/?" + urlencode({"q": "besøgsven"}),
        "referral-form": reverse("matching:referral") + "?municipality=aalborg&activity=besoegsven",
        # The offer form is part of the opportunity page; the anchor scrolls to it.
        "offer-form": opportunity.url + "#tilmelding",
        "standard": _first(StandardPage).url,
        "figures": "/tal/",
        "figures-municipality": "/tal/?sted=kommune-aalborg",
        "open-data": reverse("open_data"),
        "alert-form": reverse("alerts:subscribe") + "?kommune=aalborg",
        "widget-builder": reverse("embed:builder"),
        "widget": reverse("embed:widget") + "?kommune=aalborg",
        **english_pages(),
    }
