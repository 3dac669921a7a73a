"""Search benchmark on PostgreSQL: p50/p95 of realistic Danish queries.

Seeds N organisation pages in bulk (each with municipalities and themes, Danish
text like the portal's opportunities and cases), indexes them with the
configured backend, then times:

- ``search``: the ranked first page of 20 and the total counted up to the
  page's cap (``search.views.COUNT_CAP``), as the page asks the backend;
- ``page``: the whole /soeg/ response (search, facets, details, template);
- ``page+facet``: the same with a municipality facet applied.

Usage (your own database; it is migrated and filled):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bindeled_search_bench \\
        .venv/bin/python bench/search_benchmark.py --pages 10000

Runs again reuse the seeded pages when the count matches (``--reseed`` forces).
"""

import argparse
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
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from modelsearch.backends import get_search_backend  # noqa: E402
from wagtail.models import Locale, Page  # noqa: E402

from portal.core.models import Municipality, Theme  # noqa: E402
from portal.organisations.models import OrganisationIndexPage, OrganisationPage  # noqa: E402
from search.views import COUNT_CAP, count_up_to, searchable_pages  # noqa: E402

QUERIES = [
    "besøgsven aalborg",
    "demens",
    "it-hjælp for ældre",
    "lektiehjælp",
    "vågetjeneste",
    "spiseven odense",
    "motionsven",
    "frivillige",
    "ensomhed",
    "digitalt værktøj vagtplan",
    "pårørende til demente",
    "xyzzy",
]
ACTIVITIES = ["Besøgsven", "It-hjælp", "Vågetjeneste", "Spiseven", "Motionsven", "Lektiehjælp",
              "Følgeven", "Demensven", "Cafévært", "Gåtur"]
GROUPS = ["ældre", "børn", "unge", "familier", "mennesker med demens", "pårørende",
          "nydanskere", "ensomme", "borgere på plejecenter"]
PHRASES = [
    "Vi søger frivillige, der har lyst til at gøre en forskel",
    "Opgaven passer til dig, der har et par timer om ugen",
    "Du bliver en del af et fællesskab med andre frivillige",
    "Vi tilbyder introduktion, sparring og kurser",
    "Kommunen og foreningen samarbejder om indsatsen",
    "Erfaringerne er samlet i en vejledning til andre kommuner",
    "Vagtplanen styres i et digitalt værktøj, som alle kan bruge",
    "Mange oplever ensomhed, og en fast aftale betyder meget",
]


