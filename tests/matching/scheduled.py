"""Timed mail in tests: the database task backend, and a worker's turn run in-process.

The clock is moved with ``time_machine``; ``run_due_tasks`` then does what
``db_worker`` does with every task whose ``run_after`` has come.
"""

import pytest
from django_tasks_db.models import DBTaskResult

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def db_tasks(settings):
    settings.TASKS = DATABASE_TASKS
    return settings


def run_due_tasks():
    """Run every task that is due, like a worker, until none is; returns their results."""
    results = []
    while (row := DBTaskResult.objects.ready().first()) is not None:
        row.claim("test-worker")
        value = row.task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
        row.set_successful(value)
        results.append((row.task.name, value))
    return results
