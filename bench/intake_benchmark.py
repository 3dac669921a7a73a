"""Intake benchmark: N offers from C concurrent clients against gunicorn on PostgreSQL.

Starts gunicorn (production settings) on a loopback port against your own
database, fetches the opportunity page once per client (CSRF cookie), waits
the minimum fill time, and then posts offers with fresh submission ids until N
are sent or the time limit is reached. A start stamp is valid only with its
form's submission id, so the bench signs one per offer with its own key, as
a freshly shown form would carry it. Every tenth
offer is posted twice, as a double click would. It reports accepted offers per
second, latency percentiles, and checks the database: rows stored must equal
the accepted submissions, with no duplicates.

Usage (the database is migrated; earlier bench rows are removed first):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bindeled_match_bench \\
        .venv/bin/python bench/intake_benchmark.py --requests 3000 --clients 16 --workers 4
"""

import argparse
import atexit
import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
MIN_FILL_SECONDS = 1
STATIC_ROOT = tempfile.mkdtemp(prefix="bindeled-intake-bench-static-")
atexit.register(shutil.rmtree, STATIC_ROOT, ignore_errors=True)
ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "bench-only-not-secret",
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "false",
    "SECURE_HSTS_SECONDS": "0",
    # The bench is one client address sending thousands of offers: lift the limit.
    "INTAKE_RATE_LIMIT": "1000000000",
    "INTAKE_MIN_FILL_SECONDS": str(MIN_FILL_SECONDS),
    "LOG_LEVEL": "WARNING",
    # Production serves hashed static files from a manifest: collect them aside,
    # in a folder of this run's own, so concurrent runs do not share one.
    "STATIC_ROOT": STATIC_ROOT,
}
BENCH_SLUG = "bench-intake"


def prepare():
    """Migrate and make one organisation with one open opportunity (idempotent)."""
    import django

    django.setup()
    from django.core.management import call_command

    from portal.core.models import Activity, Municipality
    from portal.home.models import HomePage
    from portal.matching.models import MatchRequest
    from portal.opportunities.models import OpportunityPage
    from portal.organisations.models import OrganisationIndexPage, OrganisationPage

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    home = HomePage.objects.get()
    index = OrganisationIndexPage.objects.first() or home.add_child(
        instance=OrganisationIndexPage(title="Organisationer", slug="organisationer"))
    organisation = OrganisationPage.objects.filter(slug=BENCH_SLUG).first() or index.add_child(
        instance=OrganisationPage(title="Bench-foreningen", slug=BENCH_SLUG, kind="ngo",
                                  summary="Til benchmark.", description="<p>Bench</p>"))
    opportunity = OpportunityPage.objects.child_of(organisation).first()
    if opportunity is None:
        opportunity = OpportunityPage(title="Bench-opgave", slug="bench-opgave",
                                      summary="Til benchmark.", commitment="regular")
        organisation.add_child(instance=opportunity)
        opportunity.municipalities.set(Municipality.objects.filter(name="Aalborg"))
        opportunity.activities.set(Activity.objects.filter(slug="besoegsven"))
        opportunity.save_revision().publish()
    MatchRequest.objects.filter(organisation=organisation).delete()
    from django.db import connections

    connections.close_all()
    return organisation.pk, opportunity.pk, opportunity.url_path, opportunity.url


