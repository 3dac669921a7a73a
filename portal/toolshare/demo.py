"""Demo: digital tools that volunteer organisations use, and what they learned.

The tools, their makers, prices and the experiences are illustrative: they show
the kinds of tools Danish volunteer organisations use, not real products.
"""

from portal.core.demo import demo_image, upsert_page
from portal.core.illustrations import illustration, motif_alt
from portal.core.translations import in_default_locale
from portal.organisations.models import OrganisationPage

from .models import CostModel, Hosting, ToolCategory, ToolPage, ToolScreenshot, ToolUsage

NOTE = "Demoindhold: værktøjet, leverandøren og priserne er opdigtede til illustration."

# slug, title, publisher, categories, maker, cost, price note, open source licence,
# hosting, data processing agreement, Danish, accessibility statement, integrations,
# colour, summary, description
TOOLS = [
    ("vagtplan-frivillig", "VagtPlan Frivillig", "frivilligcenter-svendborg",
     ("vagtplaner",), "Vagtværk ApS", CostModel.FREEMIUM, "Gratis op til 50 frivillige.", "",
     Hosting.EU, True, True, True, "Google- og Outlook-kalender, SMS", "#0b5d4b",
     "Frivillige booker selv vagter på telefonen; koordinatoren ser huller i planen.",
     "Koordinatoren lægger vagter ud, og de frivillige tager dem selv i en app eller på "
     "nettet. Påmindelser sendes som SMS dagen før."),
    ("frivilligmatch", "Frivilligmatch", "digital-frivillighed-fonden",
     ("frivilligmatch",), "Foreningen Åben Frivillighed", CostModel.FREE, "", "AGPL-3.0",
     Hosting.DENMARK, True, True, True, "MitID-login, CSV-eksport", "#0a4f9e",
     "Open source-system, der foreslår match mellem frivillige og opgaver – et menneske "
     "godkender altid.",
     "Frivillige opretter en profil med interesser og tid; systemet foreslår opgaver, og "
     "koordinatoren godkender matchet. Udviklet og afprøvet sammen med forskere."),
    ("foreningsportalen", "Foreningsportalen", "frivilligcenter-svendborg",
     ("medlemmer-og-frivillige",), "Klubsystemer A/S", CostModel.PAID,
     "Fra 150 kr. pr. måned.", "", Hosting.DENMARK, True, True, False,
     "Betalingsservice, MobilePay, e-Boks", "#5b3a7a",
     "Medlems- og frivilligregister med kontingent, børneattester og samtykker.",
     "Samler medlemmer, frivillige, kontingent og dokumentation af børneattester ét sted."),
    ("beskedtraaden", "Beskedtråden", "digital-frivillighed-fonden",
     ("kommunikation",), "Threadly Inc.", CostModel.FREEMIUM, "Gratis for nonprofit.", "",
     Hosting.OTHER, False, False, False, "Slack, Google Drive", "#9a4d00",
     "Chat og grupper til frivillighold – nemt, men data ligger uden for EU.",
     "Grupper pr. hold eller aktivitet, direkte beskeder og fildeling."),
    ("kursuskassen", "KursusKassen", "digital-frivillighed-fonden",
     ("oplaering",), "Læringsværket ApS", CostModel.PAID, "Pris efter antal kursister.", "",
     Hosting.EU, True, True, True, "", "#3d6b1f",
     "E-læring til introduktion af nye frivillige, fx vågere og besøgsvenner.",
     "Korte moduler med video og quiz; koordinatoren kan se, hvem der har gennemført."),
    ("gdpr-mappen", "GDPR-mappen", "frivilligcenter-svendborg",
     ("databeskyttelse",), "Frivilligcentrenes fællesskab", CostModel.FREE, "",
     "EUPL-1.2", Hosting.DENMARK, True, True, True, "", "#00606f",
     "Skabeloner og fortegnelse over behandlinger til små foreninger.",
     "Hjælper foreningen med fortegnelse, samtykker, sletterutiner og databehandleraftaler."),
    ("moedeplanen", "Mødeplanen", "fonden-for-faellesskab",
     ("moeder-og-samarbejde",), "Meetwise Ltd.", CostModel.FREEMIUM, "", "",
     Hosting.OTHER, False, False, False, "Outlook, Teams", "#4a4a55",
     "Fælles kalender og dagsordener til partnerskaber på tværs af organisationer.",
     "Dagsordener, referater og opgavelister, som alle partnere kan se og redigere."),
    ("hjaelpertavlen", "Hjælpertavlen", "festivalhjaelperne",
     ("frivilligmatch", "vagtplaner"), "Hjælpertavlen IVS", CostModel.FREEMIUM,
     "Gratis for foreninger; kommuner betaler.", "", Hosting.EU, True, True, True,
     "SMS, kalender-feed (iCal)", "#b3261e",
     "Ad hoc-opgaver sendt ud som SMS – de første, der svarer ja, får vagten.",
     "Til arrangementer og uddelinger, hvor man mangler hænder med kort varsel."),
    ("boerneattest-tjek", "Børneattest-tjek", "frivilligcenter-svendborg",
     ("databeskyttelse", "medlemmer-og-frivillige"), "Frivilligcentrenes fællesskab",
     CostModel.FREE, "", "MIT", Hosting.DENMARK, True, True, True, "Virk.dk", "#6a4c93",
     "Påminder foreningen om at indhente og forny børneattester.",
     "Holder styr på, hvilke frivillige der arbejder med børn under 15, og hvornår "
     "attesten skal fornys. Gemmer aldrig selve attesten."),
    ("it-cafe-booking", "IT-Café Booking", "seniorer-paa-nettet",
     ("vagtplaner", "frivilligmatch"), "Seniorer på Nettet (frivillige udviklere)",
     CostModel.FREE, "", "MIT", Hosting.EU, True, True, True, "Bibliotekernes bookingsystem",
     "#1f4e79",
     "Borgere booker en tid i IT-caféen; IT-frivillige ser, hvem der kommer og hvorfor.",
     "Bruges på biblioteker, hvor borgerservice henviser borgere med spørgsmål om MitID, "
     "e-Boks og sundhed.dk."),
    ("nabonet", "Nabonet", "ishoej-sammen",
     ("kommunikation",), "Nabonet Danmark", CostModel.FREE, "", "", Hosting.EU, True, True,
     False, "", "#7a5c00",
     "Lokal opslagstavle til fællesspisning, gåture og hjælp mellem naboer.",
     "Beboere og foreninger slår aktiviteter op; ældre uden smartphone får dem på papir."),
]

