"""The in-memory facet index: its counts agree with the opportunities, whatever is chosen."""

import random
import time
from array import array
from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.core.models import Activity, Municipality, TargetGroup
from portal.opportunities import facet_index as facets
from portal.opportunities.facet_index import TOTAL, facet_counts
from portal.opportunities.listing import filtered_opportunities
from portal.opportunities.models import Commitment, OpportunityPage
from tests.faults import search_table_unavailable
from tests.opportunities.factories import OpportunityPageFactory

pytestmark = pytest.mark.django_db

MUNICIPALITIES = ["aalborg", "hjoerring", "odense", "svendborg"]  # two regions, two each
ACTIVITIES = ["besoegsven", "it-hjaelp", "lektiehjaelp"]
GROUPS = ["aeldre", "boern-og-unge"]
COMMITMENTS = list(Commitment.values)


@pytest.fixture
def random_catalogue(opportunity_index, organisation):
    """Thirty open opportunities with random taxonomies, commitments and requirements."""
    rng = random.Random(2026)
    for number in range(30):
        OpportunityPageFactory(
            parent=organisation, title=f"Opgave {number}",
            commitment=rng.choice(COMMITMENTS),
            requires_child_certificate=rng.random() < 0.4, is_online=rng.random() < 0.3,
            english_speakers_welcome=rng.random() < 0.3,
            municipalities=list(Municipality.objects.filter(
                slug__in=rng.sample(MUNICIPALITIES, rng.randint(0, 2)))),
            activities=list(Activity.objects.filter(
                slug__in=rng.sample(ACTIVITIES, rng.randint(0, 2)))),
            target_groups=list(TargetGroup.objects.filter(
                slug__in=rng.sample(GROUPS, rng.randint(0, 2)))),
        )


def brute_force_count(filters, extra):
    """Opportunities passing every filter in ``filters``, plus the one condition ``extra``."""
    pages = OpportunityPage.objects.open()
    lookups = {
        "kommune": "municipalities__slug__in", "region": "municipalities__region__slug__in",
        "aktivitet": "activities__slug__in", "maalgruppe": "target_groups__slug__in",
        "type": "commitment__in",
    }
    for name, values in [*filters.items(), *extra.items()]:
        if name == "uden_boerneattest":
            pages = pages.filter(requires_child_certificate=False)
        elif name == "online":
            pages = pages.filter(is_online=True)
        elif name == "sprog":
            pages = pages.filter(english_speakers_welcome=values == ["engelsk"])
        else:
            pages = pages.filter(pk__in=OpportunityPage.objects.filter(**{lookups[name]: values}))
    return pages.count()


filter_choices = st.fixed_dictionaries({}, optional={
    "kommune": st.lists(st.sampled_from(MUNICIPALITIES), min_size=1, max_size=2, unique=True),
    "region": st.lists(st.sampled_from(["nordjylland", "syddanmark"]), min_size=1, unique=True),
    "aktivitet": st.lists(st.sampled_from(ACTIVITIES), min_size=1, max_size=2, unique=True),
    "maalgruppe": st.lists(st.sampled_from(GROUPS), min_size=1, unique=True),
    "type": st.lists(st.sampled_from(COMMITMENTS), min_size=1, max_size=3, unique=True),
    "uden_boerneattest": st.just(["on"]),
    "online": st.just(["on"]),
    "sprog": st.just(["engelsk"]),
})


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(filters=filter_choices)
def test_every_count_is_the_number_of_results_that_choice_gives(random_catalogue, filters):
    url = "/frivilligopgaver/?" + urlencode(filters, doseq=True)
    filterset, base = filtered_opportunities(RequestFactory().get(url))
    counts = facet_counts(filterset, base)

    assert counts[TOTAL] == brute_force_count(filters, {})
    for slug in MUNICIPALITIES:
        pk = str(Municipality.objects.get(slug=slug).pk)
        others = {name: value for name, value in filters.items() if name != "kommune"}
        assert counts["kommune"].get(pk, 0) == brute_force_count(others, {"kommune": [slug]})
    for value in COMMITMENTS:
        others = {name: value for name, value in filters.items() if name != "type"}
        assert counts["type"].get(value, 0) == brute_force_count(others, {"type": [value]})
    for toggle, chosen in (("uden_boerneattest", "on"), ("online", "on"), ("sprog", "engelsk")):
        others = {name: value for name, value in filters.items() if name != toggle}
        assert counts[toggle].get("1", 0) == brute_force_count(others, {toggle: [chosen]})


def test_other_processes_take_the_index_from_the_cache(client, random_catalogue):
    client.get("/frivilligopgaver/")
    facets.forget_local_index()  # what another worker holds: nothing yet
    with CaptureQueriesContext(connection) as captured:
        client.get("/frivilligopgaver/?type=regular")
    assert not [query for query in captured if "UNION" in query["sql"]]


def test_an_emptied_cache_makes_the_listing_count_afresh(client, random_catalogue):
    cache.clear()  # as after a restart of the cache server
    before = client.get("/frivilligopgaver/?type=regular").context["result_count"]
    cache.clear()  # and once more
    # A change the signals cannot see, like a restore from a backup.
    OpportunityPage.objects.update(commitment="regular")
    time.sleep(facets.VERSION_TRUSTED_SECONDS)  # the version this process read
    response = client.get("/frivilligopgaver/?type=regular")
    assert response.context["result_count"] == 30 != before


