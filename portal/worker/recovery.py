"""Work taken by a worker that died is taken up again.

django-tasks-db marks a task RUNNING when a worker claims it and never looks
at it again: a worker killed mid-task (``kill -9``, out of memory, a lost
node) leaves it RUNNING for good. Our ``db_worker`` stops any task of its own
after ``TASK_TIME_LIMIT_SECONDS``, so a task still RUNNING after twice that
belongs to a worker that is gone, and is made READY again: it runs at least
once more. Tasks must therefore be safe to run twice.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.dispatch import Signal
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

# Sent after abandoned tasks are READY again, so an app can take up work that
# has no task at all any more (a task that failed, a pruned row).
recovery_due = Signal()


def abandoned_after():
    return timedelta(seconds=2 * settings.TASK_TIME_LIMIT_SECONDS)


def requeue_abandoned_tasks():
    """Make READY again every task left RUNNING by a worker that is gone."""
    abandoned = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=timezone.now() - abandoned_after()
    )
    paths = list(abandoned.values_list("task_path", flat=True))
    count = abandoned.update(status=TaskResultStatus.READY)
    if count:
        logger.warning("Took up %d task(s) abandoned by a worker: %s", count, ", ".join(paths))
    return count


def recover():
    requeued = requeue_abandoned_tasks()
    recovery_due.send(sender=requeue_abandoned_tasks)
    return requeued
