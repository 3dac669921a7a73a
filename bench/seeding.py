"""Bulk seeding shared by the benchmarks: opportunities under organisations, fast.

Rows are written with COPY and treebeard paths are computed here, not through
``add_child``: that is what makes 100,000 pages take a minute instead of hours.
Each opportunity gets 1–2 municipalities, activities and target groups, 0–3
shifts when it is ad hoc or one-off; 10 % are expired and 10 % closed. Titles
and summaries are Danish sentences, so full-text search has words to match;
``write_bodies`` adds a body paragraph for the search benchmark.
Call only after ``django.setup()`` on a PostgreSQL database.
"""

import datetime
import json
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from portal.core.models import Activity, Municipality, TargetGroup
from portal.home.models import HomePage
from portal.opportunities.models import Commitment, OpportunityIndexPage, OpportunityPage
from portal.organisations.models import OrganisationIndexPage, OrganisationKind, OrganisationPage

ORGANISATIONS = 100
BATCH = 5000
WORDS = ("besøgsven", "it-hjælp", "lektiehjælp", "vågetjeneste", "spiseven", "festival",
         "indsamling", "motionsven", "sprogven", "mentor")
GROUPS = ("ældre", "børn", "unge", "familier", "mennesker med demens", "pårørende",
          "nydanskere", "ensomme", "borgere på plejecenter")
PHRASES = (
    "Vi søger frivillige, der har lyst til at gøre en forskel",
    "Opgaven passer til dig, der har et par timer om ugen",
    "Du bliver en del af et fællesskab med andre frivillige",
    "Vi tilbyder introduktion, sparring og kurser",
    "Kommunen og foreningen samarbejder om indsatsen",
    "Mange oplever ensomhed, og en fast aftale betyder meget",
)


def page_tree():
    """The home page, the two index pages and the organisations, made the normal way.

    Danish pages only: the demo also holds English translations of some of them.
    """
    danish = Locale.get_default()
    home = HomePage.objects.get(locale=danish)
    index = OpportunityIndexPage.objects.filter(locale=danish).first() or home.add_child(
        instance=OpportunityIndexPage(title="Frivilligopgaver", slug="frivilligopgaver"))
    organisations_index = (
        OrganisationIndexPage.objects.filter(locale=danish).first() or home.add_child(
            instance=OrganisationIndexPage(title="Organisationer", slug="organisationer")))
    existing = OrganisationPage.objects.filter(locale=danish).count()
    for number in range(existing, ORGANISATIONS):
        organisations_index.add_child(instance=OrganisationPage(
            title=f"Bench-forening {number}", slug=f"bench-forening-{number}",
            kind=OrganisationKind.NGO, summary="Forening til benchmark.", description="<p>.</p>"))
    organisations = OrganisationPage.objects.filter(locale=danish).order_by("pk")
    return index, list(organisations[:ORGANISATIONS])


def copy_rows(table, columns, rows):
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def fill(target, organisations, rng):
    """Add opportunities until there are ``target`` of them."""
    have = OpportunityPage.objects.count()
    if have >= target:
        return 0
    content_type = ContentType.objects.get_for_model(OpportunityPage)
    locale = Locale.get_default()
    municipality_ids = list(Municipality.objects.values_list("pk", flat=True))
    activity_ids = list(Activity.objects.values_list("pk", flat=True))
    group_ids = list(TargetGroup.objects.values_list("pk", flat=True))
    today = timezone.localdate()
    now = timezone.now()
    children = dict(Page.objects.filter(pk__in=[org.pk for org in organisations])
                    .values_list("pk", "numchild"))
    for start in range(have, target, BATCH):
        pages = []
        for number in range(start, min(start + BATCH, target)):
            org = organisations[number % len(organisations)]
            children[org.pk] += 1
            slug = f"opgave-{number}"
            published = now - datetime.timedelta(minutes=rng.randrange(525_600))
            pages.append(Page(
                title=f"{rng.choice(WORDS).capitalize()} for {rng.choice(GROUPS)} nr. {number}",
                draft_title=slug,
                slug=slug, content_type=content_type, locale=locale, live=True,
                path=Page._get_path(org.path, org.depth + 1, children[org.pk]),
                depth=org.depth + 1, numchild=0, url_path=f"{org.url_path}{slug}/",
                first_published_at=published, last_published_at=published,
                translation_key=uuid.uuid4(),
            ))
        with transaction.atomic():
            Page.objects.bulk_create(pages)
            rows, m2m, shifts = [], {"m": [], "a": [], "t": []}, []
            for page in pages:
                org_pk = organisations[int(page.slug.rsplit("-", 1)[1]) % len(organisations)].pk
                commitment = rng.choice(Commitment.values)
                expired = rng.random() < 0.1
                end = today + datetime.timedelta(days=rng.randrange(-30, -1) if expired
                                                 else rng.randrange(10, 400))
                summary = f"{page.title}. {rng.choice(PHRASES)}."
                rows.append((page.pk, summary, "[]", commitment,
                             rng.random() < 0.1, "", "occasion", None, end, None,
                             rng.random() < 0.25, "", "", "open" if rng.random() < 0.9
                             else "closed", org_pk, False, "", False,
                             rng.random() < 0.15))
                for key, ids in (("m", municipality_ids), ("a", activity_ids), ("t", group_ids)):
                    for item in rng.sample(ids, rng.randint(1, 2)):
                        m2m[key].append((page.pk, item))
                if commitment in ("ad_hoc", "one_off"):
                    for _ in range(rng.randint(0, 3)):
                        begins = now + datetime.timedelta(hours=rng.randrange(-200, 1500))
                        shifts.append((page.pk, begins, begins + datetime.timedelta(hours=3),
                                       "", rng.randint(1, 8)))
            copy_rows("opportunities_opportunitypage",
                      ["page_ptr_id", "summary", "body", "commitment", "is_online", "place",
                       "hours_per", "start_date", "end_date", "application_deadline",
                       "requires_child_certificate", "languages", "contact_role", "status",
                       "owner_organisation_id", "listed", "image_alt", "image_decorative",
                       "english_speakers_welcome"], rows)
            copy_rows("opportunities_opportunitypage_municipalities",
                      ["opportunitypage_id", "municipality_id"], m2m["m"])
            copy_rows("opportunities_opportunitypage_activities",
                      ["opportunitypage_id", "activity_id"], m2m["a"])
            copy_rows("opportunities_opportunitypage_target_groups",
                      ["opportunitypage_id", "targetgroup_id"], m2m["t"])
            copy_rows("opportunities_shift",
                      ["opportunity_id", "starts_at", "ends_at", "place", "capacity"], shifts)
            # The listing's own columns, through the code that keeps them in production.
            OpportunityPage.objects.filter(
                pk__in=[page.pk for page in pages]).refresh_listing_columns()
    for org in organisations:
        Page.objects.filter(pk=org.pk).update(numchild=children[org.pk])
    with connection.cursor() as cursor:
        # What autovacuum does to a live table: statistics, and the visibility map
        # that lets the counts read the many-to-many indexes alone.
        cursor.execute("VACUUM ANALYZE")
    return target - have


