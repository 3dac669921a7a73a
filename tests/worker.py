"""Run the real ``db_worker`` in the test's own process until the queue is empty."""

import signal

from django.core.management import call_command


def run_worker_batch():
    # The command installs its own SIGINT/SIGTERM handlers; pytest keeps its.
    saved = {number: signal.getsignal(number)
             for number in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command("db_worker", "--batch", "--no-startup-delay", "--interval=0", "--no-reload",
                     verbosity=0)
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)
