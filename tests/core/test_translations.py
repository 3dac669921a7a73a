"""Translating pages into English: where the copy lands, who may make it, what it shares."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from portal.opportunities.models import OpportunityPage, Shift
from portal.organisations.models import OrganisationAccess
from tests.core.test_languages import read_in
from tests.factories import OrganisationPageFactory, translate_page
from tests.logins import sign_in_verified
from tests.matching.conftest import make_opportunity, make_shift, offer_data

pytestmark = pytest.mark.django_db


def english():
    return Locale.objects.get(language_code="en")


def translate(page, title=None, publish=True, **fields):
    """The English translation of ``page`` as the admin's "Translate" makes it."""
    return translate_page(page, publish=publish, title=title or f"{page.title} (English)",
                          **fields)


@pytest.fixture
def english_tree(home, organisation_index, opportunity_index):
    """Redaktionen's part: the home page and the sections, in English."""
    return {page.pk: translate(page) for page in (home, organisation_index, opportunity_index)}


@pytest.fixture
def opportunity(organisation):
    return make_opportunity(organisation)


def test_there_are_two_locales_and_danish_is_the_default(db):
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == ["da", "en"]
    assert Locale.get_default().language_code == "da"


def test_a_translation_lands_under_the_english_parent_with_the_same_slug(
    english_tree, organisation, organisation_index
):
    translated = translate(organisation, title="The Visiting Friends")

    assert translated.locale.language_code == "en"
    assert translated.translation_key == organisation.translation_key
    assert translated.slug == organisation.slug
    assert translated.get_parent().pk == english_tree[organisation_index.pk].pk


def test_an_edited_english_title_keeps_the_danish_slug(english_tree, organisation, opportunity):
    translate(organisation)
    translated = translate(opportunity, title="Visiting friend for Inger")
    translated.slug = "visiting-friend-for-inger"
    translated.save_revision().publish()

    translated.refresh_from_db()
    assert translated.slug == opportunity.slug
    assert translated.url_path.endswith(f"/{organisation.slug}/{opportunity.slug}/")


def test_the_danish_page_is_its_own_source_and_the_translation_reads_from_it(
    english_tree, organisation, opportunity
):
    translate(organisation)
    translated = translate(opportunity)

    assert opportunity.source_page is opportunity
    assert translated.source_page.pk == opportunity.pk
    assert translated.is_translation and not opportunity.is_translation


def test_translating_leaves_the_shifts_on_the_danish_page_and_copying_does_not(
    english_tree, organisation, opportunity
):
    make_shift(opportunity, capacity=4)
    translate(organisation)

    translated = translate(opportunity)
    copied = opportunity.copy(update_attrs={"slug": "kopi", "title": "Kopi"})

    assert Shift.objects.filter(opportunity=translated).count() == 0
    assert Shift.objects.filter(opportunity=opportunity).count() == 1
    assert Shift.objects.filter(opportunity=copied).count() == 1
    # Publishing the translation again does not bring copies back from its revision.
    translated.save_revision().publish()
    assert Shift.objects.filter(opportunity=translated).count() == 0


def test_an_english_page_is_never_listed_itself(english_tree, organisation, opportunity):
    translate(organisation)
    translated = translate(opportunity)

    assert list(OpportunityPage.objects.open()) == [opportunity]
    assert not OpportunityPage.objects.get(pk=translated.pk).listed


# --- Editors of an organisation -----------------------------------------------


def test_an_organisations_editor_translates_its_page_and_then_its_opportunities(
    client, english_tree, organisation, opportunity, editor
):
    sign_in_verified(client, editor)
    en = english()

    response = client.post(
        reverse("simple_translation:submit_page_translation", args=[organisation.pk]),
        {"locales": [en.pk]},
    )
    assert response.status_code == 302
    translated_organisation = organisation.get_translation(en)
    assert translated_organisation.permissions_for_user(editor).can_edit()

    response = client.post(
        reverse("simple_translation:submit_page_translation", args=[opportunity.pk]),
        {"locales": [en.pk]},
    )
    assert response.status_code == 302
    translated = opportunity.get_translation(en)
    assert translated.get_parent().pk == translated_organisation.pk
    assert translated.permissions_for_user(editor).can_edit()
    assert not translated.live


def test_the_english_copy_of_an_organisation_gets_no_groups_of_its_own(
    english_tree, organisation
):
    groups = Group.objects.count()
    translated = translate(organisation)

    assert Group.objects.count() == groups
    assert not OrganisationAccess.objects.filter(organisation=translated).exists()


def test_an_editor_may_not_translate_another_organisations_page(
    client, english_tree, organisation, organisation_index, editor
):
    other = OrganisationPageFactory(parent=organisation_index, title="Vågekonerne")
    sign_in_verified(client, editor)

    response = client.post(
        reverse("simple_translation:submit_page_translation", args=[other.pk]),
        {"locales": [english().pk]},
    )

    # Wagtail's admin answers a refusal by sending the editor to the dashboard.
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert not other.get_translations().exists()


