"""Index updates on Elasticsearch 9 that failed, retried by the worker.

Wagtail (modelsearch) indexes a saved page in a task, and for a backend on an
external service it logs a failure and lets the task succeed: the page stays
out of the index until the next full ``update_index``. Here a failure also
schedules a retry with a growing delay (``retry_indexing`` below);
one that lasts is logged at ERROR and shown to administrators on the dashboard.
The project uses it through ``search.backends.elasticsearch`` (Danish and English).
"""

import logging
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.utils import timezone
from django_tasks import task
from elastic_transport import TransportError
from elasticsearch import ApiError
from modelsearch import index
from modelsearch.backends import get_search_backends
from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend

logger = logging.getLogger(__name__)


class RetryingIndexing:
    """For a search backend on an external service: a failed update is retried later."""

    retryable_errors = (TransportError, ApiError)

    def add(self, obj):
        try:
            self.add_now(obj)
        except self.retryable_errors:
            schedule_index_retry(obj, attempt=2)
            raise  # for modelsearch to log; it keeps the save going

    def add_now(self, obj):
        super().add(obj)


class RetryingElasticsearch9SearchBackend(RetryingIndexing, Elasticsearch9SearchBackend):
    pass


SearchBackend = RetryingElasticsearch9SearchBackend


class IndexingFailed(Exception):
    """The search cluster refused an object's update SEARCH_INDEX_ATTEMPTS times."""


def schedule_index_retry(obj, attempt):
    """Make ``attempt`` (the first was Wagtail's own) after 2, 4, 8… minutes.

    A backend that runs tasks at once (the demo, the tests) cannot wait, so
    there the failure modelsearch logs is all."""
    if not retry_indexing.get_backend().supports_defer:
        return
    retry_indexing.using(run_after=timezone.now() + timedelta(minutes=2 ** (attempt - 1))).enqueue(
        obj._meta.app_label, obj._meta.model_name, str(obj.pk), attempt
    )


@task()
def retry_indexing(app_label, model_name, pk, attempt):
    obj = apps.get_model(app_label, model_name).objects.filter(pk=pk).first()
    indexed = obj and index.get_indexed_instance(obj)
    if not indexed:
        return "gone"  # deleted or unpublished since: nothing to index
    for backend in get_search_backends(with_auto_update=True):
        if isinstance(backend, RetryingIndexing):
            try:
                backend.add_now(indexed)
            except backend.retryable_errors as error:
                return _failed_again(indexed, attempt, error)
    return "indexed"


def _failed_again(indexed, attempt, error):
    if attempt < settings.SEARCH_INDEX_ATTEMPTS:
        schedule_index_retry(indexed, attempt + 1)
        return "retrying"
    logger.error("Search index: %s %r could not be updated after %d attempts (%s); run "
                 "manage.py update_index once the cluster answers", indexed._meta.label,
                 indexed, attempt, type(error).__name__)
    raise IndexingFailed(f"{indexed._meta.label} {indexed.pk}") from error
