"""/aaben-data/: the Danish page that explains the API, its licence, examples and the feeds.

Its examples are real: they name the site's own address and, where there are
any, an open opportunity and an organisation that exist, so a reader can paste
each ``curl`` line and get an answer (its tests run every one). The feeds are
looked up where they live (the listing pages' routes, the URL names), so the
page cannot point at an address that has moved.
"""

import shlex

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from portal.core.privacy import unrestricted
from portal.core.translations import in_default_locale
from portal.funding.models import FundingCallIndexPage
from portal.opportunities.filters import NEWEST_FIRST
from portal.opportunities.models import OpportunityIndexPage, OpportunityPage
from portal.organisations.models import OrganisationPage

from .http import LANGUAGE_PARAM


def curl(*arguments):
    return shlex.join(["curl", *arguments])


def examples(api_root, opportunity_id, organisation_id):
    """``(what it shows, the command)`` pairs; the ones that need an id only with one."""
    listing = f"{api_root}opportunities/"
    found = [
        (_("Åbne opgaver i Region Hovedstaden, enkeltstående eller ad hoc, uden krav om "
           "børneattest (tre filtre; et filter gentaget betyder “eller”):"),
         curl(f"{listing}?region=hovedstaden&type=one_off&type=ad_hoc&uden_boerneattest=true")),
        (_("Fritekst og kommune; curl koder æ, ø og å i adressen:"),
         curl("--get", listing, "--data-urlencode", "q=lektiehjælp",
              "--data-urlencode", "kommune=aalborg")),
        (_("100 opgaver ad gangen; næste side er adressen i “next”:"),
         curl(f"{listing}?limit=100")),
    ]
    if opportunity_id:
        found.append((_("Én opgave med vagter, og den samme som JSON-LD:"),
                      curl(f"{listing}{opportunity_id}/")))
        found.append(("", curl(f"{listing}{opportunity_id}.jsonld")))
    if organisation_id:
        found.append((_("Én organisation med CVR-nummer, og den med sine åbne opgaver som "
                        "JSON-LD:"), curl(f"{api_root}organisations/{organisation_id}/")))
        found.append(("", curl(f"{api_root}organisations/{organisation_id}.jsonld")))
    found += [
        (_("Kommunerne med deres slugs, kommunekoder og regioner:"),
         curl(f"{api_root}taxonomies/municipalities/")),
        (_("Se svarets ETag, og spørg igen med den: er intet ændret, er svaret "
           "304 uden indhold:"), curl("--include", f"{listing}?kommune=aalborg")),
        ("", curl("--include", "--header", 'If-None-Match: "ETAG"', f"{listing}?kommune=aalborg")),
        (_("Beskrivelsen af hele API'et (OpenAPI 3):"), curl(f"{api_root}openapi.json")),
    ]
    return found


def _index_feeds(model, feeds):
    """The RSS and calendar of the live listing page of ``model``, if there is one."""
    index = in_default_locale(unrestricted(model.objects.live())).first()
    if index is None:
        return []
    url = index.get_url()
    return [(label, url + index.reverse_subpage(route), about) for route, label, about in feeds]


def feeds():
    """``(name, address, what it holds)`` of every feed the site has."""
    return [
        *_index_feeds(OpportunityIndexPage, [
            ("rss", _("Frivilligopgaver som RSS"),
             _("De nyeste opgaver. Tager de samme filtre som oversigten, fx ?kommune=aalborg.")),
            ("calendar", _("Vagter som iCalendar"),
             _("Kommende vagter med ledige pladser, med oversigtens filtre. Hver opgave har "
               "også sin egen kalender: opgavens adresse med kalender/ efter.")),
        ]),
        *_index_feeds(FundingCallIndexPage, [
            ("rss", _("Støttepuljer som RSS"), _("Åbne puljer, med oversigtens filtre.")),
            ("calendar", _("Ansøgningsfrister som iCalendar"),
             _("Fristerne for de åbne puljer.")),
        ]),
        (_("Bevillinger (CSV)"), reverse("grants_csv"),
         _("Bevillinger bag udgivne cases i 360Giving-formatet.")),
        (_("Bevillinger (JSON)"), reverse("grants_json"), _("De samme bevillinger som JSON.")),
        (_("Tal"), reverse("figures"),
         _("Nøgletal for hele landet, en region eller en kommune; hver figur kan hentes som "
           "CSV og JSON.")),
        (_("Sitemap"), reverse("sitemap"), _("Alle offentlige sider, til søgemaskiner.")),
    ]


def open_data(request):
    api_root = request.build_absolute_uri(reverse("api_v1:api-root"))
    opportunity_id = (OpportunityPage.objects.open().order_by(*NEWEST_FIRST)
                      .values_list("pk", flat=True).first())
    organisations = in_default_locale(unrestricted(OrganisationPage.objects.live()))
    organisation_id = organisations.order_by("-pk").values_list("pk", flat=True).first()
    return render(request, "api/open_data.html", {
        "api_root": api_root,
        "openapi_url": f"{api_root}openapi.json",
        "openapi_url_en": f"{api_root}openapi.json?{LANGUAGE_PARAM}=en",
        "examples": examples(api_root, opportunity_id, organisation_id),
        "feeds": feeds(),
        "rate_limit": settings.API_RATE_LIMIT,
        "rate_window": settings.API_RATE_WINDOW_SECONDS,
    })
