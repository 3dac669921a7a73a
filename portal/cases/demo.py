"""Demo: co-creation cases and guides drawn from Danish practice.

The organisations are fictional and their figures illustrative, except where a
case names its source (the SeniorDigital figures). Each page says so itself.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from portal.core.demo import activities, municipalities, target_groups, themes, upsert_page
from portal.core.illustrations import MOTIFS, illustration, motif_alt
from portal.core.translations import in_default_locale
from portal.funding.models import FundingCallPage
from portal.organisations.models import OrganisationPage
from portal.toolshare.models import ToolPage

from .models import (
    CaseDocument,
    CaseGrant,
    CasePage,
    CasePartner,
    GuideDocument,
    GuidePage,
    PartnerRole,
)

ILLUSTRATIVE = ("Demoindhold: organisationerne er opdigtede, og tal og citater er illustrative, "
                "medmindre en kilde er nævnt.")
LEAD, PARTNER, FUNDER = PartnerRole.LEAD, PartnerRole.PARTNER, PartnerRole.FUNDER

# slug, title, owner, partners [(org, role)], municipalities, themes, target groups,
# activities, start, end, funding (source, amount), figures [(value, label)], quote,
# story, lessons (worked, hard, advice), contact role, tools
CASES = [
    ("it-frivillige-og-borgerservice", "IT-frivillige hjælper ældre med kommunens "
     "selvbetjening", "seniorer-paa-nettet",
     [("seniorer-paa-nettet", LEAD), ("koebenhavns-kommune", PARTNER),
      ("digital-frivillighed-fonden", FUNDER)],
     ("København",), ("digital-inklusion", "samskabelse"), ("aeldre",), ("it-hjaelp",),
     (2014, 3, 1), None, ("Fonden Digital Frivillighed", 450000),
     [("2.200", "IT-frivillige i SeniorDigital-modellen"),
      ("55.000", "ældre hjulpet med it i 2016")],
     ("Borgerservice sender folk ned i IT-caféen, og så går de derfra med MitID i orden.",
      "Medarbejder i borgerservice (illustrativt citat)"),
     "IT-frivillige lærer ældre kommunens digitale selvbetjening, og borgerservice henviser. "
     "Casen bygger på SeniorDigital-modellen: IT-frivillige lærer ældre at bruge det "
     "offentliges digitale selvbetjening – MitID, e-Boks, sundhed.dk – i IT-caféer på "
     "biblioteker, og kommunens borgerservice henviser borgere, der har brug for mere tid, "
     "end skranken kan give. Kilde til nøgletallene: SeniorDigital-modellen, som den er "
     "beskrevet i dansk forskning om digitalisering af frivilligt socialt arbejde (2.200 "
     "IT-frivillige og 55.000 ældre hjulpet i 2016). Foreningen og kommunens rolle her er "
     "illustrative.",
     ("Faste tider i IT-caféen og en direkte henvisning fra borgerservice.",
      "Frivillige må ikke se borgerens skærm med personoplysninger uden samtykke – det "
      "krævede klare regler.",
      "Aftal på forhånd, hvad de frivillige ikke skal hjælpe med (fx fuldmagter)."),
     "Frivilligkoordinator for IT-caféerne", ("it-cafe-booking",)),
    ("ishoej-netvaerk-mod-ensomhed", "Et netværk mod ensomhed blandt ældre i Ishøj",
     "ishoej-sammen",
     [("ishoej-sammen", LEAD), ("ishoej-kommune", PARTNER),
      ("boligforeningen-strandparken", PARTNER), ("fonden-for-faellesskab", FUNDER)],
     ("Ishøj",), ("ensomhed", "samskabelse"), ("aeldre", "ensomme"), ("spiseven", "besoegsven"),
     (2017, 9, 1), None, ("Fonden for Fællesskab", 1200000),
     [("14", "foreninger og boligsociale projekter i netværket"),
      ("300", "ældre med i fællesspisning om året")],
     ("Vi kender hinanden nu – så ringer vi bare, når vi møder en ensom nabo.",
      "Frivillig i netværket (illustrativt citat)"),
     "Ishøj-modellen samler foreninger, boligforeninger, ældrerådet og kommunen i ét netværk "
     "mod ensomhed. Netværket holder fælles kalender, henviser til hinandens aktiviteter og "
     "når ud til ældre, som ingen af dem ville have fundet alene.",
     ("Et fast netværksmøde hver måned og én koordinator i kommunen.",
      "At holde gang i netværket, når ildsjæle stopper.",
      "Start med de aktiviteter, der allerede findes, før I finder på nye."),
     "Netværkskoordinator", ("moedeplanen", "nabonet")),
    ("pilot-frivilligmatch-med-forskere", "Pilotforsøg: et matchsystem til ad hoc-frivillige",
     "festivalhjaelperne",
     [("festivalhjaelperne", LEAD), ("frivilligcenter-svendborg", PARTNER),
      ("digital-frivillighed-fonden", FUNDER)],
     ("København", "Svendborg"), ("frivilligledelse",), ("socialt-udsatte",),
     ("arrangementer", "indsamling"),
     (2022, 2, 1), (2023, 6, 30), ("Fonden Digital Frivillighed", 800000),
     [("1.100", "frivillige oprettede en profil"), ("38 %", "færre mails til koordinatoren")],
     ("Systemet foreslår – men det er stadig os, der ringer og siger tak.",
      "Koordinator (illustrativt citat)"),
     "En landsforening afprøvede et open source-system til at matche ad hoc-frivillige med "
     "opgaver, sammen med forskere fra et universitet, der fulgte forsøget med interview og "
     "data. IT organiserede og understøttede matchet; en koordinator godkendte det altid.",
     ("Forskernes løbende tilbagemeldinger gjorde, at vi rettede systemet undervejs.",
      "Mange frivillige udfyldte ikke deres profil.",
      "Sæt tid af til at hjælpe frivillige med profilen den første måned."),
     "Projektleder", ("frivilligmatch", "hjaelpertavlen")),
    ("besoegsvenner-via-hjemmeplejen", "Besøgsvenner, som hjemmeplejen henviser til",
     "besoegsvennerne-nord",
     [("besoegsvennerne-nord", LEAD), ("aalborg-kommune", PARTNER)],
     ("Aalborg", "Hjørring"), ("ensomhed",), ("aeldre", "ensomme"), ("besoegsven",),
     (2018, 1, 15), None, ("", None),
     [("240", "henvisninger fra hjemmeplejen om året"), ("9 ud af 10", "fik en besøgsven")],
     ("Jeg så hende hver dag, men jeg havde aldrig tid til at sidde ned.",
      "Social- og sundhedshjælper (illustrativt citat)"),
     "Hjemmeplejens medarbejdere kender de ensomme ældre. Med borgerens samtykke bestiller de "
     "en besøgsven via Bindeled, og foreningens koordinator finder et match og ringer borgeren "
     "op.",
     ("En kort, fast henvisningsformular og samtykke på stedet.",
      "Ventetid, når der manglede frivillige i yderområderne.",
      "Giv hjemmeplejen besked, når matchet er lavet – så henviser de igen."),
     "Koordinator for besøgsvenner", ("vagtplan-frivillig",)),
    ("vaagetjeneste-paa-plejecentre", "Ingen skal dø alene: vågetjeneste på plejecentre",
     "vaagekonerne",
     [("vaagekonerne", LEAD), ("odense-kommune", PARTNER)],
     ("Odense",), ("den-sidste-tid", "samskabelse"), ("doeende", "paaroerende"),
     ("vaagetjeneste",),
     (2016, 5, 1), None, ("", None),
     [("65", "vågere"), ("180", "vågevagter om året")], None,
     "Plejecentre kan bestille en våger, når en beboer er døende og pårørende ikke kan være "
     "der. Vågerne får introduktionskursus og supervision.",
     ("Supervision efter hver vågen.", "Vagter om natten med få timers varsel.",
      "Aftal præcist, hvem på plejecentret der tager imod vågeren."),
     "Koordinator for vågetjenesten", ("vagtplan-frivillig", "kursuskassen")),
    ("lektiecafe-og-skoler", "Lektiecafé i samarbejde med skolerne i Gellerup",
     "lektiecafe-gellerup",
     [("lektiecafe-gellerup", LEAD), ("aarhus-kommune", PARTNER)],
     ("Aarhus",), ("boern-og-unge", "integration"), ("boern-og-unge", "etniske-minoriteter"),
     ("lektiehjaelp", "mentor"),
     (2015, 8, 15), None, ("", None),
     [("120", "elever om ugen"), ("45", "frivillige")], None,
     "Skolerne henviser elever til lektiecaféen, og lærerne kommer forbi en gang om måneden.",
     ("Lærernes besøg gav frivillige og elever et fælles sprog.",
      "Børneattester for mange nye frivillige.", "Brug et system, der minder jer om attester."),
     "Daglig leder", ("foreningsportalen", "boerneattest-tjek")),
    ("demensvenner-motion", "Motionsvenner for mennesker med demens",
     "demensvenner-vejle",
     [("demensvenner-vejle", LEAD), ("fonden-for-faellesskab", FUNDER)],
     ("Vejle", "Fredericia"), ("demens", "sundhed-og-trivsel"),
     ("mennesker-med-demens", "paaroerende"), ("motionsven",),
     (2019, 4, 1), (2022, 3, 31), ("Fonden for Fællesskab", 350000),
     [("70", "motionsvenskaber")], None,
     "Frivillige går ture med mennesker med demens, så de pårørende får et pusterum.",
     ("Faste ruter og faste tider.", "At finde mandlige frivillige.",
      "Lav et kort kursus om demens, før første tur."),
     "Frivilligkoordinator", ()),
    ("sprogvenner-esbjerg", "Sprogvenner for nytilkomne familier", "nabovenner-esbjerg",
     [("nabovenner-esbjerg", LEAD), ("festivalhjaelperne", PARTNER)],
     ("Esbjerg",), ("integration",), ("flygtninge", "familier"), ("sprogven",),
     (2016, 1, 10), (2019, 12, 31), ("", None),
     [("85", "sprogvenskaber")], None,
     "To foreninger uden kommunal partner gik sammen om sprogvenner og sommerfester.",
     ("Fællesaktiviteter, hvor hele familien kunne komme.", "Frivillige stoppede efter "
      "få måneder.", "Lav korte forløb med en klar slutdato."),
     "Koordinator", ("gdpr-mappen",)),
    ("juleuddeling-ad-hoc", "Juleuddeling med 150 ad hoc-frivillige", "festivalhjaelperne",
     [("festivalhjaelperne", LEAD), ("koebenhavns-kommune", PARTNER)],
     ("København", "Frederiksberg"), ("frivilligledelse",), ("familier", "socialt-udsatte"),
     ("arrangementer", "praktisk-hjaelp"),
     (2021, 11, 1), None, ("", None),
     [("150", "ad hoc-frivillige"), ("40", "vagter fyldt på to timer")], None,
     "Kommunen lagde lokaler til, og frivillige tog korte vagter via SMS.",
     ("SMS-udkald med kort svarfrist.", "At sige nej tak til dem, der kom for sent.",
      "Hav en venteliste klar, og sig tak til alle."),
     "Eventkoordinator", ("hjaelpertavlen", "beskedtraaden")),
    ("frivilligcenter-som-bindeled", "Frivilligcentret som bindeled mellem foreninger og "
     "plejecentre", "frivilligcenter-svendborg",
     [("frivilligcenter-svendborg", LEAD), ("vaagekonerne", PARTNER),
      ("fonden-for-faellesskab", FUNDER)],
     ("Svendborg",), ("samskabelse", "frivilligledelse"), ("aeldre",),
     ("besoegsven", "vaagetjeneste"),
     (2020, 9, 1), None, ("Fonden for Fællesskab", 500000),
     [("12", "foreninger"), ("6", "plejecentre")], None,
     "Frivilligcentret formidler frivillige fra flere foreninger til plejecentrene.",
     ("Ét telefonnummer for plejecentrene.", "Foreningerne ville gerne bevare deres eget "
      "navn.", "Gør det tydeligt, hvilken forening den frivillige kommer fra."),
     "Frivilligkonsulent", ("vagtplan-frivillig", "gdpr-mappen")),
    ("spisevenner-aalborg", "Spisevenner på plejecentre i Aalborg", "aalborg-kommune",
     [("aalborg-kommune", LEAD), ("besoegsvennerne-nord", PARTNER)],
     ("Aalborg",), ("ensomhed",), ("aeldre",), ("spiseven",),
     (2017, 2, 1), (2021, 1, 31), ("", None),
     [("60", "spisevenner")], None,
     "Kommunen inviterede foreningen ind på plejecentrene til fælles måltider.",
     ("Maden var det naturlige samlingspunkt.", "Corona lukkede for besøg i et år.",
      "Hav en plan for, hvordan kontakten holdes, når man ikke kan mødes."),
     "Frivilligkonsulent i Ældre- og Handicapforvaltningen", ()),
]

# slug, title, owner, (kommuner, foreninger, fonde), themes, municipalities, summary, steps
GUIDES = [
    ("kom-i-gang-med-samskabelse", "Sådan kommer I i gang med samskabelse", "odense-kommune",
     (True, True, False), ("samskabelse",), ("Odense",),
     "Kommunens vejledning til medarbejdere og foreninger, der vil skabe noget sammen.",
     [("Find det fælles problem", "Start med borgerens behov – ikke med projektet."),
      ("Inviter de rigtige partnere", "Foreninger, boligforeninger, ældreråd og fonde."),
      ("Aftal roller og beslutninger", "Hvem er tovholder, og hvem bestemmer hvad?"),
      ("Afprøv i det små", "En pilot på tre måneder før en stor ansøgning."),
      ("Del erfaringerne", "Skriv en case på Bindeled, så andre kan lære af jer.")]),
    ("tag-et-frivilligsystem-i-brug", "Sådan tager I et digitalt frivilligsystem i brug",
     "digital-frivillighed-fonden", (False, True, False), ("frivilligledelse",
                                                           "digital-inklusion"), (),
     "Fra behov til kravliste, afprøvning og oplæring af frivillige.",
     [("Skriv jeres behov ned", "Hvad skal systemet løse – vagter, match, beskeder?"),
      ("Tjek data og databehandleraftale", "Hvor ligger data, og får I en aftale?"),
      ("Sammenlign to-tre værktøjer", "Brug sammenligningen på Bindeled."),
      ("Afprøv med en lille gruppe", "Vælg frivillige med forskellig it-erfaring."),
      ("Lær de frivillige op", "Tilbyd hjælp ansigt til ansigt til dem, der har brug for det.")]),
    ("henvisninger-og-databeskyttelse", "Databeskyttelse, når kommunen henviser borgere",
     "frivilligcenter-svendborg", (True, True, False), ("samskabelse",), ("Svendborg",),
     "Samtykke, minimale oplysninger og sletning, når en medarbejder bestiller en frivillig.",
     [("Indhent samtykke", "Borgeren skal sige ja til, at foreningen kontakter dem."),
      ("Send kun det nødvendige", "Navn, kontakt og behov – aldrig diagnoser."),
      ("Aftal sletning", "Afsluttede henvendelser slettes efter en fast periode.")]),
    ("fondsansoegning-til-partnerskab", "Sådan søger I en fond om et partnerskab",
     "fonden-for-faellesskab", (True, True, True), ("samskabelse", "ensomhed"), (),
     "Hvad fonde ser efter, når foreninger og kommuner søger sammen.",
     [("Beskriv partnerskabet", "Hvem gør hvad, og hvad bidrager hver part med?"),
      ("Sæt mål, I kan måle", "Fx antal ældre, der får en besøgsven."),
      ("Planlæg videndeling", "Fonden vil gerne se erfaringerne delt."),
      ("Tænk i drift efter projektet", "Hvem betaler, når bevillingen slutter?")]),
]


# The grants behind the cases: case slug -> [(funder slug or None, funder name, call slug,
# amount, start, end)]. Dates are (y, m, d), or days from today for grants from demo calls,
# whose deadlines are counted from today too. Amounts are illustrative.
GRANTS = {
    "it-frivillige-og-borgerservice": [
        ("digital-frivillighed-fonden", "", None, 450_000, (2014, 3, 1), None)],
    "ishoej-netvaerk-mod-ensomhed": [
        ("fonden-for-faellesskab", "", None, 1_200_000, (2017, 9, 1), (2020, 8, 31)),
        ("fonden-for-faellesskab", "", "faellesskabspuljen-2026", 250_000, -150, 580)],
    "pilot-frivilligmatch-med-forskere": [
        ("digital-frivillighed-fonden", "", None, 800_000, (2022, 2, 1), (2023, 6, 30))],
    "demensvenner-motion": [
        ("fonden-for-faellesskab", "", None, 350_000, (2019, 4, 1), (2022, 3, 31))],
    "frivilligcenter-som-bindeled": [
        ("fonden-for-faellesskab", "", "faellesskabspuljen-2026", 180_000, -150, 215)],
    "besoegsvenner-via-hjemmeplejen": [
        ("aalborg-kommune", "", None, 40_000, (2024, 1, 1), (2024, 12, 31))],
    "juleuddeling-ad-hoc": [
        ("naboskabsfonden", "", "sommerpulje-for-familier", 35_000, -10, 80)],
    "vaagetjeneste-paa-plejecentre": [
        (None, "Den lokale sparekassefond (illustrativ)", None, 30_000, (2023, 1, 1), None)],
}


def _grant_date(value):
    if value is None:
        return None
    if isinstance(value, int):
        return timezone.localdate() + datetime.timedelta(days=value)
    return datetime.date(*value)


def _grants(slug, organisations):
    calls = {page.slug: page for page in FundingCallPage.objects.all()}
    return [
        CaseGrant(funder=organisations[funder] if funder else None, funder_name=name,
                  call=calls[call] if call else None, amount=amount,
                  start_date=_grant_date(start), end_date=_grant_date(end))
        for funder, name, call, amount, start, end in GRANTS.get(slug, [])
    ]


def _document(title, filename, text):
    """A small generated text file, stored once as a Wagtail document."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    document = Document(title=title, file=ContentFile(text.encode("utf-8"), name=filename))
    document.save()
    return document


