"""Elasticsearch does not answer while an editor publishes.

The page is saved; the worker tries its index update again with a growing
delay, and an update that keeps failing is logged at ERROR and shown to
administrators on the dashboard. The cluster is the real client against a
closed local port: no Elasticsearch server can run here.
"""

import logging
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from portal.worker.search_backend import retry_indexing
from tests.factories import StandardPageFactory
from tests.worker import run_worker_batch

# The worker commits, as it does in production.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
ATTEMPTS = 3


@pytest.fixture
def unreachable_search(settings):
    settings.WAGTAILSEARCH_BACKENDS = {"default": {
        "BACKEND": "search.backends.elasticsearch", "URLS": ["http://127.0.0.1:9"],
        "TIMEOUT": 1, "OPTIONS": {"max_retries": 0},
    }}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.SEARCH_INDEX_ATTEMPTS = ATTEMPTS


def test_a_failed_index_update_is_retried_later_and_a_lasting_failure_is_reported(
    home, unreachable_search, admin_client, caplog
):
    page = StandardPageFactory(parent=home, title="Juleuddeling")
    run_worker_batch()

    retries = DBTaskResult.objects.filter(task_path=retry_indexing.module_path)
    first = retries.get()
    assert first.args_kwargs["args"] == ["home", "standardpage", str(page.pk), 2]
    assert first.status == TaskResultStatus.READY
    assert first.run_after > timezone.now() + timedelta(minutes=1)
    assert "Søgeindekset er ikke opdateret" not in admin_client.get(
        reverse("wagtailadmin_home")).content.decode()

    with caplog.at_level(logging.ERROR, logger="portal.worker.search_backend"):
        for _ in range(ATTEMPTS - 1):
            retries.filter(status=TaskResultStatus.READY).update(run_after=timezone.now())
            run_worker_batch()  # as when the delay has passed: attempts 2 and 3

    assert list(retries.order_by("enqueued_at").values_list("status", flat=True)) == [
        TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED]
    assert [record.getMessage() for record in caplog.records if record.levelno == logging.ERROR
            and "could not be updated after 3 attempts" in record.getMessage()]
    dashboard = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Søgeindekset er ikke opdateret" in dashboard
    assert "manage.py update_index" in dashboard