def test_a_published_change_has_the_worker_build_the_next_index_before_the_next_visitor(
    client, random_catalogue, organisation, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    from portal.opportunities.tasks import build_facet_index

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    client.get("/frivilligopgaver/")
    page = OpportunityPageFactory(parent=organisation, title="Ny opgave", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    queued = DBTaskResult.objects.filter(task_path=build_facet_index.module_path).last()
    build_facet_index.call(*queued.args_kwargs["args"])  # as the worker would
    facets.forget_local_index()  # a web process that has not seen the listing since
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/frivilligopgaver/")
    assert not [query for query in captured if "UNION" in query["sql"]]
    assert response.context["result_count"] == 31


def test_without_a_worker_a_change_builds_nothing_until_a_visitor_asks(
    client, random_catalogue, organisation, django_capture_on_commit_callbacks
):
    page = OpportunityPageFactory(parent=organisation, title="Ny opgave", live=False)
    facets.forget_local_index()
    with CaptureQueriesContext(connection) as captured:
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
    assert not [query for query in captured if "UNION" in query["sql"]]
    assert client.get("/frivilligopgaver/").context["result_count"] == 31


# One catalogue for all of them: making it is most of such a test's time.
LISTING_QUERIES = [
    "", "page=2", "kommune=aalborg&kommune=odense", "region=nordjylland&type=ad_hoc&type=one_off",
    "aktivitet=it-hjaelp&uden_boerneattest=on&sorter=frist", "online=on&sorter=naeste-vagt",
    "q=opgave&maalgruppe=aeldre", "sorter=frist&page=2",
]


@pytest.mark.parametrize("id_list_limit", [0, 5000])
def test_the_page_is_the_one_the_filters_and_the_sort_order_give(
    client, random_catalogue, monkeypatch, id_list_limit
):
    """However the page is read (named by the index, by ids, along an index), it is this one."""
    monkeypatch.setattr("portal.opportunities.listing.ID_LIST_LIMIT", id_list_limit)
    for query in LISTING_QUERIES:
        url = f"/frivilligopgaver/?{query}"
        shown = [page.pk for page in client.get(url).context["opportunities"]]
        filterset, base = filtered_opportunities(RequestFactory().get(url))
        results = filterset.sort(filterset.filter_queryset(base.with_next_shift()))
        start = 20 if "page=2" in query else 0
        assert shown == list(results.values_list("pk", flat=True)[start:start + 20]), query
        assert shown, query


def test_a_deep_page_of_bits_is_found_past_many_chunks():
    index = facets.FacetIndex(ids=array("q", range(100, 20_100)))
    every_third = index.bits_of(range(100, 20_100, 3))
    expected = [100 + number for number in range(0, 20_000, 3)][1500:1520]
    assert index.ids_at(every_third, 1500, 1520) == expected
    assert index.ids_at(every_third, 6660) == [100 + 19_980, 100 + 19_983, 100 + 19_986,
                                               100 + 19_989, 100 + 19_992, 100 + 19_995,
                                               100 + 19_998]
    assert index.ids_at(0, 0, 20) == []


def test_region_counts_follow_a_municipality_moved_to_another_region(client, random_catalogue):
    from portal.core.models import Region

    url = "/frivilligopgaver/?region=nordjylland"
    before = client.get(url).context["result_count"]
    hjoerring = Municipality.objects.get(slug="hjoerring")
    hjoerring.region = Region.objects.get(slug="syddanmark")
    hjoerring.save()
    assert client.get(url).context["result_count"] == brute_force_count(
        {"region": ["nordjylland"]}, {}) < before


def asked_the_search_index(captured):
    return [query for query in captured if "indexentry" in query["sql"].lower()]


def test_free_text_is_asked_once_for_its_pages_and_other_filters(
    client, random_catalogue, organisation, django_capture_on_commit_callbacks
):
    OpportunityPageFactory(parent=organisation, title="Sortering", place="Tøjbanken i Vejle")
    assert client.get("/frivilligopgaver/?q=tøjbanken").context["result_count"] == 1

    with CaptureQueriesContext(connection) as captured:
        again = client.get("/frivilligopgaver/?q=tøjbanken&type=regular&page=1")
    assert not asked_the_search_index(captured)
    assert again.context["result_count"] == 1

    # A change retires the index and what it kept.
    page = OpportunityPageFactory(parent=organisation, title="Mere", place="Tøjbanken",
                                  live=False)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert client.get("/frivilligopgaver/?q=tøjbanken").context["result_count"] == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the lock waits for writes
def test_a_substring_match_standing_in_for_a_failed_search_is_not_kept(
    client, random_catalogue, organisation, settings
):
    OpportunityPageFactory(parent=organisation, title="Sortering", place="Tøjbanken i Vejle")

    with search_table_unavailable(settings):
        response = client.get("/frivilligopgaver/?q=tøjbanken")
    assert response.status_code == 200
    assert "Fritekstsøgningen er midlertidigt utilgængelig" in response.content.decode()
    assert response.context["result_count"] == 0  # titles and summaries only

    assert client.get("/frivilligopgaver/?q=tøjbanken").context["result_count"] == 1
