"""Redaktionen's workflow: submit, send back with a comment, approve; in Danish."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone, translation
from wagtail.models import (
    GroupPagePermission,
    Page,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from portal.editorial.models import TASK_NAME, WORKFLOW_NAME
from portal.organisations.models import OrganisationPage
from tests.cases.factories import CasePageFactory
from tests.factories import translate_page
from tests.opportunities.factories import OpportunityPageFactory

pytestmark = pytest.mark.django_db


def draft(parent, factory=OpportunityPageFactory, **fields):
    """A page an editor has written but nobody has published."""
    page = factory(parent=parent, live=False, **fields)
    page.save_revision()
    return page


def submit(page, user):
    return page.get_workflow().start(page, user)


def act(page, user, action, comment=""):
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state, user, action, comment=comment)


def test_every_page_goes_through_redaktionens_workflow_and_no_english_one_is_used(home):
    workflow = Page.get_first_root_node().get_workflow()
    assert workflow.name == WORKFLOW_NAME
    assert [task.name for task in workflow.tasks] == [TASK_NAME]
    assert workflow.tasks[0].specific.groups.get().name == "Redaktionen"
    assert home.get_workflow() == workflow
    assert set(Workflow.objects.filter(active=True).values_list("name", flat=True)) == {
        WORKFLOW_NAME
    }
    assert set(Task.objects.filter(active=True).values_list("name", flat=True)) == {TASK_NAME}


def test_the_migration_may_run_again_without_adding_anything(home):
    migration = importlib.import_module("portal.editorial.migrations.0002_redaktionen")
    counts = [model.objects.count() for model in
              (Group, GroupPagePermission, Workflow, WorkflowTask, WorkflowPage, Task)]

    migration.create_editorial_workflow(apps, None)

    assert [model.objects.count() for model in
            (Group, GroupPagePermission, Workflow, WorkflowTask, WorkflowPage, Task)] == counts
    assert Page.get_first_root_node().get_workflow().name == WORKFLOW_NAME


def test_redaktionen_may_publish_everywhere_and_keep_the_taxonomies(home, moderator):
    assert home.permissions_for_user(moderator).can_publish()
    for permission in ("core.add_activity", "core.change_theme", "organisations.trust_organisation",
                       "wagtailsearchpromotions.add_searchpromotion"):
        assert moderator.has_perm(permission), permission


def test_submitting_mails_redaktionen_in_danish_even_from_an_english_browser(
    organisation, editor, moderator
):
    page = draft(organisation, title="Besøgsven i Aalborg")
    with translation.override("en"):
        submit(page, editor)

    to_moderator = [message for message in mail.outbox if message.to == [moderator.email]]
    assert [message.subject for message in to_moderator] == [
        'Siden "Besøgsven i Aalborg" venter på godkendelse: "Redaktionens godkendelse"'
    ]
    assert "Hej Mona" in to_moderator[0].body
    assert f"/admin/pages/{page.pk}/edit/" in to_moderator[0].body
    assert not any(message.to == [editor.email] for message in mail.outbox)


def test_sending_back_tells_the_editor_in_danish_with_the_comment(
    organisation, editor, moderator
):
    page = draft(organisation, title="Besøgsven i Aalborg")
    submit(page, editor)
    mail.outbox.clear()

    with translation.override("en"):
        act(page, moderator, "reject", comment="Skriv, hvor I mødes.")

    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    [message] = mail.outbox
    assert message.to == [editor.email]
    assert message.subject == (
        'Redaktionen beder om ændringer i siden "Besøgsven i Aalborg" '
        '("Godkendelse af Redaktionen").'
    )
    assert 'Kommentar: "Skriv, hvor I mødes."' in message.body
    page.refresh_from_db()
    assert not page.live


def test_approving_publishes_and_tells_the_editor(organisation, editor, moderator):
    page = draft(organisation, title="Besøgsven i Aalborg")
    submit(page, editor)
    mail.outbox.clear()

    act(page, moderator, "approve")

    page.refresh_from_db()
    assert page.live
    [message] = mail.outbox
    assert message.to == [editor.email]
    assert message.subject == (
        'Siden "Besøgsven i Aalborg" er godkendt ("Godkendelse af Redaktionen").'
    )


def test_a_scheduled_page_goes_live_at_its_time_once_approved(organisation, editor, moderator):
    go_live = (timezone.now() + datetime.timedelta(days=2)).replace(microsecond=0)
    page = draft(organisation, go_live_at=go_live)
    submit(page, editor)

    act(page, moderator, "approve")

    page.refresh_from_db()
    assert not page.live
    assert page.get_latest_revision().approved_go_live_at == go_live


def test_a_trusted_organisations_opportunity_is_published_at_once(
    organisation, editor, moderator
):
    organisation.publishes_opportunities_directly = True
    organisation.save()
    page = draft(organisation)

    submit(page, editor)

    page.refresh_from_db()
    assert page.live
    assert page.current_workflow_state is None
    assert not any(message.to == [moderator.email] for message in mail.outbox)


def test_a_trusted_organisations_case_still_waits_for_redaktionen(
    organisation, editor, moderator
):
    organisation.publishes_opportunities_directly = True
    organisation.save()
    page = draft(organisation, factory=CasePageFactory)

    submit(page, editor)

    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_task.name == TASK_NAME
    assert any(message.to == [moderator.email] for message in mail.outbox)


def test_an_untrusted_organisations_opportunity_waits_for_redaktionen(organisation, editor):
    page = draft(organisation)

    submit(page, editor)

    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_task.name == TASK_NAME


def english_opportunity_of(organisation, home, organisation_index):
    """A draft English opportunity below ``organisation``'s English page."""
    for page in (home, organisation_index, organisation):
        translate_page(page)
    return translate_page(draft(organisation), publish=False)


def test_a_trust_flag_on_an_english_copy_of_an_organisation_has_no_effect(
    home, organisation_index, organisation, editor
):
    page = english_opportunity_of(organisation, home, organisation_index)
    OrganisationPage.objects.filter(translation_key=organisation.translation_key).exclude(
        pk=organisation.pk).update(publishes_opportunities_directly=True)

    submit(page, editor)

    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_task.name == TASK_NAME


def test_the_danish_organisations_trust_lets_its_english_opportunity_through(
    home, organisation_index, organisation, editor
):
    page = english_opportunity_of(organisation, home, organisation_index)
    OrganisationPage.objects.filter(pk=organisation.pk).update(
        publishes_opportunities_directly=True)

    submit(page, editor)

    page.refresh_from_db()
    assert page.live
