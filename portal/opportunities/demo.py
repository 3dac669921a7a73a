"""Demo: volunteer opportunities under the demo organisations, with shifts and sign-ups.

Every date is counted from today, so the demo never goes stale. Running it
again updates the same pages, shifts and bookings instead of adding more:
shifts are matched by their position on the page, bookings by reference.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from portal.core.demo import activities, municipalities, target_groups, upsert_page
from portal.core.illustrations import illustration, motif_alt
from portal.core.translations import in_default_locale
from portal.organisations.models import OrganisationPage

from .models import Commitment, OpportunityPage, Shift, ShiftBooking, Status

ONE_OFF, AD_HOC = Commitment.ONE_OFF, Commitment.AD_HOC
SHORT, REGULAR = Commitment.SHORT_PROJECT, Commitment.REGULAR
COLOURS = {"besoegsven": "#0b5d4b", "it-hjaelp": "#0a4f9e", "vaagetjeneste": "#5b3a7a",
           "lektiehjaelp": "#9a4d00", "arrangementer": "#b3261e", "spiseven": "#3d6b1f",
           "motionsven": "#6a4c93", "sprogven": "#00606f"}


def opp(org, slug, title, commitment, where, acts, groups, summary, text, **extra):
    return {"org": org, "slug": slug, "title": title, "commitment": commitment, "where": where,
            "activities": acts, "groups": groups, "summary": summary, "text": text, **extra}


# Shifts: (days from today, start hour, hours, capacity, places taken)
OPPORTUNITIES = [
    opp("besoegsvennerne-nord", "besoegsven-aalborg-oest", "Besøgsven for en ældre i Aalborg Øst",
        REGULAR, ("Aalborg",), ("besoegsven",), ("aeldre", "ensomme"),
        "Drik kaffe, gå en tur eller spil kort med en ældre, der sidder meget alene.",
        "Du besøger den samme ældre en gang om ugen i et par timer. Vi matcher jer efter "
        "interesser, og du får en introduktion og sparring med en koordinator.",
        hours=2, hours_per="week", min_age=18, skills=("tålmodighed", "nærvær"), needed=6),
    opp("besoegsvennerne-nord", "besoegsven-hjoerring", "Besøgsven i Hjørring",
        REGULAR, ("Hjørring",), ("besoegsven",), ("aeldre",),
        "Bliv fast besøgsven for en ældre borger i Hjørring.",
        "Mange ældre i Hjørring får kun besøg af hjemmeplejen. En fast besøgsven gør en stor "
        "forskel. Du bestemmer selv tidspunktet sammen med den, du besøger.",
        hours=2, hours_per="week", min_age=18, needed=4),
    opp("besoegsvennerne-nord", "telefonven-nordjylland", "Telefonven for ensomme ældre",
        REGULAR, (), ("besoegsven",), ("ensomme", "aeldre"),
        "Ring til en ældre en gang om ugen – hjemmefra og når det passer dig.",
        "Som telefonven ringer du til den samme person hver uge. Det kræver kun en telefon og "
        "lyst til at lytte.", online=True, hours=1, hours_per="week", needed=10),
    opp("besoegsvennerne-nord", "julehygge-frederikshavn", "Hjælpere til julehygge på plejecentret",
        ONE_OFF, ("Frederikshavn",), ("arrangementer",), ("aeldre",),
        "Hjælp med æbleskiver, sang og hygge en eftermiddag på Plejecenter Lærkely.",
        "Vi holder julehygge for beboerne og har brug for hænder til at servere, synge med og "
        "snakke.", hours=3, hours_per="occasion", shifts=[(12, 14, 3, 8, 5)], needed=8),
    opp("besoegsvennerne-nord", "sommerudflugt-faarup", "Hjælpere til sommerudflugten",
        ONE_OFF, ("Aalborg",), ("arrangementer",), ("aeldre",),
        "Udflugten er overstået – tak til alle, der hjalp.",
        "Sommerudflugten til Fårup Sø er afholdt.", end_offset=-20),
    opp("seniorer-paa-nettet", "it-cafe-online", "IT-hjælp over video",
        AD_HOC, (), ("it-hjaelp",), ("aeldre",),
        "Hjælp ældre med MitID og e-Boks over et videoopkald, når du har en time.",
        "Du tager vagter, når det passer dig, og hjælper ældre med digitale spørgsmål over "
        "video. Vi lærer dig de mest almindelige problemer at kende.",
        online=True, hours=1, hours_per="occasion", skills=("MitID", "e-Boks"),
        shifts=[(2, 10, 2, 3, 1), (5, 10, 2, 3, 0), (9, 19, 2, 3, 2)]),
    opp("festivalhjaelperne", "loppemarked-koebenhavn", "Hjælpere til loppemarked på Nørrebro",
        ONE_OFF, ("København",), ("arrangementer", "indsamling"), ("socialt-udsatte",),
        "Sæt boder op, sælg og ryd op ved vores støtteloppemarked.",
        "Overskuddet går til sommerferie for udsatte familier. Du kan tage en hel eller en halv "
        "dag.", hours=4, hours_per="occasion", min_age=15,
        shifts=[(6, 8, 4, 6, 5), (6, 12, 5, 6, 2)], needed=12,
        english=True),
    opp("festivalhjaelperne", "juleuddeling-frederiksberg", "Juleuddeling til familier",
        ONE_OFF, ("Frederiksberg",), ("arrangementer", "praktisk-hjaelp"), ("familier",),
        "Pak og del julekurve ud til familier med små indkomster.",
        "Vi pakker kurve om formiddagen og deler ud om eftermiddagen. Ingen erfaring kræves.",
        hours=4, hours_per="occasion", shifts=[(15, 9, 3, 10, 10), (15, 13, 4, 10, 7)],
        english=True),
    opp("festivalhjaelperne", "festival-roskilde", "Socialt team på festivalpladsen",
        AD_HOC, ("Roskilde",), ("arrangementer",), ("socialt-udsatte",),
        "Vær en rolig voksen i vores sociale team under festivalen.",
        "Du går runder med en erfaren frivillig og hjælper festivalgæster, der har det svært.",
        hours=6, hours_per="occasion", min_age=21, languages="dansk og engelsk",
        shifts=[(20, 16, 6, 4, 3), (21, 16, 6, 4, 1), (22, 22, 6, 4, 0)],
        deadline_offset=14,
        english=True),
    opp("festivalhjaelperne", "indsamling-koebenhavn", "Indsamler en lørdag",
        AD_HOC, ("København", "Frederiksberg"), ("indsamling",), ("socialt-udsatte",),
        "Gå med raslebøssen to timer en lørdag formiddag.",
        "Vi samler ind til varme måltider. Du får en rute tæt på, hvor du bor.",
        hours=2, hours_per="occasion", shifts=[(4, 10, 2, 20, 12), (11, 10, 2, 20, 3)]),
    opp("festivalhjaelperne", "gammel-sommerfest", "Sommerfest for udsatte familier",
        ONE_OFF, ("København",), ("arrangementer",), ("familier",),
        "Sommerfesten er aflyst i år.", "Sommerfesten er aflyst.", status=Status.CLOSED),
    opp("vaagekonerne", "vaager-odense", "Våger ved livets afslutning i Odense",
        AD_HOC, ("Odense",), ("vaagetjeneste",), ("doeende",),
        "Sid hos et menneske i de sidste timer, så ingen skal dø alene.",
        "Du bliver ringet op, når der er brug for en våger, og siger ja, når du kan. Vi holder "
        "introduktionskursus og supervision.", hours=4, hours_per="occasion", min_age=25,
        skills=("ro", "nærvær"), shifts=[(1, 22, 4, 1, 1), (3, 22, 4, 1, 0), (8, 2, 4, 1, 0)]),
    opp("vaagekonerne", "vaager-svendborg", "Våger i Svendborg og omegn",
        AD_HOC, ("Svendborg",), ("vaagetjeneste",), ("doeende", "paaroerende"),
        "Vær der for døende og deres pårørende, når det gælder.",
        "Vagterne ligger ofte om natten. Du aftaler selv, hvor ofte du kan.",
        hours=4, hours_per="occasion", min_age=25, shifts=[(2, 23, 4, 2, 1)]),
    opp("vaagekonerne", "introkursus-middelfart", "Introkursus for nye vågere",
        SHORT, ("Middelfart",), ("vaagetjeneste",), ("doeende",),
        "Tre aftener om at være våger – for dig, der overvejer at blive en af os.",
        "Kurset dækker samtale, stilhed og egne grænser.", start_offset=20, end_offset=34,
        deadline_offset=15, hours=3, hours_per="occasion"),
    opp("lektiecafe-gellerup", "lektiehjaelp-gellerup", "Lektiehjælper i Gellerup",
        REGULAR, ("Aarhus",), ("lektiehjaelp",), ("boern-og-unge", "etniske-minoriteter"),
        "Hjælp elever i 4.-9. klasse med matematik, dansk og engelsk.",
        "Lektiecaféen har åbent mandag til torsdag 15-18. Du kommer en fast dag om ugen.",
        hours=3, hours_per="week", child_certificate=True, min_age=17, needed=15,
        skills=("matematik", "dansk")),
    opp("lektiecafe-gellerup", "mentor-toveshoej", "Mentor for en ung på Toveshøj",
        REGULAR, ("Aarhus",), ("mentor",), ("boern-og-unge",),
        "Vær en voksen at spejle sig i for en ung mellem 13 og 17.",
        "Som mentor mødes du med den unge hver anden uge i et år.",
        hours=2, hours_per="week", child_certificate=True, min_age=20, needed=5),
    opp("lektiecafe-gellerup", "eksamenslaesning", "Eksamenslæsning i maj",
        SHORT, ("Aarhus",), ("lektiehjaelp",), ("boern-og-unge",),
        "Hjælp 9.-klasser med at læse op til afgangsprøverne.",
        "Et kort og intensivt forløb med ekstra åbent i lektiecaféen.",
        start_offset=25, end_offset=55, deadline_offset=20, hours=4, hours_per="week",
        child_certificate=True),
    opp("lektiecafe-gellerup", "lektiecafe-paa-pause", "Weekend-lektiecafé",
        REGULAR, ("Aarhus",), ("lektiehjaelp",), ("boern-og-unge",),
        "Weekendcaféen holder pause, til vi har fundet nye lokaler.",
        "Vi åbner igen, når lokalerne er på plads.", status=Status.PAUSED),
    opp("ishoej-sammen", "spiseven-ishoej", "Spiseven i Ishøj",
        REGULAR, ("Ishøj",), ("spiseven",), ("aeldre", "ensomme"),
        "Spis aftensmad med en ældre, der ellers spiser alene.",
        "Spisevenner mødes en gang om ugen, hjemme hos den ældre eller til fællesspisning.",
        hours=2, hours_per="week", needed=8),
    opp("ishoej-sammen", "faellesspisning-ishoej", "Kok til fællesspisning",
        AD_HOC, ("Ishøj",), ("spiseven", "arrangementer"), ("aeldre", "familier"),
        "Lav mad til 40 i beboerhuset – tag en vagt, når du har tid.",
        "Vi laver mad sammen fra kl. 15, og der spises kl. 18.", hours=4, hours_per="occasion",
        shifts=[(3, 15, 4, 4, 3), (10, 15, 4, 4, 1), (17, 15, 4, 4, 0)],
        english=True),
    opp("ishoej-sammen", "gaaven-ishoej", "Gåven ved Ishøj Strand",
        REGULAR, ("Ishøj", "Hvidovre"), ("motionsven",), ("aeldre",),
        "Gå en tur langs stranden med en ældre, der ikke tør gå alene.",
        "Vi mødes ved Strandparkens p-plads tirsdag og torsdag formiddag.", hours=1,
        hours_per="week"),
    opp("demensvenner-vejle", "motionsven-vejle", "Motionsven for en med demens",
        REGULAR, ("Vejle",), ("motionsven",), ("mennesker-med-demens",),
        "Gå ture eller cykel på tandemcykel med en borger med demens.",
        "De pårørende får et pusterum, og du får en god ven. Vi giver dig et kursus i demens.",
        hours=2, hours_per="week", needed=6),
    opp("demensvenner-vejle", "aflastning-fredericia", "Aflastning for pårørende",
        REGULAR, ("Fredericia",), ("besoegsven",), ("paaroerende", "mennesker-med-demens"),
        "Vær hos en borger med demens, mens ægtefællen får tid for sig selv.",
        "Aflastningen sker hjemme hos familien, typisk en eftermiddag om ugen.",
        hours=3, hours_per="week", min_age=20),
    opp("demensvenner-vejle", "demenscafe-kolding", "Værter i demenscaféen",
        AD_HOC, ("Kolding",), ("arrangementer",), ("mennesker-med-demens", "paaroerende"),
        "Byd velkommen, lav kaffe og snak med gæsterne i demenscaféen.",
        "Caféen har åbent hver anden torsdag. Tag de vagter, du kan.", hours=3,
        hours_per="occasion", shifts=[(7, 13, 3, 3, 0), (21, 13, 3, 3, 0)]),
    opp("nabovenner-esbjerg", "sprogven-esbjerg", "Sprogven for en nytilkommen familie",
        REGULAR, ("Esbjerg",), ("sprogven",), ("flygtninge", "familier"),
        "Øv dansk over en kop kaffe med en familie, der er ny i Danmark.",
        "I mødes hjemme hos familien eller på biblioteket. Det vigtigste er at tale sammen.",
        hours=2, hours_per="week", languages="dansk, gerne arabisk eller tigrinya"),
    opp("nabovenner-esbjerg", "cykelvaerksted-esbjerg", "Cykelværksted for nytilkomne",
        AD_HOC, ("Esbjerg",), ("praktisk-hjaelp",), ("flygtninge",),
        "Hjælp med at reparere cykler og lær fra dig om lappegrej og gear.",
        "Værkstedet har åbent lørdag formiddag.", hours=3, hours_per="occasion",
        skills=("cykelreparation",), shifts=[(5, 10, 3, 4, 1), (12, 10, 3, 4, 0)],
        english=True),
    opp("nabovenner-esbjerg", "brevhjaelp-esbjerg", "Hjælp med breve fra kommunen",
        AD_HOC, ("Esbjerg",), ("raadgivning",), ("flygtninge", "etniske-minoriteter"),
        "Forklar breve fra kommunen og Skat i vores åbne rådgivning.",
        "Rådgivningen er åben onsdag aften. Du behøver ikke være ekspert.",
        hours=2, hours_per="occasion", deadline_offset=-3),
    opp("aalborg-kommune", "spisevenner-plejecentre-aalborg", "Spiseven på plejecentret",
        REGULAR, ("Aalborg",), ("spiseven",), ("aeldre",),
        "Spis frokost med beboerne på et af kommunens plejecentre.",
        "Måltidet bliver mere hyggeligt, og beboerne spiser mere, når der er selskab.",
        hours=2, hours_per="week", needed=10),
    opp("aalborg-kommune", "hoejskoledag-aalborg", "Hjælpere til seniorhøjskoledag",
        ONE_OFF, ("Aalborg",), ("arrangementer", "transport"), ("aeldre",),
        "Hent gæster, servér kaffe og hjælp til rette på seniorhøjskoledagen.",
        "En hel dag med foredrag og sang for 200 seniorer.", hours=7, hours_per="occasion",
        shifts=[(18, 8, 7, 15, 13)]),
    opp("ishoej-kommune", "kontaktperson-ishoej", "Frivillig ved kommunens ældrecafé",
        REGULAR, ("Ishøj",), ("besoegsven",), ("aeldre",),
        "Vær fast ansigt i ældrecaféen på rådhuset.",
        "Caféen er for ældre, der vil møde andre. Du er vært en dag om ugen.", hours=3,
        hours_per="week"),
    opp("odense-kommune", "vaagere-plejecentre-odense", "Vågetjeneste på Odenses plejecentre",
        AD_HOC, ("Odense",), ("vaagetjeneste",), ("doeende",),
        "Vær med på kommunens liste over vågere, der kan tilkaldes.",
        "Plejecentrene ringer, når en beboer uden pårørende er døende.", hours=4,
        hours_per="occasion", min_age=25, shifts=[(4, 20, 4, 2, 0)]),
    opp("aarhus-kommune", "skolelaesning-aarhus", "Læsevenner i indskolingen",
        SHORT, ("Aarhus",), ("lektiehjaelp",), ("boern-og-unge",),
        "Læs med en elev i 1.-3. klasse en gang om ugen i et halvt år.",
        "Læsevennen styrker barnets lyst til at læse.", start_offset=10, end_offset=190,
        deadline_offset=30, hours=1, hours_per="week", child_certificate=True),
    opp("koebenhavns-kommune", "digital-hjaelp-bibliotek", "Digital hjælp på Hovedbiblioteket",
        AD_HOC, ("København",), ("it-hjaelp",), ("aeldre", "etniske-minoriteter"),
        "Hjælp borgere med digitale selvbetjeningsløsninger i bibliotekets IT-café.",
        "Vi sidder sammen med borgerservice. Du tager de vagter, der passer dig.",
        hours=2, hours_per="occasion", shifts=[(1, 10, 2, 2, 1), (8, 10, 2, 2, 0)]),
    opp("frivilligcenter-svendborg", "hjaelp-til-frivilligcentret", "Frivillig i receptionen",
        REGULAR, ("Svendborg",), ("praktisk-hjaelp",), ("socialt-udsatte",),
        "Tag imod gæster og besvar telefonen i Frivilligcenter Svendborg.",
        "Du er første kontakt for foreninger og frivillige.", hours=4, hours_per="week"),
    opp("frivilligcenter-svendborg", "havnefest-svendborg", "Havnefest – frivillige i baren",
        ONE_OFF, ("Svendborg",), ("arrangementer",), ("familier",),
        "Stå i baren til havnefesten og vær med til at samle penge ind.",
        "Alt overskud går til foreningslivet.", hours=4, hours_per="occasion", min_age=18,
        shifts=[(26, 14, 4, 8, 2), (26, 18, 5, 8, 6)]),
    opp("boligforeningen-strandparken", "lektiecafe-strandparken", "Lektiecafé i Strandparken",
        REGULAR, ("Ishøj",), ("lektiehjaelp",), ("boern-og-unge",),
        "Hjælp børn i boligområdet med lektierne tirsdag og torsdag.",
        "Lektiecaféen ligger i beboerhuset.", hours=2, hours_per="week",
        child_certificate=True),
    opp("boligforeningen-strandparken", "seniorklub-hvidovre", "Seniorklubbens udflugt",
        ONE_OFF, ("Hvidovre",), ("arrangementer", "transport"), ("aeldre",),
        "Kør med og hjælp til rette på seniorklubbens tur til Dyrehavsbakken.",
        "Vi kører i minibus, og der er brug for to hjælpere.", hours=6, hours_per="occasion",
        shifts=[(13, 9, 6, 2, 1)]),
]

# The same task in more towns, as organisations that work nationwide do post it.
IT_CAFE_TOWNS = ("Aalborg", "Aarhus", "Odense", "Kolding", "Esbjerg", "Roskilde", "Vejle")
for number, town in enumerate(IT_CAFE_TOWNS):
    OPPORTUNITIES.append(opp(
        "seniorer-paa-nettet", f"it-cafe-{town.lower().replace('ø', 'oe').replace('å', 'aa')}",
        f"IT-café på biblioteket i {town}", REGULAR if number % 2 else AD_HOC, (town,),
        ("it-hjaelp",), ("aeldre",),
        f"Hjælp ældre i {town} med telefon, tablet, MitID og e-Boks.",
        "IT-caféen har åbent en gang om ugen på biblioteket. Du behøver ikke være ekspert – "
        "tålmodighed er vigtigere.", hours=2,
        hours_per="week" if number % 2 else "occasion", skills=("MitID", "smartphone"),
        shifts=[] if number % 2 else [(3 + number, 13, 2, 4, number % 3)]))


PLACES = {
    "julehygge-frederikshavn": "Plejecenter Lærkely, Frederikshavn",
    "loppemarked-koebenhavn": "Blågårds Plads, København N",
    "juleuddeling-frederiksberg": "Frederiksberg Kirkes menighedssal",
    "festival-roskilde": "Festivalpladsen, Roskilde",
    "indsamling-koebenhavn": "Mødested: Nørrebro Station",
    "vaager-odense": "Plejecentre i Odense Kommune",
    "faellesspisning-ishoej": "Beboerhuset, Ishøj Strandvej",
    "demenscafe-kolding": "Demenscaféen, Kolding Bibliotek",
    "cykelvaerksted-esbjerg": "Kvarterhuset, Stengårdsvej, Esbjerg",
    "hoejskoledag-aalborg": "Aalborg Kongres & Kultur Center",
    "digital-hjaelp-bibliotek": "Hovedbiblioteket, Krystalgade, København",
    "havnefest-svendborg": "Frederiksøen, Svendborg Havn",
    "seniorklub-hvidovre": "Afgang fra Strandparkens beboerhus",
    "lektiehjaelp-gellerup": "Gellerup Bibliotek, Aarhus V",
    "spisevenner-plejecentre-aalborg": "Plejecentre i Aalborg Kommune",
}


def _date(offset):
    return None if offset is None else timezone.localdate() + datetime.timedelta(days=offset)


def _shift_times(days, hour, hours):
    day = timezone.localdate() + datetime.timedelta(days=days)
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
    return start, start + datetime.timedelta(hours=hours)


def _image(organisation, activity):
    """The organisation's own picture of the activity, in its own collection."""
    colour = COLOURS.get(activity, "#0b5d4b")
    return illustration(f"{organisation.title}: {activity}", activity, colour,
                        organisation.access.collection)


