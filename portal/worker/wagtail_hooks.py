"""Administrators see on the dashboard what the worker could not do."""

from datetime import timedelta

from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail import hooks
from wagtail.admin.ui.components import Component

from .search_backend import retry_indexing

SHOWN_FOR = timedelta(days=7)


class IndexFailuresPanel(Component):
    name = "search_index_failures"
    template_name = "worker/index_failures_panel.html"
    order = 40

    def __init__(self, failures):
        self.failures = failures

    def get_context_data(self, parent_context=None):
        return {"failures": self.failures}


@hooks.register("construct_homepage_panels")
def add_index_failures_panel(request, panels):
    if not request.user.is_superuser:
        return
    failures = DBTaskResult.objects.filter(
        task_path=retry_indexing.module_path, status=TaskResultStatus.FAILED,
        finished_at__gte=timezone.now() - SHOWN_FOR,
    ).count()
    if failures:
        panels.append(IndexFailuresPanel(failures))