def seed(count, batch=2000):
    index = OrganisationIndexPage.objects.first()
    if index is None:
        call_command("load_demo", verbosity=0)
        index = OrganisationIndexPage.objects.get()
    existing = OrganisationPage.objects.child_of(index).filter(slug__startswith="bench-")
    print(f"seeding {count} organisation pages…", flush=True)
    existing.delete()
    index.refresh_from_db()
    municipalities = list(Municipality.objects.all())
    themes = list(Theme.objects.all())
    content_type = ContentType.objects.get_for_model(OrganisationPage)
    locale = Locale.get_default()
    fields = [f for f in OrganisationPage._meta.local_concrete_fields if f.name != "page_ptr"]
    rng = random.Random(6)
    now = timezone.now()
    start = index.numchild
    for offset in range(0, count, batch):
        pages, details, links, theme_links = [], [], [], []
        for n in range(offset, min(offset + batch, count)):
            municipality = rng.choice(municipalities)
            activity, group = rng.choice(ACTIVITIES), rng.choice(GROUPS)
            title = f"{activity} for {group} i {municipality.name} ({n})"
            slug = f"bench-{n}"
            pages.append(Page(
                title=title, draft_title=title, slug=slug, content_type=content_type,
                path=OrganisationPage._get_path(index.path, index.depth + 1, start + n + 1),
                depth=index.depth + 1, numchild=0, url_path=f"{index.url_path}{slug}/",
                live=True, has_unpublished_changes=False, first_published_at=now,
                last_published_at=now, locale=locale, translation_key=uuid.uuid4(),
            ))
            summary = f"{activity} til {group}. {rng.choice(PHRASES)}."
            description = "<p>" + ". ".join(rng.sample(PHRASES, 3)) + ".</p>"
            details.append({"kind": "ngo", "summary": summary, "description": description})
            links.append(municipality)
            theme_links.append(rng.choice(themes))
        with transaction.atomic():
            Page.objects.bulk_create(pages)
            rows = []
            for page, detail in zip(pages, details, strict=True):
                values = {f.attname: f.get_default() for f in fields} | detail
                rows.append([page.id] + [values[f.attname] for f in fields])
            columns = ", ".join(["page_ptr_id"] + [f.column for f in fields])
            marks = ", ".join(["%s"] * (len(fields) + 1))
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {OrganisationPage._meta.db_table} ({columns}) VALUES ({marks})",
                    rows,
                )
            OrganisationPage.municipalities.through.objects.bulk_create(
                OrganisationPage.municipalities.through(organisationpage_id=p.id, municipality=m)
                for p, m in zip(pages, links, strict=True)
            )
            OrganisationPage.themes.through.objects.bulk_create(
                OrganisationPage.themes.through(organisationpage_id=p.id, theme=t)
                for p, t in zip(pages, theme_links, strict=True)
            )
        print(f"  {offset + len(pages)}", flush=True)
    Page.objects.filter(pk=index.pk).update(numchild=start + count)
    print("indexing…", flush=True)
    began = time.perf_counter()
    backend = get_search_backend()
    search_index = backend.get_index_for_model(OrganisationPage)
    seeded = OrganisationPage.objects.child_of(index).filter(slug__startswith="bench-")
    ids = list(seeded.values_list("id", flat=True))
    for offset in range(0, len(ids), batch):
        chunk = seeded.filter(id__in=ids[offset : offset + batch]).prefetch_related(
            "municipalities", "themes"
        )
        search_index.add_items(OrganisationPage, list(chunk))
    search_index.refresh()
    print(f"indexed in {time.perf_counter() - began:.0f} s", flush=True)


def timed(action, repeat):
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        times.append((time.perf_counter() - began) * 1000)
    return times


def report(label, times):
    times = sorted(times)
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    print(f"{label:<12} p50 {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms   "
          f"max {times[-1]:7.1f} ms   (n={len(times)})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--reseed", action="store_true")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Run this on PostgreSQL: set DATABASE_URL to a database of your own.")

    call_command("migrate", verbosity=0)
    seeded = OrganisationPage.objects.filter(slug__startswith="bench-").count()
    if args.reseed or seeded != args.pages:
        seed(args.pages)
    with connection.cursor() as cursor:
        # Indexing rewrites every entry once more (title norms), leaving as many
        # dead rows as live ones; autovacuum cleans that up in production, and a
        # benchmark on a table twice its size would time the seeding instead.
        cursor.execute("VACUUM ANALYZE")
    total = searchable_pages().count()
    print(f"\n{total} public pages; {len(QUERIES)} queries × {args.repeat} runs each\n")

    client = Client(HTTP_HOST="localhost")
    pages = searchable_pages()

    def search_only(query):
        list(pages.search(query, operator="and")[:20])
        count_up_to(pages.search(query, operator="and", order_by_relevance=False), COUNT_CAP)

    for query in QUERIES:  # warm caches, connections and query plans
        search_only(query)
        client.get("/soeg/", {"q": query})

    modes = {
        "search": lambda q: search_only(q),
        "page": lambda q: client.get("/soeg/", {"q": q}),
        "page+facet": lambda q: client.get("/soeg/", {"q": q, "kommune": "aalborg"}),
    }
    per_query = {}
    for label, action in modes.items():
        all_times = []
        for query in QUERIES:
            times = timed(lambda action=action, query=query: action(query), args.repeat)
            per_query.setdefault(query, {})[label] = statistics.median(times)
            all_times += times
        report(label, all_times)
    print("\nmedian ms per query:   search    page  page+facet")
    for query, times in per_query.items():
        print(f"  {query:<26} {times['search']:7.1f} {times['page']:7.1f} "
              f"{times['page+facet']:9.1f}")


if __name__ == "__main__":
    main()
