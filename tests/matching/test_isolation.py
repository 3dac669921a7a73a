"""Each organisation's people see only their own organisation's objects — everywhere.

The matrix walks every admin URL registered for every model kept to its own
organisation (``portal.organisations.ownership.scoped_models``: match requests,
tool experiences): each viewset's and chooser's URL patterns, so a view or a
scoped model added later is covered without a hand list.
"""

from dataclasses import dataclass

import pytest
from django.forms.models import model_to_dict
from django.test import Client
from django.urls import URLPattern, reverse
from wagtail.admin.viewsets import viewsets as admin_viewsets

from portal.matching.models import MatchRequest, PassedOnReferral, Status
from portal.organisations.ownership import scoped_models
from portal.toolshare.models import ToolUsage
from tests.cases.factories import ToolPageFactory, add_usage
from tests.factories import OrganisationPageFactory, UserFactory
from tests.logins import sign_in_verified

from .conftest import coordinator_of, make_request

pytestmark = pytest.mark.django_db

FOREIGN_NAME = "Fremmed Fredesen"
FOREIGN_EXPERIENCE = "Deres hemmelige erfaring."


@dataclass
class Setting:
    own: object
    foreign: object
    user: object
    # Text that would give the foreign object away on any page.
    foreign_marks: list


def match_requests(organisation, other_organisation):
    own = make_request(organisation, name="Egen Egebjerg", email="egen@example.org")
    foreign = make_request(other_organisation, name=FOREIGN_NAME, email="fremmed@example.org")
    return Setting(own, foreign, coordinator_of(organisation, "koordinator"),
                   [foreign.reference, FOREIGN_NAME, foreign.email])


def tool_experiences(organisation, other_organisation):
    tool = ToolPageFactory(parent=other_organisation, title="VagtPlan")
    own = add_usage(tool, organisation, what_worked="Vores erfaring.")
    foreign = add_usage(tool, other_organisation, what_worked=FOREIGN_EXPERIENCE)
    editor = UserFactory(username="redaktoer")
    editor.groups.add(organisation.access.editors)
    return Setting(own, foreign, editor, [FOREIGN_EXPERIENCE, other_organisation.title])


def passed_on_referrals(organisation, other_organisation):
    third = OrganisationPageFactory(parent=organisation.get_parent(), title="Tredje Træffested")
    own = PassedOnReferral.objects.create(from_organisation=organisation,
                                          to_organisation=other_organisation, reason="other")
    foreign = PassedOnReferral.objects.create(from_organisation=other_organisation,
                                              to_organisation=third, reason="other")
    return Setting(own, foreign, coordinator_of(organisation, "koordinator"), [third.title])


SETTINGS = {MatchRequest: match_requests, ToolUsage: tool_experiences,
            PassedOnReferral: passed_on_referrals}


def test_every_scoped_model_is_in_the_matrix():
    assert set(scoped_models()) == set(SETTINGS), "give a new scoped model a setting here"


def admin_routes(model):
    """(namespace, pattern) of every admin URL that serves ``model``."""
    reverse("wagtailadmin_home")  # the admin's viewsets register as its URLs load
    routes = [
        (viewset.url_namespace, pattern)
        for viewset in admin_viewsets.viewsets
        if getattr(viewset, "model", None) is model
        for pattern in viewset.get_urlpatterns()
    ]
    for _namespace, pattern in routes:
        assert isinstance(pattern, URLPattern)
        assert set(pattern.pattern.converters) <= {"pk"}, (
            f"{pattern.name} takes {set(pattern.pattern.converters)}: teach this matrix about it"
        )
    return routes


def url_for(namespace, pattern, pk=None):
    kwargs = {"pk": pk} if "pk" in pattern.pattern.converters else {}
    return reverse(f"{namespace}:{pattern.name}", kwargs=kwargs)


def methods_taken(pattern):
    view_class = pattern.callback.view_class
    return [method for method in ("get", "post") if hasattr(view_class, method)]


