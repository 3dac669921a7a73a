"""Demo: /stoette/ and funding calls from three foundations and a municipality.

Deadlines are counted from the day the demo is loaded, so the listing always
shows calls that are open, calls that close within 30 days and calls that have
closed. The calls and the third foundation are made up for illustration.
"""

import datetime

from django.utils import timezone

from portal.core.demo import municipalities, target_groups, themes, upsert_page
from portal.core.models import Region
from portal.core.translations import in_default_locale
from portal.organisations.models import OrganisationIndexPage, OrganisationKind, OrganisationPage

from .models import Area, FundingCallIndexPage, FundingCallPage, FundingDeadline

ILLUSTRATIVE = ("Demoindhold: puljen er opdigtet til illustration; beløb, frister og kriterier "
                "er ikke rigtige.")

THIRD_FOUNDATION = (
    "naboskabsfonden", "Naboskabsfonden",
    "Fond, der støtter naboskab og hverdagsfællesskaber i lokalsamfundet.",
    "Naboskabsfonden giver små og mellemstore bevillinger til foreninger, der skaber "
    "fællesskaber mellem naboer – og til partnerskaber med kommunen om dem.",
)

# slug, title, owner, summary, themes, target groups, (associations, municipalities,
# partnerships), (min, max), cofinancing note (None = not required), digital tools,
# area, region slug, municipality, opens (days), deadlines [(days, label)], decision (days)
CALLS = [
    ("faellesskabspuljen", "Fællesskabspuljen – lokale partnerskaber mod ensomhed",
     "fonden-for-faellesskab",
     "Støtte til partnerskaber mellem foreninger og kommuner, der afprøver nye måder at nå "
     "ensomme ældre på.",
     ("ensomhed", "samskabelse"), ("aeldre", "ensomme"), (False, False, True),
     (100_000, 500_000), "Mindst 20 % af budgettet, gerne som frivillige timer.", False,
     Area.NATIONAL, None, None, None, [(75, "Forårsrunden"), (165, "Efterårsrunden")], 120),
    ("faellesskabspuljen-2026", "Fællesskabspuljen, runden i foråret 2026",
     "fonden-for-faellesskab",
     "Den afsluttede runde af Fællesskabspuljen. Se, hvilke samarbejder den støttede.",
     ("ensomhed", "samskabelse"), ("aeldre",), (False, False, True),
     (100_000, 500_000), "Mindst 20 % af budgettet.", False,
     Area.NATIONAL, None, None, None, [(-240, "")], -180),
    ("digitale-vaerktoejer-i-foreningen", "Digitale værktøjer i foreningen",
     "digital-frivillighed-fonden",
     "Penge til at købe, tilpasse eller lære et digitalt værktøj til rekruttering, vagtplaner "
     "eller kommunikation.",
     ("digital-inklusion", "frivilligledelse"), (), (True, False, False),
     (25_000, 150_000), None, True,
     Area.NATIONAL, None, None, None, [(18, "")], 60),
    ("forskning-i-digital-frivillighed", "Forskning og afprøvning i digital frivillighed",
     "digital-frivillighed-fonden",
     "Støtte til forløb, hvor forening, kommune og forskere sammen afprøver et digitalt "
     "værktøj og måler, hvad det ændrer.",
     ("digital-inklusion",), (), (False, False, True),
     (200_000, 800_000), "Kommunen skal bidrage med medarbejdertimer.", True,
     Area.NATIONAL, None, None, 10, [(100, "")], 160),
    ("naboskab-i-syddanmark", "Naboskab i Region Syddanmark",
     "naboskabsfonden",
     "Små bevillinger til hverdagsfællesskaber mellem naboer på Fyn og i Syd- og Sønderjylland.",
     ("ensomhed",), ("familier", "aeldre"), (True, False, True),
     (10_000, 75_000), None, False,
     Area.REGION, "syddanmark", None, None, [(25, "Vinterrunden"), (200, "Sommerrunden")], 70),
    ("sommerpulje-for-familier", "Sommerpuljen for udsatte familier",
     "naboskabsfonden",
     "Støtte til sommeraktiviteter for familier, der ikke har råd til ferie.",
     ("boern-og-unge",), ("familier", "socialt-udsatte"), (True, False, False),
     (5_000, 40_000), None, False,
     Area.NATIONAL, None, None, None, [(-45, "")], -20),
    ("paragraf-18-aalborg", "§ 18-puljen: frivilligt socialt arbejde i Aalborg",
     "aalborg-kommune",
     "Kommunens årlige tilskud til foreninger, der laver frivilligt socialt arbejde i Aalborg.",
     ("ensomhed", "samskabelse"), ("aeldre", "socialt-udsatte"), (True, False, False),
     (5_000, 50_000), None, False,
     Area.MUNICIPALITY, None, "Aalborg", None, [(40, "")], 90),
]


def _day(days):
    return None if days is None else timezone.localdate() + datetime.timedelta(days=days)


def _third_foundation():
    slug, title, summary, text = THIRD_FOUNDATION
    index = in_default_locale(OrganisationIndexPage.objects).get()
    return upsert_page(
        index, OrganisationPage, slug, title=title, kind=OrganisationKind.FOUNDATION,
        summary=summary, description=f"<p>{text}</p><p><em>{ILLUSTRATIVE}</em></p>",
        works_nationwide=True, themes=themes("ensomhed", "samskabelse"),
        website=f"https://{slug}.example", contact_name="Sekretariatet",
        contact_email=f"kontakt@{slug}.example",
    )


def load(out):
    index = in_default_locale(OrganisationIndexPage.objects).get()
    upsert_page(
        index.get_parent(), FundingCallIndexPage, "stoette", title="Støtte og puljer",
        intro="<p>Puljer og ansøgningsrunder fra fonde og kommuner til frivilligt socialt "
              "arbejde – og hvad de har støttet.</p>",
    )
    out("  Støtte og puljer: /stoette/")
    _third_foundation()
    organisations = {page.slug: page for page in in_default_locale(OrganisationPage.objects)}
    for row in CALLS:
        (slug, title, owner, summary, theme_slugs, group_slugs, (associations, kommuner,
         partnerships), (low, high), cofinancing, digital, area, region, municipality, opens,
         deadlines, decision) = row
        upsert_page(
            organisations[owner], FundingCallPage, slug,
            title=title, summary=summary,
            purpose=f"<p>{summary}</p><p><em>{ILLUSTRATIVE}</em></p>",
            themes=themes(*theme_slugs), target_groups=target_groups(*group_slugs),
            for_associations=associations, for_municipalities=kommuner,
            for_partnerships=partnerships, amount_min=low, amount_max=high,
            requires_cofinancing=cofinancing is not None, cofinancing_note=cofinancing or "",
            funds_digital_tools=digital, area=area,
            region=Region.objects.get(slug=region) if region else None,
            municipality=municipalities(municipality)[0] if municipality else None,
            opens_on=_day(opens), decision_date=_day(decision),
            application_url=f"https://{owner}.example/ansoeg/{slug}",
            deadlines=[FundingDeadline(date=_day(days), label=label)
                       for days, label in deadlines],
        )
    out(f"  {len(CALLS)} støttepuljer fra {len({row[2] for row in CALLS})} udbydere")
