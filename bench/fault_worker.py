"""Fault bench: the task worker is killed with SIGKILL while intake mails are in flight.

Starts a local SMTP sink (aiosmtpd, a little slow so mail queues up), gunicorn
with production settings and a real ``db_worker`` against your own PostgreSQL
database, posts N offers (the intake benchmark's clients, every tenth one
double-clicked), kills the worker with -9 while the sink holds the connection
of the message after the first quarter, and starts a fresh one at once, as a
process supervisor would. The fresh worker takes the killed one's task up once
it is older than twice TASK_TIME_LIMIT_SECONDS. Prints requests sent / acknowledged / stored / mails
delivered / lost / duplicated / 500s, and how long the last mail took after
the kill.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bindeled_worker_bench \\
        .venv/bin/python bench/fault_worker.py --requests 200 --time-limit 5
"""

import argparse
import asyncio
import email
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.parse

from aiosmtpd.controller import Controller
from intake_benchmark import (
    ENVIRONMENT,
    ROOT,
    Client,
    Jobs,
    Results,
    count_rows,
    free_port,
    prepare,
    start_server,
)


class Sink:
    """Takes each message after ``delay``; holds message number ``hold_at`` until
    released, and then refuses it, so the worker is killed in the middle of a send."""

    def __init__(self, delay, hold_at):
        self.delay, self.hold_at, self.message_ids, self.lock = delay, hold_at, [], threading.Lock()
        self.holding, self.release = threading.Event(), threading.Event()

    async def handle_DATA(self, server, session, envelope):
        if len(self.received()) == self.hold_at and not self.holding.is_set():
            self.holding.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
            return "451 4.3.0 Try again later"
        await asyncio.sleep(self.delay)
        with self.lock:
            self.message_ids.append(email.message_from_bytes(envelope.content)["Message-ID"])
        return "250 OK"

    def received(self):
        with self.lock:
            return list(self.message_ids)


def start_worker():
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval=0.2", "--no-reload", "-v0"],
        cwd=ROOT, env=os.environ.copy())


def mail_states(organisation_id):
    from django.db import connections

    from portal.matching.models import Notification

    states = dict.fromkeys(Notification.State.values, 0)
    for state in Notification.objects.filter(request__organisation_id=organisation_id) \
            .values_list("state", flat=True):
        states[state] += 1
    connections.close_all()
    return states


def wait_until(condition, seconds):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.2)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--time-limit", type=int, default=5, help="TASK_TIME_LIMIT_SECONDS")
    parser.add_argument("--smtp-delay", type=float, default=0.05, help="seconds per message")
    args = parser.parse_args()
    if not 1 <= args.requests <= 5000:
        raise SystemExit("keep it bounded: 1-5000 requests")
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("set DATABASE_URL to your own PostgreSQL database")
    sink = Sink(args.smtp_delay, hold_at=args.requests // 4)
    smtp = Controller(sink, hostname="127.0.0.1", port=free_port())
    smtp.start()
    os.environ.update(ENVIRONMENT, EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(smtp.port),
                      EMAIL_USE_TLS="false", TASK_TIME_LIMIT_SECONDS=str(args.time_limit))

    organisation_id, opportunity_id, _path, url = prepare()
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.all().delete()  # earlier runs' tasks
    port = free_port()
    server = start_server(port, args.workers)
    worker = start_worker()
    try:
        jobs, results = Jobs(args.requests), Results()
        clients = [Client(port, urllib.parse.urlsplit(url).path, f"/tilmelding/{opportunity_id}/",
                          jobs, results, time.monotonic() + 600) for _ in range(args.clients)]
        for client in clients:
            client.start()
        sink.holding.wait(300)
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        sink.release.set()
        killed_at, received_at_kill = time.monotonic(), len(sink.received())
        worker = start_worker()
        for client in clients:
            client.join()
        wait_until(lambda: mail_states(organisation_id)["pending"] == 0
                   and len(set(sink.received())) >= len(results.receipts),
                   3 * args.time_limit + args.requests * args.smtp_delay + 120)
        recovered_after = time.monotonic() - killed_at
    finally:
        worker.terminate()
        worker.wait()
        server.terminate()
        server.wait(timeout=30)
        smtp.stop()

    rows, _distinct = count_rows(organisation_id)
    claims = DBTaskResult.objects.values_list("worker_ids", flat=True)
    taken_up = sum(len(worker_ids) > 1 for worker_ids in claims)
    states = mail_states(organisation_id)
    received = sink.received()
    delivered = len(set(received))
    print(f"requests sent:           {jobs.next} ({args.clients} clients, {args.workers} "
          f"gunicorn workers; every tenth posted twice)")
    print(f"acknowledged (302):      {len(results.receipts)}")
    print(f"500s:                    {results.statuses.get(500, 0)}  (all: "
          f"{dict(sorted(results.statuses.items()))})")
    print(f"requests stored:         {rows}")
    print(f"worker killed (-9) after {received_at_kill} mails; TASK_TIME_LIMIT_SECONDS "
          f"{args.time_limit}")
    print(f"tasks taken up again:    {taken_up} (claimed by the killed worker, run by the next)")
    print(f"mails delivered:         {delivered} distinct Message-IDs ({len(received)} received)")
    print(f"mails lost:              {max(rows - delivered, 0)}  (notifications: {states})")
    print(f"mails duplicated:        {len(received) - delivered}")
    print(f"last mail after the kill: {recovered_after:.1f} s")
    sys.exit(0 if rows == delivered == len(results.receipts) else 1)


if __name__ == "__main__":
    main()
