"""A coordinator sees only their own organisation's requests — everywhere.

The matrix walks every URL the workspace registers (the viewset's and its
chooser's), so a view added later is covered without touching this file.
"""

import pytest
from django.urls import URLPattern, reverse

from portal.matching.models import MatchRequest, Status

from .conftest import make_request

pytestmark = pytest.mark.django_db

FOREIGN_NAME = "Fremmed Fredesen"


@pytest.fixture
def requests(organisation, other_organisation):
    own = make_request(organisation, name="Egen Egebjerg", email="egen@example.org")
    foreign = make_request(other_organisation, name=FOREIGN_NAME, email="fremmed@example.org")
    return own, foreign


def viewset_routes():
    viewset = MatchRequest.snippet_viewset
    routes = [(viewset.get_admin_url_namespace(), p) for p in viewset.get_urlpatterns()]
    chooser = viewset.chooser_viewset
    routes += [(viewset.get_chooser_admin_url_namespace(), p) for p in chooser.get_urlpatterns()]
    for _namespace, pattern in routes:
        assert isinstance(pattern, URLPattern)
        assert set(pattern.pattern.converters) <= {"pk"}, (
            f"{pattern.name} takes {set(pattern.pattern.converters)}: teach this matrix about it"
        )
    return routes


ROUTES = viewset_routes


def url_for(namespace, pattern, pk=None):
    kwargs = {"pk": pk} if "pk" in pattern.pattern.converters else {}
    return reverse(f"{namespace}:{pattern.name}", kwargs=kwargs)


def test_the_matrix_covers_the_workspace():
    names = {pattern.name for _ns, pattern in viewset_routes()}
    assert {"list", "inspect", "edit", "delete", "history", "status", "assign", "note",
            "erase", "choose", "chosen", "chosen_multiple"} <= names


@pytest.mark.parametrize("method", ["get", "post"])
def test_another_organisations_request_is_not_found_at_any_address(
    client, coordinator, requests, method
):
    own, foreign = requests
    client.force_login(coordinator)
    for namespace, pattern in viewset_routes():
        if "pk" not in pattern.pattern.converters:
            continue
        url = url_for(namespace, pattern, foreign.pk)
        response = getattr(client, method)(url, {"status": Status.CONTACTED, "text": "x"})
        # 405 says only that the view takes POST, the same for any id.
        assert response.status_code in (404, 405), f"{method.upper()} {url}: {response.status_code}"
    foreign.refresh_from_db()
    assert foreign.status == Status.NEW and not foreign.notes.exists()


def test_no_listing_shows_another_organisations_request(client, coordinator, requests):
    own, foreign = requests
    client.force_login(coordinator)
    for namespace, pattern in viewset_routes():
        if "pk" in pattern.pattern.converters:
            continue
        url = url_for(namespace, pattern)
        for query in ({}, {"q": FOREIGN_NAME}, {"q": foreign.reference}, {"export": "csv"},
                      {"status": "new"}):
            response = client.get(url, query)
            assert response.status_code < 500, url
            body = b"".join(response.streaming_content) if response.streaming else response.content
            text = body.decode(errors="replace")
            # The search box repeats the query itself; the request's data must not appear.
            text = text.replace(query.get("q", "\0"), "")
            assert foreign.reference not in text, f"{url} {query} shows a foreign request"
            assert FOREIGN_NAME not in text and foreign.email not in text
            assert "no-store" in response.headers.get("Cache-Control", ""), url


def test_the_coordinator_works_their_own_requests(client, coordinator, requests):
    own, _foreign = requests
    client.force_login(coordinator)
    listing = client.get(reverse("wagtailsnippets_matching_matchrequest:list"))
    assert own.reference in listing.content.decode()
    inspect = client.get(reverse("wagtailsnippets_matching_matchrequest:inspect", args=[own.pk]))
    assert inspect.status_code == 200
    assert "Egen Egebjerg" in inspect.content.decode()
    assert "no-store" in inspect.headers["Cache-Control"]


def test_a_bulk_action_with_mixed_ids_changes_nothing_foreign(client, coordinator, requests):
    own, foreign = requests
    client.force_login(coordinator)
    url = f"/admin/bulk/matching/matchrequest/status/?id={own.pk}&id={foreign.pk}"
    page = client.get(url)
    assert page.status_code == 200 and foreign.reference not in page.content.decode()
    assert own.reference in page.content.decode() and "springes over" in page.content.decode()
    client.post(url, {"status": Status.CONTACTED})
    own.refresh_from_db()
    foreign.refresh_from_db()
    assert own.status == Status.CONTACTED
    assert foreign.status == Status.NEW
    client.post(f"/admin/bulk/matching/matchrequest/delete/?id={own.pk}&id={foreign.pk}")
    assert MatchRequest.objects.count() == 2
    client.post("/admin/bulk/matching/matchrequest/status/?id=all", {"status": Status.MATCHED})
    foreign.refresh_from_db()
    assert foreign.status == Status.NEW


def test_superusers_see_everything(admin_client, requests):
    body = admin_client.get(reverse("wagtailsnippets_matching_matchrequest:list")).content
    assert all(r.reference in body.decode() for r in requests)


def test_people_without_a_coordinator_role_see_nothing(client, requests, django_user_model):
    editor = django_user_model.objects.create_user("redaktoer", password="x")
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get(reverse("wagtailsnippets_matching_matchrequest:list"))
    assert response.status_code in (302, 403)
    assert not MatchRequest.objects.for_user(editor).exists()


def test_counts_on_the_dashboard_are_the_coordinators_own(client, coordinator, requests,
                                                           other_organisation):
    for _ in range(3):
        make_request(other_organisation)
    client.force_login(coordinator)
    body = client.get("/admin/").content.decode()
    assert "<span>1</span> nye henvendelser" in body