# --- The English opportunity in the editor, in moderation, and in a sign-up -----


def translated_opportunity(organisation, opportunity):
    translate(organisation)
    return translate(opportunity, title="Visiting friend for Inger", publish=False)


def test_the_editor_of_a_translation_edits_words_and_is_told_where_the_rest_is(
    client, english_tree, organisation, opportunity, editor
):
    make_shift(opportunity)
    translated = translated_opportunity(organisation, opportunity)
    sign_in_verified(client, editor)

    english_form = client.get(f"/admin/pages/{translated.pk}/edit/").content.decode()
    danish_form = client.get(f"/admin/pages/{opportunity.pk}/edit/").content.decode()

    assert "Vagter og kategorier redigeres på den danske side." in english_form
    assert "Vagter og kategorier redigeres på den danske side." not in danish_form
    for name in ("shifts-TOTAL_FORMS", 'name="municipalities"', 'name="status"'):
        assert name not in english_form
        assert name in danish_form


def test_an_editor_submits_a_translation_and_it_waits_for_redaktionen(
    client, english_tree, organisation, opportunity, editor, moderator
):
    translated = translated_opportunity(organisation, opportunity)
    sign_in_verified(client, editor)
    url = f"/admin/pages/{translated.pk}/edit/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data["title"] = "Visiting friend for Inger in Aalborg"
    data.update(nested_form_data({"body": streamfield([])}))
    data["action-submit"] = "1"

    response = client.post(url, data)

    assert response.status_code == 302
    translated = OpportunityPage.objects.get(pk=translated.pk)
    assert not translated.live
    assert translated.current_workflow_task.specific.groups.get().name == "Redaktionen"
    assert translated.get_latest_revision().as_object().title == (
        "Visiting friend for Inger in Aalborg"
    )
    assert translated.current_workflow_state.status == "in_progress"

    task_state = translated.current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")

    translated.refresh_from_db()
    assert translated.live and translated.title == "Visiting friend for Inger in Aalborg"
    assert translated.slug == opportunity.slug
    assert Shift.objects.filter(opportunity=translated).count() == 0


def test_signing_up_on_the_english_page_books_the_danish_pages_shift(
    rf, english_tree, organisation, settings
):
    settings.INTAKE_MIN_FILL_SECONDS = 0
    opportunity = make_opportunity(organisation, commitment="ad_hoc")
    shift = make_shift(opportunity, capacity=1)
    translate(organisation)
    translated = translate(opportunity, title="Visiting friend for Inger")
    request = rf.get("/")
    request.user = AnonymousUser()

    english_page = translated.serve(request).render().content.decode()
    action = re.search(r'<form class="intake-form" method="post" action="([^"]+)"', english_page)
    assert action.group(1) == reverse("matching:offer", args=[opportunity.pk])

    response = Client().post(action.group(1), offer_data(shifts=[str(shift.pk)]))

    assert response.status_code == 302
    danish_page = opportunity.serve(request).render().content.decode()
    assert "Fuldt booket" in danish_page
    assert "Fuldt booket" in translated.serve(request).render().content.decode()


def test_the_english_opportunity_marks_its_danish_only_facts_and_names_its_organisation_in_english(
    client, english_tree, organisation
):
    opportunity = make_opportunity(organisation, place="Aalborg Bibliotek")
    opportunity.skills.add("Tålmodighed")
    opportunity.save_revision().publish()
    make_shift(opportunity)
    translate(organisation, title="The Visiting Friends")
    translated = translate(opportunity, title="Visiting friend for Inger")

    response = client.get(translated.url)

    assert read_in(response, ["Tålmodighed", "Aalborg Bibliotek", "Solhøj",
                              "The Visiting Friends", "Visiting friend for Inger"]) == {
        "Tålmodighed": "da", "Aalborg Bibliotek": "da", "Solhøj": "da",
        "The Visiting Friends": "en", "Visiting friend for Inger": "en",
    }


def test_a_new_danish_slug_moves_the_english_page_to_the_same_path(
    client, english_tree, organisation, opportunity, django_capture_on_commit_callbacks
):
    translate(organisation)
    translated = translate(opportunity, title="Visiting friend for Inger")
    old_english_path = translated.url

    with django_capture_on_commit_callbacks(execute=True):
        opportunity.slug = "besoegsven-i-aalborg"
        opportunity.save_revision().publish()

    new_path = "/en" + OpportunityPage.objects.get(pk=opportunity.pk).url
    assert new_path.endswith("/besoegsven-i-aalborg/")
    response = client.get(new_path)
    assert response.status_code == 200
    assert "<h1>Visiting friend for Inger</h1>" in response.content.decode()
    moved = client.get(old_english_path)
    assert (moved.status_code, moved["Location"]) == (301, new_path)
