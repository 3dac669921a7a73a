"""The demo's editorial side: a moderator, a trusted organisation, pages in moderation."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import WorkflowState

from portal.accounts.policy import requires_two_factor
from portal.opportunities.models import OpportunityPage
from portal.organisations.models import OrganisationPage

pytestmark = pytest.mark.django_db


def test_the_demo_moderator_is_in_redaktionen_and_signs_in_with_a_password():
    moderator = get_user_model().objects.get(username="moderator")
    assert moderator.check_password("bindeled-demo")
    assert list(moderator.groups.values_list("name", flat=True)) == ["Redaktionen"]
    assert not requires_two_factor(moderator)


def test_one_page_waits_for_redaktionen_and_one_was_sent_back_with_a_comment():
    states = {
        OpportunityPage.objects.get(pk=state.object_id).slug: state
        for state in WorkflowState.objects.active()
    }
    assert states["spiseven-aalborg"].status == WorkflowState.STATUS_IN_PROGRESS
    sent_back = states["gaatur-hjoerring"]
    assert sent_back.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert "børneattest" in sent_back.current_task_state.comment


def test_festivalhjaelperne_publish_their_own_opportunities():
    trusted = OrganisationPage.objects.filter(
        publishes_opportunities_directly=True, locale__language_code="da"
    )
    assert list(trusted.values_list("slug", flat=True)) == ["festivalhjaelperne"]
    editor = get_user_model().objects.get(username="redaktoer-festival")
    assert editor.groups.get() == trusted.get().access.editors