# tool slug, organisation slug, since, used for, what worked, what did not, may contact
USAGES = [
    ("vagtplan-frivillig", "besoegsvennerne-nord", 2019, "vagtplan for 80 besøgsvenner",
     "De frivillige bytter selv vagter, og vi ringer langt mindre rundt.",
     "Ældre frivillige uden smartphone skulle have hjælp til at komme i gang.", True),
    ("vagtplan-frivillig", "vaagekonerne", 2021, "vågevagter på tre plejecentre",
     "Vi kan fylde en vagt samme aften, når et plejecenter ringer.",
     "SMS-påmindelser om natten var for meget – vi slog dem fra.", True),
    ("vagtplan-frivillig", "festivalhjaelperne", 2020, "vagter ved loppemarkeder",
     "Overblik over mange korte vagter.", "Gratisgrænsen på 50 blev hurtigt for lille.", False),
    ("frivilligmatch", "festivalhjaelperne", 2022, "pilotforsøg med match af ad hoc-frivillige",
     "Forslagene sparede koordinatoren for mange mails, og forskerne hjalp med evalueringen.",
     "Frivillige skulle vænne sig til, at et menneske stadig godkender matchet.", True),
    ("frivilligmatch", "besoegsvennerne-nord", 2023, "match af besøgsvenner og ældre",
     "Gode forslag, når profilerne var udfyldt grundigt.",
     "Profiler uden interesser gav dårlige forslag.", True),
    ("foreningsportalen", "lektiecafe-gellerup", 2018, "frivilligregister og børneattester",
     "Børneattesterne er endelig samlet ét sted.", "Dyrt for en lille forening.", False),
    ("foreningsportalen", "demensvenner-vejle", 2020, "medlemmer og frivillige",
     "Kontingent og frivillige i samme system.", "Tungt at lære for nye bestyrelser.", True),
    ("beskedtraaden", "festivalhjaelperne", 2019, "beskeder til holdledere",
     "Alle kunne finde ud af det med det samme.",
     "Vi stoppede med at dele oplysninger om borgere, da data ligger uden for EU.", False),
    ("kursuskassen", "vaagekonerne", 2022, "introduktionskursus for nye vågere",
     "Nye vågere kan tage teorien hjemme og bruge mødet på samtale.",
     "Modulerne skal suppleres af en erfaren våger.", True),
    ("gdpr-mappen", "nabovenner-esbjerg", 2021, "fortegnelse og samtykker",
     "Vi fik styr på sletterutiner på én aften.", "", True),
    ("gdpr-mappen", "ishoej-sammen", 2022, "databehandleraftaler med partnere",
     "Skabelonerne passede til vores netværk.", "Manglede en skabelon for boligforeninger.",
     True),
    ("moedeplanen", "ishoej-kommune", 2021, "netværksmøder mod ensomhed",
     "Fælles dagsorden for kommune, foreninger og boligforening.",
     "Nogle foreninger måtte ikke bruge værktøjet pga. dataplacering.", True),
    ("hjaelpertavlen", "festivalhjaelperne", 2021, "juleuddeling med 150 frivillige",
     "Vi fyldte 40 vagter på to timer.", "Nogle fik SMS'en, efter vagterne var taget.", True),
    ("hjaelpertavlen", "koebenhavns-kommune", 2023, "frivillige til sommerfester",
     "Nem at bruge sammen med foreningerne.", "", False),
    ("boerneattest-tjek", "lektiecafe-gellerup", 2022, "påmindelser om børneattester",
     "Vi glemmer ikke længere at forny attester.", "", True),
    ("it-cafe-booking", "seniorer-paa-nettet", 2017, "booking i 40 IT-caféer",
     "Færre forgæves ture for borgerne.", "Borgere uden e-mail skal bookes af personalet.",
     True),
    ("it-cafe-booking", "koebenhavns-kommune", 2018, "henvisninger fra borgerservice",
     "Borgerservice kan booke en tid, mens borgeren står ved skranken.", "", True),
    ("nabonet", "boligforeningen-strandparken", 2020, "fællesspisning og seniorklub",
     "Flere beboere kom til fællesspisning.", "De ældste læser det kun på opslagstavlen.",
     True),
]


