"""Knowledge-hub benchmark: queries and p50/p95 server time of its pages as content grows.

Loads the demo, then adds cases (each with partners, themes and a tool) and
tools (each with experiences) in steps, and after each step times the three
listings (plain and filtered), a case, a tool, an organisation profile and the
comparison through Django's test client. The query counts should not move.

Usage (your own database; it is migrated, filled and grows between sizes):

    DATABASE_URL=sqlite:////tmp/hub_bench.sqlite3 \\
        .venv/bin/python bench/hub_pages.py --sizes 0 200 1000
"""

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402

from portal.cases.models import CasePage, CasePartner, PartnerRole  # noqa: E402
from portal.core.models import Theme  # noqa: E402
from portal.organisations.models import OrganisationPage  # noqa: E402
from portal.toolshare.models import CostModel, ToolPage, ToolUsage  # noqa: E402

RUNS = 15


def grow(to_cases):
    organisations = list(OrganisationPage.objects.all())
    themes = list(Theme.objects.all())
    tools = list(ToolPage.objects.all())
    have = CasePage.objects.count()
    with transaction.atomic():
        for number in range(have, to_cases):
            owner = organisations[number % len(organisations)]
            case = owner.add_child(instance=CasePage(
                title=f"Bench-case {number}", slug=f"bench-case-{number}",
                summary="Forening og kommune om besøgsvenner.", story=[],
                start_date=datetime.date(2015 + number % 10, 1, 1),
            ))
            case.themes.set(themes[number % 4: number % 4 + 3])
            case.tools.set([tools[number % len(tools)]])
            case.save()
            CasePartner.objects.bulk_create(
                CasePartner(case=case, organisation=organisations[(number + step) % 17],
                            role=PartnerRole.PARTNER)
                for step in range(3)
            )
            if number % 5 == 0:
                tool = owner.add_child(instance=ToolPage(
                    title=f"Bench-værktøj {number}", slug=f"bench-tool-{number}",
                    summary="Vagtplaner.", description="<p>x</p>", maker="Bench",
                    cost_model=CostModel.FREE,
                ))
                ToolUsage.objects.bulk_create(
                    ToolUsage(tool=tool, organisation=organisation, used_for="bench",
                              what_worked="ok")
                    for organisation in organisations[:5]
                )


def measure(client, url):
    client.get(url)
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    # A wrapper rather than the debug query log: the log goes when a request
    # closes its connection.
    with connection.execute_wrapper(count):
        client.get(url)
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
    times.sort()
    return len(queries), statistics.median(times), times[int(len(times) * 0.95) - 1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 200])
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as devnull:
        call_command("load_demo", stdout=devnull)
    case = CasePage.objects.get(slug="it-frivillige-og-borgerservice")
    tool = ToolPage.objects.get(slug="vagtplan-frivillig")
    ids = "&".join(f"vaerktoej={pk}" for pk in ToolPage.objects.values_list("pk", flat=True)[:3])
    urls = [
        "/erfaringer/", "/erfaringer/?tema=ensomhed&tema=samskabelse&partnere=forening-kommune",
        "/vaerktoejer/", "/vaerktoejer/?kategori=vagtplaner&data=eu",
        "/organisationer/", "/organisationer/?type=ngo&tema=ensomhed",
        case.url, tool.url, "/organisationer/festivalhjaelperne/",
        f"/vaerktoejer/sammenlign/?{ids}",
    ]
    client = Client()
    for size in args.sizes:
        grow(max(size, CasePage.objects.count()))
        print(f"\n{CasePage.objects.count()} cases, {ToolPage.objects.count()} tools, "
              f"{ToolUsage.objects.count()} experiences")
        print(f"{'queries':>7} {'p50 ms':>7} {'p95 ms':>7}  url")
        for url in urls:
            count, p50, p95 = measure(client, url)
            print(f"{count:>7} {p50:>7.1f} {p95:>7.1f}  {url}")


if __name__ == "__main__":
    main()
