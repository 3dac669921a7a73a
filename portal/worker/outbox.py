"""Enqueue a task so that it exists if and only if the current transaction commits.

With the database backend the task row is written in the transaction itself
(an outbox): a request stored is never without its e-mail task, and a rolled
back one leaves none. A backend that runs tasks elsewhere gets the task after
the commit.
"""

from django.db import transaction
from django_tasks_db import DatabaseBackend


def enqueue_with_transaction(task_to_run, *args, run_after=None):
    if run_after is not None and task_to_run.get_backend().supports_defer:
        task_to_run = task_to_run.using(run_after=run_after)
    if isinstance(task_to_run.get_backend(), DatabaseBackend):
        task_to_run.enqueue(*args)
    else:
        transaction.on_commit(lambda: task_to_run.enqueue(*args))
