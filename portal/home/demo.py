"""Demo: the page tree of DESIGN.md and the plain content pages."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site

from portal.cases.models import CaseIndexPage
from portal.core.demo import upsert_page
from portal.core.models import PortalSettings
from portal.core.translations import in_default_locale
from portal.opportunities.models import OpportunityIndexPage
from portal.organisations.models import OrganisationIndexPage
from portal.toolshare.models import ToolIndexPage

from .models import HomePage, StandardPage

NOTE_ILLUSTRATIVE = (
    "<p><em>Demoindhold: organisationer, personer og tal på denne demo er opdigtede "
    "til illustration, medmindre en kilde er nævnt.</em></p>"
)


def _paragraphs(*texts):
    return [("paragraph", "".join(f"<p>{text}</p>" for text in texts))]


def _serve_site_at(site, home, address):
    """Root the site at ``home`` and give it the address the demo serves on.

    Wagtail's own mails (moderation) link to pages through the site's host
    and port; ``make demo`` passes its address as ``WAGTAILADMIN_BASE_URL``,
    which the portal's mails use.
    """
    parts = urlsplit(address)
    site.root_page = home
    site.hostname = parts.hostname
    site.port = parts.port or (443 if parts.scheme == "https" else 80)
    site.save()


def load(out):
    home = in_default_locale(HomePage.objects).get()
    home.title = "Bindeled"
    home.heading = "Giv en hånd – når det passer dig"
    home.save_revision().publish()
    _serve_site_at(Site.objects.get(is_default_site=True), home, settings.WAGTAILADMIN_BASE_URL)

    sections = [
        (OpportunityIndexPage, "frivilligopgaver", "Frivilligopgaver",
         "<p>Find en frivilligopgave, der passer til din tid: en enkelt dag, når det passer dig, "
         "eller fast hver uge. Filtrér på kommune, målgruppe og aktivitet.</p>"),
        (CaseIndexPage, "erfaringer", "Erfaringer",
         "<p>Samskabelsescases og vejledninger: hvordan foreninger, kommuner og fonde har arbejdet "
         "sammen, hvad der virkede, og hvad der var svært.</p>"),
        (ToolIndexPage, "vaerktoejer", "Digitale værktøjer",
         "<p>Digitale værktøjer, som frivillige organisationer bruger til rekruttering, vagtplaner "
         "og kommunikation, og hvad brugerne har lært.</p>"),
        (OrganisationIndexPage, "organisationer", "Organisationer",
         "<p>Foreninger, kommuner, fonde og andre, der arbejder med socialt frivilligt arbejde. "
         "Find en samarbejdspartner.</p>"),
    ]
    for page_class, slug, title, intro in sections:
        upsert_page(home, page_class, slug, title=title, intro=intro)
        out(f"  {title}: /{slug}/")

    about = upsert_page(
        home, StandardPage, "om", title="Om Bindeled",
        intro="Bindeled er et fælles mødested for socialt frivilligt arbejde i Danmark.",
        body=_paragraphs(
            "Flere og flere vil gerne hjælpe, men mange vil hellere give et par timer, når det "
            "passer dem, end binde sig til en fast ugentlig vagt. Samtidig sidder "
            "frivilligkoordinatorer med henvendelser, der kommer spredt ind via mail og telefon.",
            "Bindeled samler frivilligopgaver fra foreninger og kommuner ét sted, gør det nemt for "
            "medarbejdere i fx hjemmeplejen at bestille en frivillig til en borger, og giver "
            "koordinatorerne strukturerede, sikre henvendelser. IT organiserer og understøtter "
            "matchet – men det er altid et menneske, der laver det.",
            "Portalen er også et videndelingssted: kommuner, foreninger og fonde deler erfaringer "
            "med samskabelse og med de digitale værktøjer, de bruger.",
        ) + [("paragraph", NOTE_ILLUSTRATIVE)],
    )
    privacy = upsert_page(
        home, StandardPage, "privatlivspolitik", title="Privatlivspolitik",
        intro="Sådan behandler Bindeled oplysninger om dig og om de borgere, der henvises.",
        body=_paragraphs(
            "Når du tilbyder din hjælp eller bestiller en frivillig, sendes dine oplysninger kun "
            "til den ene organisation, du vælger. Kun organisationens koordinatorer kan se dem.",
            "Kan den organisation, du har henvist en borger til, ikke hjælpe, kan dens koordinator "
            "give henvisningen videre til en anden organisation, der tilbyder det samme i "
            "borgerens kommune. Du får besked om hvem; den første organisation beholder kun en "
            "anonym optælling.",
            "Vi indsamler så lidt som muligt: navn, kontaktoplysninger og det, du selv skriver. "
            "Skriv aldrig helbredsoplysninger eller diagnoser i en henvendelse.",
            "Du kan altid få indsigt i eller få slettet dine oplysninger ved at skrive til os "
            "med referencenummeret fra din kvittering. Hvor længe vi gemmer dem, står nedenfor.",
        ),
    )
    accessibility = upsert_page(
        home, StandardPage, "tilgaengelighed", title="Tilgængelighedserklæring",
        intro="Bindeled skal kunne bruges af alle – også med skærmlæser og kun med tastatur.",
        body=_paragraphs(
            "Vi tester alle offentlige sider automatisk mod WCAG 2.2 niveau A og AA med axe-core "
            "i en rigtig browser, og alle formularer kan udfyldes med tastaturet alene.",
            "Siderne virker uden JavaScript. Hvis du møder en barriere, så skriv til os, så retter "
            "vi den.",
        ),
    )
    home.join_page = _join_page(home)
    home.save_revision().publish()
    out("  Bliv en del af Bindeled: /bliv-en-del-af-bindeled/")

    portal_settings = PortalSettings.load()
    portal_settings.about_page = about
    portal_settings.privacy_page = privacy
    portal_settings.accessibility_page = accessibility
    portal_settings.contact_email = "kontakt@bindeled.example"
    portal_settings.save()
    out("  Om Bindeled, Privatlivspolitik, Tilgængelighedserklæring")


def _join_page(home):
    """How an organisation joins and gets editors: where the home page's second path leads."""
    return upsert_page(
        home, StandardPage, "bliv-en-del-af-bindeled", title="Bliv en del af Bindeled",
        intro=(
            "Foreninger, kommuner, fonde og andre, der arbejder med socialt frivilligt arbejde, "
            "kan komme med på Bindeled. Det koster ikke noget."
        ),
        body=[
            ("heading", {"text": "Sådan kommer I med", "level": "h2"}),
            ("paragraph",
             "<ol><li>Skriv til Redaktionen med organisationens navn, CVR-nummer (hvis I har et) "
             "og de kommuner, I arbejder i.</li>"
             "<li>Redaktionen opretter jeres profilside under Organisationer og en gruppe til "
             "jeres redaktører og koordinatorer.</li>"
             "<li>Hver redaktør får sit eget login med tofaktorgodkendelse. I bestemmer selv, "
             "hvem der er redaktør, og kan altid bede om at få nogen fjernet.</li>"
             "<li>Jeres redaktører skriver frivilligopgaver, erfaringer og værktøjer under jeres "
             "profil. Redaktionen godkender dem, før de bliver offentlige; organisationer, "
             "Redaktionen kender, kan få lov at udgive frivilligopgaver direkte.</li></ol>"),
            ("heading", {"text": "Koordinatorer og henvendelser", "level": "h2"}),
            ("paragraph",
             "<p>Når en frivillig melder sig, eller en medarbejder bestiller en frivillig, får "
             "jeres koordinatorer henvendelsen – og kun jeres. De kan se, svare og lukke den i "
             "administrationen, og oplysningerne slettes automatisk efter en fast periode.</p>"),
            ("paragraph", NOTE_ILLUSTRATIVE),
        ],
    )