PALETTE = ("#0b5d4b", "#0a4f9e", "#5b3a7a", "#9a4d00", "#00606f")


def _picture(number, organisation, title, activity_slugs):
    """The owner's picture for a case or guide: its first activity's motif, or a network."""
    motif = next((slug for slug in activity_slugs if slug in MOTIFS), "samarbejde")
    image = illustration(f"{organisation.title}: {title}", motif, PALETTE[number % len(PALETTE)],
                         organisation.access.collection)
    return {"image": image, "image_alt": motif_alt(motif)}


def load(out):
    organisations = {page.slug: page for page in in_default_locale(OrganisationPage.objects)}
    tools = {page.slug: page for page in in_default_locale(ToolPage.objects)}
    for number, row in enumerate(CASES):
        (slug, title, owner, partners, kommuner, theme_slugs, groups, activity_slugs, start,
         end, (fund, amount), figures, quote, story, (worked, hard, advice), contact,
         tool_slugs) = row
        results = [("figures", [{"value": value, "label": label} for value, label in figures])]
        if quote:
            results.append(("quote", {"quote": quote[0], "attribution": quote[1]}))
        report = _document(
            f"Evaluering: {title}", f"evaluering-{slug}.txt",
            f"{title}\n\nEvaluering (demodokument).\n\n{story}\n\n{ILLUSTRATIVE}\n",
        )
        summary, _, rest = story.partition(". ")
        upsert_page(
            organisations[owner], CasePage, slug,
            title=title, summary=summary.rstrip(".") + ".",
            story=[("paragraph", f"<p>{rest or story}</p><p><em>{ILLUSTRATIVE}</em></p>")],
            start_date=datetime.date(*start), end_date=datetime.date(*end) if end else None,
            funding_source=fund, funding_amount=amount, results=results,
            lessons_worked=worked, lessons_hard=hard, lessons_advice=advice,
            contact_role=contact, contact_email=f"kontakt@{owner}.example",
            themes=themes(*theme_slugs), municipalities=municipalities(*kommuner),
            target_groups=target_groups(*groups), activities=activities(*activity_slugs),
            tools=[tools[name] for name in tool_slugs],
            partners=[CasePartner(organisation=organisations[org], role=role)
                      for org, role in partners],
            documents=[CaseDocument(document=report)],
            grants=_grants(slug, organisations),
            **_picture(number, organisations[owner], title, activity_slugs),
        )
    out(f"  {len(CASES)} samskabelsescases")
    for number, (slug, title, owner, audience, theme_slugs, kommuner, summary, steps) in enumerate(
        GUIDES, start=len(CASES)
    ):
        checklist = _document(
            f"Tjekliste: {title}", f"tjekliste-{slug}.csv",
            "trin;gjort\n" + "".join(f"{step};nej\n" for step, _ in steps),
        )
        upsert_page(
            organisations[owner], GuidePage, slug,
            title=title, summary=summary,
            for_municipalities=audience[0], for_associations=audience[1],
            for_foundations=audience[2],
            introduction=[("paragraph", f"<p>{summary}</p><p><em>{ILLUSTRATIVE}</em></p>")],
            steps=[("step", {"title": step, "text": f"<p>{text}</p>"}) for step, text in steps],
            themes=themes(*theme_slugs), municipalities=municipalities(*kommuner),
            documents=[GuideDocument(document=checklist)],
            **_picture(number, organisations[owner], title, ()),
        )
    out(f"  {len(GUIDES)} vejledninger")