def test_the_matrix_covers_the_workspace_and_the_experiences():
    requests = {pattern.name for _ns, pattern in admin_routes(MatchRequest)}
    assert {"list", "inspect", "edit", "delete", "history", "status", "assign", "note",
            "erase", "attendance", "suggestion", "pass_on", "choose", "chosen",
            "chosen_multiple"} <= requests
    experiences = {pattern.name for _ns, pattern in admin_routes(ToolUsage)}
    assert {"index", "add", "edit", "delete", "history", "usage"} <= experiences


@pytest.fixture(params=list(SETTINGS), ids=lambda model: model.__name__)
def scoped(request, organisation, other_organisation):
    model = request.param
    setting = SETTINGS[model](organisation, other_organisation)
    return model, setting, sign_in_verified(Client(), setting.user)


POSTED = {"status": Status.CONTACTED, "text": "x", "what_worked": "Overskrevet.", "shift": 1,
          "referral": 1, "opportunity": 1}


def test_another_organisations_object_is_not_found_at_any_address(scoped):
    model, setting, client = scoped
    before = model_to_dict(setting.foreign)
    for namespace, pattern in admin_routes(model):
        if "pk" not in pattern.pattern.converters:
            continue
        url = url_for(namespace, pattern, setting.foreign.pk)
        for method in methods_taken(pattern):
            status = getattr(client, method)(url, POSTED).status_code
            assert status == 404, f"{method.upper()} {url}: {status}"
        if "get" in methods_taken(pattern):
            own = client.get(url_for(namespace, pattern, setting.own.pk))
            assert own.status_code != 404, f"GET {pattern.name} of the user's own object"
    assert model_to_dict(model.objects.get(pk=setting.foreign.pk)) == before


def page_text(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode(errors="replace")


def test_no_listing_chooser_export_or_form_shows_another_organisations_object(scoped):
    model, setting, client = scoped
    foreign = setting.foreign
    for namespace, pattern in admin_routes(model):
        if "pk" in pattern.pattern.converters:
            continue
        url = url_for(namespace, pattern)
        for query in ({}, {"q": setting.foreign_marks[0]}, {"export": "csv"},
                      {"status": "new"}, {"id": foreign.pk}):
            # Pages this user may not use send them on; where they land must not tell either.
            response = client.get(url, query, follow=True)
            assert response.status_code == 200, f"{url} {query}: {response.status_code}"
            # The search box repeats the query itself; the object's data must not appear.
            text = page_text(response).replace(query.get("q", "\0"), "")
            for mark in setting.foreign_marks:
                assert mark not in text, f"{url} {query} shows {mark!r}"
            assert "no-store" in response.headers.get("Cache-Control", ""), url


def test_the_coordinator_works_their_own_requests(client, coordinator, organisation):
    own = make_request(organisation, name="Egen Egebjerg")
    sign_in_verified(client, coordinator)
    listing = client.get(reverse("wagtailsnippets_matching_matchrequest:list"))
    assert own.reference in listing.content.decode()
    inspect = client.get(reverse("wagtailsnippets_matching_matchrequest:inspect", args=[own.pk]))
    assert inspect.status_code == 200
    assert "Egen Egebjerg" in inspect.content.decode()
    assert "no-store" in inspect.headers["Cache-Control"]


@pytest.fixture
def requests(organisation, other_organisation):
    return match_requests(organisation, other_organisation)


def test_a_bulk_action_with_mixed_ids_changes_nothing_foreign(client, requests):
    own, foreign = requests.own, requests.foreign
    sign_in_verified(client, requests.user)
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
    assert requests.own.reference in body.decode() and requests.foreign.reference in body.decode()


def test_people_without_a_coordinator_role_are_sent_back_to_the_dashboard(client, requests):
    from django.contrib.auth.models import Permission

    editor = UserFactory(username="redaktoer")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)  # no second factor: an editor without roles is not asked for one
    response = client.get(reverse("wagtailsnippets_matching_matchrequest:list"))
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_counts_on_the_dashboard_are_the_coordinators_own(client, requests, other_organisation):
    for _ in range(3):
        make_request(other_organisation)
    sign_in_verified(client, requests.user)
    body = client.get("/admin/").content.decode()
    assert ">1 ny henvendelse</a>" in body