def start_server(port, workers):
    command = [str(ROOT / ".venv/bin/gunicorn"), "portal.wsgi", "--bind", f"127.0.0.1:{port}",
               "--workers", str(workers), "--log-level", "warning"]
    server = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **ENVIRONMENT})
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and server.poll() is None:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/")
            connection.getresponse().read()
            return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_cpu_seconds(master_pid):
    """CPU time (user + system) of the gunicorn workers so far, read from /proc (Linux)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master_pid:  # ppid
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


class Client(threading.Thread):
    def __init__(self, port, page_path, offer_path, jobs, results, deadline):
        super().__init__(daemon=True)
        self.port, self.page_path, self.offer_path = port, page_path, offer_path
        self.jobs, self.results, self.deadline = jobs, results, deadline

    def run(self):
        from portal.matching.forms import start_stamp  # after prepare() set Django up

        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        connection.request("GET", self.page_path)
        response = connection.getresponse()
        html = response.read().decode()
        cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "").group(1)
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        time.sleep(MIN_FILL_SECONDS + 0.1)
        headers = {"Content-Type": "application/x-www-form-urlencoded",
                   "Cookie": f"csrftoken={cookie}"}
        while time.monotonic() < self.deadline:
            number = self.jobs.take()
            if number is None:
                break
            token = uuid.uuid4()
            body = urllib.parse.urlencode({
                "csrfmiddlewaretoken": csrf, "idempotency_token": str(token), "website": "",
                "started": start_stamp(token, at=time.time() - MIN_FILL_SECONDS - 1),
                "name": "Bench Bruger", "email": f"bench{number}@example.org",
                "phone": "12 34 56 78", "message": "Benchmark", "consent": "on",
            })
            for _attempt in range(2 if number % 10 == 0 else 1):  # a double click
                started = time.perf_counter()
                connection.request("POST", self.offer_path, body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                elapsed = time.perf_counter() - started
                self.results.add(number, response.status, response.getheader("Location"),
                                 elapsed)


class Jobs:
    def __init__(self, total):
        self.next, self.total, self.lock = 0, total, threading.Lock()

    def take(self):
        with self.lock:
            if self.next >= self.total:
                return None
            self.next += 1
            return self.next


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies, self.statuses, self.receipts = [], {}, {}

    def add(self, number, status, location, elapsed):
        with self.lock:
            self.latencies.append(elapsed)
            self.statuses[status] = self.statuses.get(status, 0) + 1
            if status == 302 and location and "/kvittering/" in location:
                self.receipts.setdefault(number, set()).add(location)


def count_rows(organisation_id):
    import django
    from django.db import connections

    django.setup()
    from portal.matching.models import MatchRequest

    rows = MatchRequest.objects.filter(organisation_id=organisation_id)
    total = rows.count()
    distinct_emails = rows.values("email").distinct().count()
    connections.close_all()
    return total, distinct_emails


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=0, help="default: a free loopback port")
    parser.add_argument("--max-seconds", type=int, default=120)
    args = parser.parse_args()
    if not 1 <= args.requests <= 50_000 or not 1 <= args.clients <= 128:
        raise SystemExit("keep it bounded: 1-50000 requests, 1-128 clients")
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("set DATABASE_URL to your own PostgreSQL database")
    os.environ.update(ENVIRONMENT)

    organisation_id, opportunity_id, _path, url = prepare()
    page_path = urllib.parse.urlsplit(url).path if url else "/"
    args.port = args.port or free_port()
    server = start_server(args.port, args.workers)
    try:
        jobs, results = Jobs(args.requests), Results()
        deadline = time.monotonic() + args.max_seconds + MIN_FILL_SECONDS
        clients = [Client(args.port, page_path, f"/tilmelding/{opportunity_id}/", jobs, results,
                          deadline) for _ in range(args.clients)]
        for client in clients:
            client.start()
        time.sleep(MIN_FILL_SECONDS + 0.1)
        started, cpu_before = time.perf_counter(), server_cpu_seconds(server.pid)
        for client in clients:
            client.join()
        seconds = time.perf_counter() - started
        cpu = server_cpu_seconds(server.pid) - cpu_before
    finally:
        server.terminate()
        server.wait(timeout=30)

    accepted = len(results.receipts)
    double_clicks_same_receipt = all(len(locations) == 1 for locations in results.receipts.values())
    rows, distinct = count_rows(organisation_id)
    latencies = sorted(results.latencies)
    if len(latencies) < 2:
        raise SystemExit(f"no answers to measure; statuses: {results.statuses}")
    quantiles = statistics.quantiles(latencies, n=100)
    print(f"offers sent:             {jobs.next} ({args.clients} clients, "
          f"{args.workers} gunicorn workers, {len(latencies)} POSTs incl. double clicks)")
    print(f"responses by status:     {dict(sorted(results.statuses.items()))}")
    print(f"accepted submissions/s:  {accepted / seconds:.0f} ({accepted} in {seconds:.1f} s)")
    print(f"latency p50 / p95 / p99: {quantiles[49] * 1000:.0f} / {quantiles[94] * 1000:.0f} / "
          f"{quantiles[98] * 1000:.0f} ms")
    print(f"server CPU per offer:    {cpu / max(len(latencies), 1) * 1000:.1f} ms "
          f"(gunicorn workers, PostgreSQL not included; {os.cpu_count()} CPUs, load average "
          f"{os.getloadavg()[0]:.1f})")
    print(f"rows stored:             {rows} (accepted {accepted}; lost {max(accepted - rows, 0)})")
    print(f"duplicates:              {rows - distinct} "
          f"(double clicks got the same receipt: {double_clicks_same_receipt})")
    ok = rows == accepted == jobs.next and rows == distinct and double_clicks_same_receipt
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
