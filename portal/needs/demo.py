"""Demo: what some of the demo organisations need to do more.

The needs are illustrative: they show the kinds of needs Danish volunteer
organisations have, not real ones. Their end dates are set from today on each
run, so one need always runs out soon and one has expired.
"""

import datetime

from django.utils import timezone

from portal.core.demo import upsert_page
from portal.core.models import Municipality, Theme
from portal.core.translations import in_default_locale
from portal.organisations.models import OrganisationPage
from portal.toolshare.models import ToolCategory

from .models import NeedKind, NeedPage

NOTE = "Demoindhold: behovet er opdigtet til illustration."

# slug, organisation slug, title, kind, tool category slug, funding purpose, theme slugs,
# municipality name (None: nationwide), days until its end date, summary
NEEDS = [
    ("kasserer-til-bestyrelsen", "besoegsvennerne-nord", "Kasserer til bestyrelsen",
     NeedKind.SKILLS, None, "", ("ensomhed", "frivilligledelse"), "Aalborg", 120,
     "Vi søger en frivillig med regnskabserfaring, som vil være kasserer i bestyrelsen og "
     "hjælpe med budget og årsregnskab. Ca. fire timer om måneden."),
    ("vagtplan-til-vaagere", "vaagekonerne", "Et vagtplanværktøj til vågevagter",
     NeedKind.TOOL, "vagtplaner", "", ("den-sidste-tid",), "Odense", 150,
     "Vores vågevagter planlægges i dag på telefon og papir. Vi søger et værktøj, hvor "
     "vågerne selv kan tage vagter, og hvor plejecentrene kan se, hvem der kommer."),
    ("lokale-til-lektiecafe", "lektiecafe-gellerup", "Lokale til lektiecafé om eftermiddagen",
     NeedKind.PREMISES, None, "", ("boern-og-unge", "integration"), "Aarhus", 90,
     "Vi mangler et lokale med borde og internet til 25 børn mandag og onsdag kl. 15–18. "
     "Gerne tæt på Gellerupparken."),
    ("partner-om-ensomhed", "ishoej-sammen", "Boligforening som partner mod ensomhed",
     NeedKind.PARTNER, None, "", ("ensomhed", "samskabelse"), "Ishøj", 200,
     "Vi vil starte fællesspisning for ældre beboere og søger en boligforening, der vil "
     "stille lokale og kontakt til beboerne til rådighed."),
    ("kursus-for-nye-besoegsvenner", "besoegsvennerne-nord", "Kursus for 20 nye besøgsvenner",
     NeedKind.FUNDING, None, "Introduktionskursus og supervision for 20 nye besøgsvenner",
     ("ensomhed",), "Hjørring", 7,
     "Vi har 20 nye frivillige på venteliste til introduktionskurset og søger 35.000 kr. til "
     "undervisere, lokaler og forplejning."),
    ("e-laering-for-vaagere", "vaagekonerne", "Midler til e-læring for nye vågere",
     NeedKind.FUNDING, None, "E-læringsmoduler om samtaler ved livets afslutning",
     ("den-sidste-tid",), None, 100,
     "Vi vil lave korte e-læringsmoduler, så nye vågere kan forberede sig hjemme, og søger "
     "midler til produktion og afprøvning."),
    ("sms-vaerktoej-til-festivaler", "festivalhjaelperne", "SMS-værktøj til holdledere",
     NeedKind.TOOL, "kommunikation", "", ("frivilligledelse",), "København", -10,
     "Vi søgte et værktøj til beskeder til holdledere med data i EU. Behovet er udløbet."),
    ("it-frivillige-med-undervisningserfaring", "seniorer-paa-nettet",
     "IT-frivillige med erfaring i undervisning", NeedKind.SKILLS, None, "",
     ("digital-inklusion",), None, 170,
     "Vi søger frivillige, der har undervist før og vil hjælpe ældre med MitID og e-Boks i "
     "vores IT-caféer – hele landet."),
    ("partner-til-demenscafe", "demensvenner-vejle", "Partner til en ny demenscafé",
     NeedKind.PARTNER, None, "", ("demens", "samskabelse"), "Vejle", 60,
     "Vi vil åbne en demenscafé for pårørende og søger en kommune eller et plejecenter, "
     "der vil være med til at planlægge den."),
]


def load(out):
    organisations = {page.slug: page for page in in_default_locale(OrganisationPage.objects)}
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    categories = {category.slug: category for category in ToolCategory.objects.all()}
    municipalities = {item.name: item for item in Municipality.objects.all()}
    today = timezone.localdate()
    for (slug, organisation, title, kind, category, purpose, theme_slugs, municipality, days,
         summary) in NEEDS:
        upsert_page(
            organisations[organisation], NeedPage, slug,
            title=title, kind=kind, tool_category=categories.get(category),
            funding_purpose=purpose, summary=f"{summary} ({NOTE})",
            themes=[themes[name] for name in theme_slugs],
            municipality=municipalities.get(municipality),
            end_date=today + datetime.timedelta(days=days),
        )
    out(f"  {len(NEEDS)} behov, heraf ét udløbet og ét, der udløber om en uge")