def load(out):
    organisations = {page.slug: page for page in in_default_locale(OrganisationPage.objects)}
    booking_number = 0
    for row in OPPORTUNITIES:
        organisation = organisations[row["org"]]
        existing = OpportunityPage.objects.child_of(organisation).filter(slug=row["slug"]).first()
        old_shifts = list(existing.shifts.order_by("pk")) if existing else []
        shifts = []
        for position, (days, hour, hours, capacity, _taken) in enumerate(row.get("shifts", [])):
            shift = old_shifts[position] if position < len(old_shifts) else Shift()
            shift.starts_at, shift.ends_at = _shift_times(days, hour, hours)
            shift.place, shift.capacity = PLACES.get(row["slug"], ""), capacity
            shifts.append(shift)
        page = upsert_page(
            organisation, OpportunityPage, row["slug"],
            title=row["title"], summary=row["summary"],
            body=[("paragraph", f"<p>{row['text']}</p>")],
            image=_image(organisation, row["activities"][0]),
            image_alt=motif_alt(row["activities"][0]),
            commitment=row["commitment"], is_online=row.get("online", False),
            municipalities=municipalities(*row["where"]),
            activities=activities(*row["activities"]),
            target_groups=target_groups(*row["groups"]),
            place=PLACES.get(row["slug"], ""),
            hours=Decimal(row["hours"]) if row.get("hours") else None,
            hours_per=row.get("hours_per", "occasion"),
            start_date=_date(row.get("start_offset")),
            end_date=_date(row.get("end_offset")),
            application_deadline=_date(row.get("deadline_offset")),
            requires_child_certificate=row.get("child_certificate", False),
            minimum_age=row.get("min_age"),
            languages=row.get("languages", "dansk"),
            english_speakers_welcome=row.get("english", False),
            skills=list(row.get("skills", ())),
            volunteers_needed=row.get("needed"),
            contact_role="Frivilligkoordinator",
            status=row.get("status", Status.OPEN),
            shifts=shifts,
        )
        for shift, spec in zip(page.shifts.order_by("pk"), row.get("shifts", []), strict=True):
            references = [f"DEMO-{booking_number + n + 1:04}" for n in range(spec[4])]
            booking_number += spec[4]
            _sync_bookings(shift, references)
    open_count = OpportunityPage.objects.open().count()
    out(f"  {len(OPPORTUNITIES)} frivilligopgaver ({open_count} åbne), "
        f"{booking_number} tilmeldinger til vagter")


def _sync_bookings(shift, references):
    """Exactly these demo bookings on the shift; sign-ups made by people are left alone."""
    ShiftBooking.objects.filter(shift=shift, reference__startswith="DEMO-").exclude(
        reference__in=references
    ).delete()
    have = set(shift.bookings.filter(reference__in=references).values_list("reference", flat=True))
    ShiftBooking.objects.bulk_create(
        ShiftBooking(shift=shift, reference=reference)
        for reference in references if reference not in have
    )
