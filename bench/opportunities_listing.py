"""Listing benchmark on PostgreSQL: p50/p95 server time of /frivilligopgaver/.

Fills the database in bulk with opportunities (pages with correct tree paths,
their municipalities, activities, target groups and shifts) under 100
organisations, then times the whole listing response through Django's test
client with 0, 1 and 3 filters, on page 1 and on the last page.

Usage (your own database; it is migrated and filled, and grows between sizes):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bindeled_opps_bench \\
        .venv/bin/python bench/opportunities_listing.py --sizes 1000 10000 100000

Rows are written with COPY and treebeard paths are computed here, not through
``add_child``: that is what makes 100,000 pages take minutes instead of hours.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402

from portal.core.models import Activity, Municipality, TargetGroup  # noqa: E402
from portal.home.models import HomePage  # noqa: E402
from portal.opportunities.facets import TOTAL, facet_counts, listing_changed  # noqa: E402
from portal.opportunities.listing import PAGE_SIZE, filtered_opportunities  # noqa: E402
from portal.opportunities.models import (  # noqa: E402
    Commitment,
    OpportunityIndexPage,
    OpportunityPage,
)
from portal.organisations.models import (  # noqa: E402
    OrganisationIndexPage,
    OrganisationKind,
    OrganisationPage,
)

ORGANISATIONS = 100
BATCH = 5000
RUNS = 30
RUNS_COLD = 10
WORDS = ("besøgsven", "it-hjælp", "lektiehjælp", "vågetjeneste", "spiseven", "festival",
         "indsamling", "motionsven", "sprogven", "mentor")
SCENARIOS = [
    ("0 filtre", ""),
    ("1 filter", "type=ad_hoc"),
    ("3 filtre", "region=nordjylland&type=ad_hoc&type=one_off&aktivitet=besoegsven"),
    ("3 filtre, næste vagt", "region=hovedstaden&aktivitet=it-hjaelp&uden_boerneattest=on"
                             "&sorter=naeste-vagt"),
]


def page_tree():
    """The home page, the two index pages and the organisations, made the normal way."""
    home = HomePage.objects.get()
    index = OpportunityIndexPage.objects.first() or home.add_child(
        instance=OpportunityIndexPage(title="Frivilligopgaver", slug="frivilligopgaver"))
    organisations_index = OrganisationIndexPage.objects.first() or home.add_child(
        instance=OrganisationIndexPage(title="Organisationer", slug="organisationer"))
    existing = OrganisationPage.objects.count()
    for number in range(existing, ORGANISATIONS):
        organisations_index.add_child(instance=OrganisationPage(
            title=f"Bench-forening {number}", slug=f"bench-forening-{number}",
            kind=OrganisationKind.NGO, summary="Forening til benchmark.", description="<p>.</p>"))
    return index, list(OrganisationPage.objects.order_by("pk")[:ORGANISATIONS])


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
                title=f"{rng.choice(WORDS).capitalize()} nr. {number}", draft_title=slug,
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
                rows.append((page.pk, f"Kort om {page.title}.", "[]", commitment,
                             rng.random() < 0.1, "", "occasion", None, end, None,
                             rng.random() < 0.25, "", "", "open" if rng.random() < 0.9
                             else "closed", org_pk, False))
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
                       "owner_organisation_id", "listed"], rows)
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


def measure(client, url, cold):
    """p50 and p95 in ms; ``cold`` empties the cache first, so the counts are computed."""
    for _ in range(2):
        assert client.get(url).status_code == 200
    times = []
    for _ in range(RUNS_COLD if cold else RUNS):
        if cold:
            cache.clear()
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def result_count(url):
    filterset, base, _results = filtered_opportunities(RequestFactory().get(url))
    return facet_counts(filterset, base)[TOTAL]


def explain(client, url):
    """EXPLAIN (ANALYZE, BUFFERS) every query the listing sends for ``url``, counts cold."""
    client.get(url)  # taxonomy lists cached, as in production
    listing_changed()  # but not the counts
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    print(f"## {url}: {len(captured)} queries")
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            if not query["sql"].lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
            print(query["sql"][:300], "...")
            print("\n".join(row[0] for row in cursor.fetchall()), "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--explain", action="store_true",
                        help="print the plans of the listing's queries instead of timing them")
    arguments = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database of your own.")
    call_command("migrate", verbosity=0)
    index, organisations = page_tree()
    rng = random.Random(2026)
    client = Client()
    print(f"{'stored':>8} {'scenario':<22} {'page':>6} {'results':>8} "
          f"{'cold p50':>9} {'cold p95':>9} {'warm p50':>9} {'warm p95':>9}")
    for size in sorted(arguments.sizes):
        started = time.perf_counter()
        added = fill(size, organisations, rng)
        size = OpportunityPage.objects.count()  # a database filled earlier may hold more
        print(f"# {size} opportunities ({added} added in {time.perf_counter() - started:.0f} s)")
        for label, query in SCENARIOS:
            count = result_count(f"{index.url}?{query}")
            if arguments.explain:
                for page_number in (1, max(1, -(-count // PAGE_SIZE))):
                    explain(client, f"{index.url}?{query}&page={page_number}")
                continue
            for page_number in (1, max(1, -(-count // PAGE_SIZE))):
                url = f"{index.url}?{query}&page={page_number}"
                cold, warm = measure(client, url, cold=True), measure(client, url, cold=False)
                print(f"{size:>8} {label:<22} {page_number:>6} {count:>8} "
                      f"{cold[0]:>9.1f} {cold[1]:>9.1f} {warm[0]:>9.1f} {warm[1]:>9.1f}")


if __name__ == "__main__":
    main()