# Sentences for the opportunities' body text (``write_bodies``): the everyday
# words of the portal, so that broad searches ("frivillige", "ensomhed", "ældre")
# match a large share of all pages, as they would on the real site.
BODY_SENTENCES = (
    "Som frivillig besøgsven kommer du hos en ældre borger en gang om ugen",
    "Mange ældre oplever ensomhed, og et fast besøg gør en stor forskel",
    "Du hjælper med it, mobiltelefon, MitID og digital post",
    "Vi mødes på biblioteket, hvor der er kaffe og god tid",
    "Opgaven kræver ingen forudsætninger ud over lyst og tålmodighed",
    "Du får en kontaktperson i foreningen og mulighed for supervision",
    "Børneattest indhentes, når du arbejder med børn under 15 år",
    "Pårørende til mennesker med demens får aflastning og et pusterum",
    "Vågetjenesten sidder hos døende, så ingen skal dø alene",
    "Lektiehjælpen foregår i klubben efter skole to eftermiddage om ugen",
    "Vi går tur sammen i naturen og snakker om løst og fast",
    "Spisevenner spiser med beboere på plejecentret og skaber hygge ved bordet",
    "Frivillige i festivalens crew får gratis adgang og forplejning",
    "Kommunens frivilligkoordinator hjælper med at finde den rette opgave",
    "Nydanskere øver dansk med en sprogven over en kop kaffe",
    "Indsamlingen foregår fra dør til dør en søndag i marts",
    "Mentorer støtter unge i uddannelse og job gennem et år",
    "Motionsvennen hjælper ældre med at komme ud og holde sig i gang",
    "Vi lægger vægt på tavshedspligt og respekt for borgerens ønsker",
    "Der er et introduktionskursus, før du starter, og fællesmøder hvert kvartal",
)


def write_bodies(rng, sentences=4):
    """Give every opportunity with an empty body a paragraph of Danish sentences.

    The listing does not read the body, so ``fill`` leaves it empty; the search
    indexes it, and a body is most of a real opportunity's text. One UPDATE from
    a COPY-filled temporary table.
    """
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT page_ptr_id FROM opportunities_opportunitypage "
                           "WHERE body = '[]'::jsonb ORDER BY page_ptr_id")
            ids = [row[0] for row in cursor.fetchall()]
            if not ids:
                return 0
            cursor.execute("CREATE TEMPORARY TABLE seeded_body (id integer, body jsonb) "
                           "ON COMMIT DROP")
            copy_rows("seeded_body", ["id", "body"], (
                (pk, json.dumps([{
                    "type": "paragraph", "id": str(uuid.UUID(int=rng.getrandbits(128))),
                    "value": "<p>" + ". ".join(rng.sample(BODY_SENTENCES, sentences)) + ".</p>",
                }]))
                for pk in ids
            ))
            cursor.execute("UPDATE opportunities_opportunitypage AS o SET body = s.body "
                           "FROM seeded_body AS s WHERE o.page_ptr_id = s.id")
    return len(ids)
