"""django-tasks-db's worker, which also takes up work abandoned by a dead worker.

It replaces ``db_worker`` of django_tasks_db (this app comes first in
INSTALLED_APPS) with the same options. Two additions, see portal.worker.recovery:
a task of its own running past ``TASK_TIME_LIMIT_SECONDS`` is stopped and
marked failed, and every half of that time it makes READY again the tasks that
other, dead workers left RUNNING.
"""

import logging
import os
import signal
import threading

from django.conf import settings
from django.core.management.base import CommandError
from django.db import DatabaseError, connection
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from portal.worker.recovery import recover

logger = logging.getLogger(__name__)


class TaskOverran(Exception):
    """A task ran past TASK_TIME_LIMIT_SECONDS and was stopped."""


def _stop_overrunning_task(signum, frame):
    raise TaskOverran(f"stopped after {settings.TASK_TIME_LIMIT_SECONDS} s")


def _recover_logging_errors():
    try:
        recover()
    except DatabaseError:
        # A locked or unreachable database: the next round tries again.
        logger.exception("Recovering abandoned tasks failed")


class RecoveringWorker(db_worker.Worker):
    def run(self):
        _recover_logging_errors()
        stop = threading.Event()
        threading.Thread(target=self._recover_periodically, args=(stop,), daemon=True,
                         name="task-recovery").start()
        try:
            super().run()
        finally:
            stop.set()

    @staticmethod
    def _recover_periodically(stop):
        while not stop.wait(settings.TASK_TIME_LIMIT_SECONDS / 2):
            _recover_logging_errors()
            connection.close()  # this thread's own; idle for the next half limit

    def run_task(self, db_task_result):
        previous = signal.signal(signal.SIGALRM, _stop_overrunning_task)
        signal.setitimer(signal.ITIMER_REAL, settings.TASK_TIME_LIMIT_SECONDS)
        try:
            super().run_task(db_task_result)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


class Command(db_worker.Command):
    help = "Run a database background worker that also takes up abandoned tasks"

    def handle(self, *, verbosity, queue_name, exclude_queues, reload, batch, **options):
        self.configure_logging(verbosity)
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = RecoveringWorker(
            queue_names=queue_names,
            excluded_queue_names=excluded_queue_names,
            interval=options["interval"],
            batch=batch,
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
        )
        if not reload or batch:
            worker.configure_signals()
            worker.run()
            return
        if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
            worker.configure_signals()
        run_with_reloader(worker.run)