def load(out):
    organisations = {page.slug: page for page in in_default_locale(OrganisationPage.objects)}
    categories = {category.slug: category for category in ToolCategory.objects.all()}
    tools = {}
    for row in TOOLS:
        (slug, title, publisher, category_slugs, maker, cost, price_note, licence, hosting,
         dpa, danish, accessible, integrations, colour, summary, text) = row
        screenshot = demo_image(
            f"Skærmbillede: {title}", title.split()[0], colour, size=(960, 600)
        )
        tools[slug] = upsert_page(
            organisations[publisher], ToolPage, slug,
            title=title, summary=summary, description=f"<p>{text}</p><p><em>{NOTE}</em></p>",
            categories=[categories[name] for name in category_slugs],
            maker=maker, website=f"https://{slug}.example", cost_model=cost,
            price_note=price_note, open_source=bool(licence), licence=licence,
            hosting=hosting, data_processing_agreement=dpa, danish_interface=danish,
            accessibility_statement=f"https://{slug}.example/tilgaengelighed" if accessible
            else "",
            integrations=integrations,
            image=illustration(f"{organisations[publisher].title}: {title}", "vaerktoej", colour,
                               organisations[publisher].access.collection),
            image_alt=motif_alt("vaerktoej"),
            screenshots=[ToolScreenshot(image=screenshot,
                                        caption=f"Oversigten i {title} (genereret demobillede)")],
        )
    out(f"  {len(tools)} værktøjer")
    for slug, organisation, since, used_for, worked, did_not, contact in USAGES:
        ToolUsage.objects.update_or_create(
            tool=tools[slug], organisation=organisations[organisation],
            defaults={"used_since": since, "used_for": used_for, "what_worked": worked,
                      "what_did_not": did_not, "may_be_contacted": contact},
        )
    out(f"  {len(USAGES)} erfaringer med værktøjer")

