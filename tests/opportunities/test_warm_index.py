"""The facet index is ready before the first visitor: built when a worker starts and on deploy."""

import runpy
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connections

from portal.opportunities import facet_index
from tests.opportunities.factories import OpportunityPageFactory

pytestmark = pytest.mark.django_db

GUNICORN_CONFIG = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


@pytest.fixture
def builds(monkeypatch):
    made = []
    build = facet_index.FacetIndex.build

    def counted():
        made.append(1)
        return build()

    monkeypatch.setattr(facet_index.FacetIndex, "build", staticmethod(counted))
    return made


@pytest.fixture
def catalogue(opportunity_index, organisation):
    for number in range(3):
        OpportunityPageFactory(parent=organisation, title=f"Opgave {number}")


def a_fresh_process():
    facet_index.forget_local_index()


@pytest.fixture(autouse=True)
def connection_kept(monkeypatch):
    """The hook lets go of the worker's connection; the test's transaction needs it."""
    monkeypatch.setattr(connections, "close_all", lambda: None)


@pytest.mark.parametrize("warm", [
    lambda: call_command("warm_facet_index", stdout=open("/dev/null", "w")),
    lambda: runpy.run_path(str(GUNICORN_CONFIG))["post_worker_init"](None),
], ids=["deploy command", "gunicorn worker start"])
def test_after_warming_the_first_listing_request_builds_nothing(client, catalogue, builds, warm):
    warm()
    assert builds == [1]
    a_fresh_process()

    response = client.get("/frivilligopgaver/")

    assert response.context["result_count"] == 3
    assert builds == [1]
