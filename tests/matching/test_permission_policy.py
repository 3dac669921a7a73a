"""Who Wagtail is told may see and work which requests.

Wagtail asks the registered policy, not the views, when it lists people who
may act on a request (e.g. to notify them) or the requests someone may act on.
"""

import pytest
from wagtail.permissions import policy_registry

from portal.matching.models import MatchRequest
from tests.factories import UserFactory

from .conftest import coordinator_of, make_request

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(organisation, other_organisation, coordinator, other_coordinator):
    editor = UserFactory(username="redaktoer")
    editor.groups.add(organisation.access.editors)
    return {
        "coordinator": coordinator,
        "other_coordinator": other_coordinator,
        "superuser": UserFactory(username="admin", is_superuser=True),
        "inactive": coordinator_of(organisation, "fratraadt", is_active=False),
        "editor": editor,
    }


@pytest.fixture
def policy():
    return policy_registry.get_by_type(MatchRequest)


def names(users):
    return {user.username for user in users}


def test_coordinators_of_any_organisation_and_superusers_may_view_and_change(policy, people):
    everyone = {"koordinator", "anden-koordinator", "admin"}
    assert names(policy.users_with_any_permission(["view"])) == everyone
    assert names(policy.users_with_any_permission(["change", "delete"])) == everyone
    assert names(policy.users_with_any_permission(["delete"])) == {"admin"}
    assert not policy.users_with_any_permission(["add"]).exists()


def test_only_the_requests_own_coordinators_and_superusers_may_act_on_it(
    policy, people, organisation
):
    match_request = make_request(organisation)
    assert names(policy.users_with_any_permission_for_instance(["view"], match_request)) == {
        "koordinator", "admin"
    }
    assert names(policy.users_with_any_permission_for_instance(["delete"], match_request)) == {
        "admin"
    }
    assert not policy.users_with_any_permission_for_instance(["add"], match_request).exists()


def test_the_requests_each_person_may_act_on(policy, people, organisation, other_organisation):
    own = make_request(organisation)
    foreign = make_request(other_organisation)

    def requests(person, actions):
        return set(policy.instances_user_has_any_permission_for(people[person], actions))

    assert requests("coordinator", ["change"]) == {own}
    assert requests("other_coordinator", ["view"]) == {foreign}
    assert requests("coordinator", ["delete"]) == set()
    assert requests("superuser", ["delete"]) == {own, foreign}
    assert requests("superuser", ["add"]) == set()
    assert requests("inactive", ["view"]) == set()
    assert requests("editor", ["view"]) == set()
