"""Background work for the listing: the facet index, built before a visitor needs it."""

from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks_db import DatabaseBackend
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from portal.worker.priority import BULK

from .facet_index import current_index, listing_changed, listing_version


@task(priority=BULK)
def build_facet_index(version):
    """Build and share the index of ``version``, unless a later change has retired it.

    At 100,000 opportunities a build takes about half a second; done here, by
    the worker, the first visitor after a change finds the index ready.
    """
    if version == listing_version():
        current_index(version)


def announce_listing_change():
    """A committed change: retire the index, and have a worker build the next one.

    Where tasks run in the process that enqueues them (the demo, the tests),
    there is no worker to spare anyone the build: each save would pay for one
    that the next change retires, so the first visitor builds it instead.
    """
    version = listing_changed()
    backend = build_facet_index.get_backend()
    if isinstance(backend, ImmediateBackend):
        return
    if isinstance(backend, DatabaseBackend) and _retarget_waiting_build(version):
        return
    build_facet_index.enqueue(version)


def _retarget_waiting_build(version):
    """Point a build still waiting in the queue at ``version``; False if none waits.

    Loading content announces hundreds of changes in a row: they share one
    build instead of queueing one each, of which all but the last would be moot.
    A build a worker has already claimed is not READY and is left alone.
    """
    return DBTaskResult.objects.filter(
        task_path=build_facet_index.module_path, status=TaskResultStatus.READY,
    ).update(args_kwargs={"args": [version], "kwargs": {}}) > 0
