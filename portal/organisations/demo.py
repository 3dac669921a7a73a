"""Demo: organisations of all four kinds and the demo logins.

The associations and foundations are fictional; the municipalities are real
municipalities, but what the demo says they do is illustrative.
"""

from django.contrib.auth import get_user_model

from portal.core.demo import municipalities, themes, upsert_page
from portal.core.illustrations import logo
from portal.core.translations import in_default_locale
from portal.core.two_factor import install_known_app, replace_backup_codes

from .models import OrganisationIndexPage, OrganisationKind, OrganisationPage

DEMO_PASSWORD = "bindeled-demo"
# Superusers and coordinators must sign in with a second factor, in the demo
# too. Their authenticator-app secret and backup codes are printed, not secret:
# the demo is for trying the portal out, never for real data.
DEMO_TOTP_SECRET = "BINDELEDDEMOBINDELEDDEMOBINDELED"
DEMO_BACKUP_CODES = [f"demo-kode-{number}" for number in range(1, 6)]

# slug, title, kind, municipalities, nationwide, themes, colour, summary, description
ORGANISATIONS = [
    ("besoegsvennerne-nord", "Besøgsvennerne Nord", OrganisationKind.NGO,
     ("Aalborg", "Hjørring", "Frederikshavn"), False, ("ensomhed",), "#0b5d4b",
     "Frivillige besøgsvenner til ensomme ældre i Nordjylland.",
     "Vi matcher ensomme ældre med en fast besøgsven, der kommer en gang om ugen til kaffe, "
     "en gåtur eller et spil kort. Mange henvisninger kommer fra hjemmeplejen."),
    ("seniorer-paa-nettet", "Seniorer på Nettet", OrganisationKind.NGO,
     (), True, ("digital-inklusion",), "#0a4f9e",
     "IT-frivillige, der lærer ældre at bruge MitID, e-Boks og sundhed.dk.",
     "Vores IT-frivillige holder åbne IT-caféer på biblioteker og plejecentre i hele landet. "
     "Vi samarbejder med kommunernes borgerservice om de digitale selvbetjeningsløsninger."),
    ("vaagekonerne", "Vågekonerne – frivillige ved livets afslutning", OrganisationKind.NGO,
     ("Odense", "Svendborg", "Middelfart"), False, ("den-sidste-tid",), "#5b3a7a",
     "Frivillige, der våger hos døende, så ingen skal dø alene.",
     "Vores vågere sidder hos mennesker i deres sidste døgn, når de pårørende ikke kan være der. "
     "Alle vågere gennemgår et introduktionskursus og får supervision."),
    ("lektiecafe-gellerup", "Lektiecaféen i Gellerup", OrganisationKind.NGO,
     ("Aarhus",), False, ("integration", "boern-og-unge"), "#9a4d00",
     "Lektiehjælp og mentorer til børn og unge i Gellerup og Toveshøj.",
     "Frivillige studerende og pensionister hjælper børn og unge med lektierne fire "
     "eftermiddage om ugen. Mange af eleverne har forældre med en anden baggrund end dansk."),
    ("ishoej-sammen", "Ishøj Sammen mod Ensomhed", OrganisationKind.NGO,
     ("Ishøj",), False, ("ensomhed", "samskabelse"), "#3d6b1f",
     "Netværk af foreninger, boligsociale projekter og ældrerådet i Ishøj.",
     "Netværket samler lokale foreninger, boligforeninger og ældrerådet om at nå ensomme ældre. "
     "Vi står for spisevenner, fællesspisning og gåture."),
    ("festivalhjaelperne", "Festivalhjælperne", OrganisationKind.NGO,
     ("København", "Frederiksberg", "Roskilde"), False, ("frivilligledelse",), "#b3261e",
     "Ad hoc-frivillige til arrangementer, indsamlinger og sociale events.",
     "Vi formidler frivillige, der vil give en hånd nogle timer ad gangen: ved loppemarkeder, "
     "juleuddelinger, indsamlinger og sommerfester for udsatte familier."),
    ("demensvenner-vejle", "Demensvenner Vejle", OrganisationKind.NGO,
     ("Vejle", "Fredericia", "Kolding"), False, ("demens",), "#6a4c93",
     "Aflastning og samvær for mennesker med demens og deres pårørende.",
     "Vores frivillige er motionsvenner og besøgsvenner for mennesker med demens, så de "
     "pårørende kan få et pusterum."),
    ("nabovenner-esbjerg", "Nabovenner Esbjerg", OrganisationKind.NGO,
     ("Esbjerg",), False, ("integration",), "#00606f",
     "Sprogvenner og netværk for flygtninge og nytilkomne familier.",
     "Vi mødes over sprogcafé, cykelværksted og madlavning. Frivillige hjælper nytilkomne med "
     "dansk, breve fra kommunen og at finde en fritidsaktivitet til børnene."),
    ("aalborg-kommune", "Aalborg Kommune", OrganisationKind.MUNICIPALITY,
     ("Aalborg",), False, ("ensomhed", "samskabelse"), "#1f4e79",
     "Ældre- og Handicapforvaltningens frivilligkoordinering.",
     "Kommunens frivilligkoordinatorer samarbejder med foreninger om besøgsvenner, "
     "spisevenner og aktiviteter på plejecentrene."),
    ("ishoej-kommune", "Ishøj Kommune", OrganisationKind.MUNICIPALITY,
     ("Ishøj",), False, ("ensomhed", "samskabelse"), "#1f4e79",
     "Frivillighed og samskabelse i Ishøj.",
     "Ishøj Kommune understøtter netværket mod ensomhed med lokaler, koordinering og "
     "henvisninger fra hjemmeplejen."),
    ("odense-kommune", "Odense Kommune", OrganisationKind.MUNICIPALITY,
     ("Odense",), False, ("den-sidste-tid", "samskabelse"), "#1f4e79",
     "Ældre- og Handicapforvaltningen samarbejder med frivillige om den sidste tid.",
     "Plejecentre og hjemmepleje kan bestille en våger via Bindeled, når en borger er døende "
     "og ikke har pårørende, der kan være til stede."),
    ("aarhus-kommune", "Aarhus Kommune", OrganisationKind.MUNICIPALITY,
     ("Aarhus",), False, ("boern-og-unge", "integration"), "#1f4e79",
     "Børn og Unge samarbejder med lektiecaféer og mentorordninger.",
     "Kommunens skoler og fritidstilbud henviser elever til lektiecaféer og "
     "mentorordninger drevet af frivillige."),
    ("koebenhavns-kommune", "Københavns Kommune", OrganisationKind.MUNICIPALITY,
     ("København",), False, ("digital-inklusion", "samskabelse"), "#1f4e79",
     "Borgerservice og biblioteker i samarbejde med IT-frivillige.",
     "Bibliotekerne lægger lokaler til IT-caféer, og borgerservice henviser borgere, "
     "der har brug for hjælp til digitale løsninger."),
    ("fonden-for-faellesskab", "Fonden for Fællesskab", OrganisationKind.FOUNDATION,
     (), True, ("ensomhed", "samskabelse"), "#7a5c00",
     "Fond, der støtter lokale partnerskaber mod ensomhed.",
     "Fonden uddeler midler til partnerskaber mellem foreninger og kommuner, der afprøver nye "
     "måder at nå ensomme på. Vi lægger vægt på, at erfaringerne deles."),
    ("digital-frivillighed-fonden", "Fonden Digital Frivillighed", OrganisationKind.FOUNDATION,
     (), True, ("digital-inklusion", "frivilligledelse"), "#7a5c00",
     "Fond, der støtter digitalisering i frivillige foreninger.",
     "Vi støtter foreninger, der vil tage digitale værktøjer i brug til rekruttering, "
     "vagtplaner og kommunikation – og forskning i, hvad der virker."),
    ("frivilligcenter-svendborg", "Frivilligcenter Svendborg", OrganisationKind.OTHER,
     ("Svendborg",), False, ("frivilligledelse",), "#00606f",
     "Lokalt frivilligcenter, der hjælper foreninger og frivillige med at finde hinanden.",
     "Frivilligcentret rådgiver foreninger om rekruttering og formidler frivillige til "
     "opgaver i hele Svendborg Kommune."),
    ("boligforeningen-strandparken", "Boligforeningen Strandparken", OrganisationKind.OTHER,
     ("Ishøj", "Hvidovre"), False, ("ensomhed", "boern-og-unge"), "#4a4a55",
     "Boligsocial helhedsplan med frivillige aktiviteter for beboerne.",
     "Den boligsociale helhedsplan driver fællesspisning, lektiecafé og seniorklub sammen med "
     "frivillige beboere."),
]


