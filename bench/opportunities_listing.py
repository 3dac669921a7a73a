"""Listing benchmark on PostgreSQL: p50/p95 server time of /frivilligopgaver/.

Fills the database in bulk with opportunities (pages with correct tree paths,
their municipalities, activities, target groups and shifts) under 100
organisations, then times the whole listing response through Django's test
client with 0, 1 and 3 filters, on page 1, the middle page and the last page.

Usage (your own database; it is migrated and filled, and grows between sizes):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bindeled_opps_bench \\
        .venv/bin/python bench/opportunities_listing.py --sizes 1000 10000 100000

The rows are written in bulk by ``bench/seeding.py``.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.seeding import fill, page_tree  # noqa: E402
from portal.opportunities.facet_index import TOTAL, facet_counts, listing_changed  # noqa: E402
from portal.opportunities.listing import PAGE_SIZE, filtered_opportunities  # noqa: E402
from portal.opportunities.models import OpportunityPage  # noqa: E402

RUNS = 30
RUNS_AFTER_CHANGE = 10
SCENARIOS = [
    ("0 filtre", ""),
    ("1 filter", "type=ad_hoc"),
    ("3 filtre", "region=nordjylland&type=ad_hoc&type=one_off&aktivitet=besoegsven"),
    ("3 filtre, næste vagt", "region=hovedstaden&aktivitet=it-hjaelp&uden_boerneattest=on"
                             "&sorter=naeste-vagt"),
]


def measure(client, url, changed):
    """p50 and p95 in ms.

    ``changed`` announces a change to the listing before each request, as
    publishing an opportunity does, so each request rebuilds the facet index;
    otherwise the index is current and every request counts from it.
    """
    for _ in range(2):
        assert client.get(url).status_code == 200
    times = []
    for _ in range(RUNS_AFTER_CHANGE if changed else RUNS):
        if changed:
            listing_changed()
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def pages_to_time(count):
    """Page 1, the middle page (the deepest from either end) and the last page."""
    last = max(1, -(-count // PAGE_SIZE))
    return sorted({1, (last + 1) // 2, last})


def result_count(url):
    filterset, base = filtered_opportunities(RequestFactory().get(url))
    return facet_counts(filterset, base)[TOTAL]


def explain(client, url):
    """EXPLAIN (ANALYZE, BUFFERS) every query the listing sends for ``url``, index rebuilt."""
    client.get(url)  # taxonomy lists cached, as in production
    listing_changed()  # but not the facet index
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
          f"{'p50':>9} {'p95':>9} {'changed p50':>12} {'changed p95':>12}")
    for size in sorted(arguments.sizes):
        started = time.perf_counter()
        added = fill(size, organisations, rng)
        listing_changed()  # what the signals do for pages saved the ordinary way
        size = OpportunityPage.objects.count()  # a database filled earlier may hold more
        print(f"# {size} opportunities ({added} added in {time.perf_counter() - started:.0f} s)")
        for label, query in SCENARIOS:
            count = result_count(f"{index.url}?{query}")
            if arguments.explain:
                for page_number in pages_to_time(count):
                    explain(client, f"{index.url}?{query}&page={page_number}")
                continue
            for page_number in pages_to_time(count):
                url = f"{index.url}?{query}&page={page_number}"
                steady = measure(client, url, changed=False)
                changed = measure(client, url, changed=True)
                print(f"{size:>8} {label:<22} {page_number:>6} {count:>8} "
                      f"{steady[0]:>9.1f} {steady[1]:>9.1f} "
                      f"{changed[0]:>12.1f} {changed[1]:>12.1f}")


if __name__ == "__main__":
    main()