def _initials(title):
    words = [word for word in title.replace("–", " ").split() if word[0].isupper()]
    return "".join(word[0] for word in words[:2])


def load(out):
    index = in_default_locale(OrganisationIndexPage.objects).get()
    for number, row in enumerate(ORGANISATIONS, start=1):
        slug, title, kind, municipality_names, nationwide, theme_slugs, colour, summary, text = row
        page = upsert_page(
            index, OrganisationPage, slug,
            title=title, kind=kind, summary=summary,
            description=f"<p>{text}</p>",
            works_nationwide=nationwide,
            municipalities=municipalities(*municipality_names),
            themes=themes(*theme_slugs),
            website=f"https://{slug}.example",
            contact_name="Frivilligkoordinator",
            contact_email=f"kontakt@{slug}.example",
        )
        _give_logo(page, colour)
        out(f"  [{number:2}/{len(ORGANISATIONS)}] {title}")
    _demo_users(out)


def _give_logo(page, colour):
    """A logo from the organisation's own collection, which exists once the page does.

    Decorative: the organisation's name stands beside it wherever it is shown.
    """
    image = logo(f"Logo: {page.title}", _initials(page.title), colour, page.access.collection)
    if page.logo_id != image.pk or not page.image_decorative:
        page.logo, page.image_alt, page.image_decorative = image, "", True
        page.save_revision().publish()


def _demo_users(out):
    User = get_user_model()
    admin, _ = User.objects.get_or_create(
        username="admin",
        defaults={"email": "admin@bindeled.example", "first_name": "Portal", "last_name": "Admin"},
    )
    admin.is_staff = admin.is_superuser = True
    admin.set_password(DEMO_PASSWORD)
    admin.save()
    give_demo_second_factor(admin)

    editor, _ = User.objects.get_or_create(
        username="redaktoer",
        defaults={"email": "redaktoer@besoegsvennerne-nord.example", "first_name": "Rikke",
                  "last_name": "Redaktør"},
    )
    editor.set_password(DEMO_PASSWORD)
    editor.save()
    organisation = in_default_locale(OrganisationPage.objects).get(slug="besoegsvennerne-nord")
    editor.groups.add(organisation.access.editors)
    out(f"  logins: admin / {DEMO_PASSWORD} (superuser), redaktoer / {DEMO_PASSWORD} (editor)")
    out(f"  second factor (admin, coordinators): app secret {DEMO_TOTP_SECRET} "
        f"or a backup code {DEMO_BACKUP_CODES[0]} … {DEMO_BACKUP_CODES[-1]}")


def give_demo_second_factor(user):
    """The printed app secret and fresh backup codes, however many were used before."""
    install_known_app(user, DEMO_TOTP_SECRET)
    replace_backup_codes(user, DEMO_BACKUP_CODES)
