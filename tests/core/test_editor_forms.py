"""The editor's forms: every field has a help text, and the long lists are checkboxes."""

import pytest
from django.core.exceptions import FieldDoesNotExist
from django.forms import CheckboxSelectMultiple
from django.urls import reverse
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Page, get_page_models

from portal.core.widgets import RegionCheckboxes

PAGE_MODELS = [model for model in get_page_models() if model is not Page]
# Wagtail's scheduling dialog explains these two itself.
WAGTAIL_EXPLAINS = {"go_live_at", "expire_at"}


def _field_panels(panel, model):
    """(model, field name) for each field an editor fills in, inline children included."""
    if isinstance(panel, InlinePanel):
        related = model._meta.get_field(panel.relation_name).related_model
        for child in panel.panel_definitions or getattr(related, "panels", []):
            yield from _field_panels(child, related)
    elif isinstance(panel, FieldPanel) and panel.field_name not in WAGTAIL_EXPLAINS:
        yield model, panel
    for child in getattr(panel, "children", []):
        yield from _field_panels(child, model)


def _help_text(model, panel):
    try:
        field = model._meta.get_field(panel.field_name)
    except FieldDoesNotExist:
        return "(not a model field)"
    return str(panel.help_text or getattr(field, "help_text", "")).strip()


@pytest.mark.parametrize("model", PAGE_MODELS, ids=lambda model: model._meta.label)
def test_every_field_an_editor_fills_in_says_what_a_visitor_sees(model):
    fields = list(_field_panels(model.get_edit_handler(), model))
    assert fields
    assert [f"{owner._meta.label}.{panel.field_name}" for owner, panel in fields
            if not _help_text(owner, panel)] == []


TAXONOMIES = {"core.Municipality", "core.Activity", "core.TargetGroup", "core.Theme",
              "toolshare.ToolCategory"}


def _taxonomy_panels():
    for model in PAGE_MODELS:
        for owner, panel in _field_panels(model.get_edit_handler(), model):
            field = owner._meta.get_field(panel.field_name)
            if field.many_to_many and field.related_model._meta.label in TAXONOMIES:
                yield f"{model._meta.label}.{panel.field_name}", panel.widget


def test_the_long_lists_are_tick_boxes_in_every_page_type():
    panels = dict(_taxonomy_panels())
    assert len(panels) >= 10
    assert [name for name, widget in panels.items()
            if not (isinstance(widget, type) and issubclass(widget, CheckboxSelectMultiple))] == []
    assert {name for name, widget in panels.items() if widget is RegionCheckboxes} == {
        name for name in panels if name.endswith(".municipalities")
    }


@pytest.mark.django_db
def test_municipalities_are_ticked_under_their_region(admin_client, organisation):
    url = reverse("wagtailadmin_pages:add", args=["opportunities", "opportunitypage",
                                                 organisation.pk])
    html = admin_client.get(url).content.decode()
    assert '<select name="municipalities"' not in html
    region = html.index("<legend>Region Nordjylland</legend>")
    aalborg = html.index("Aalborg</label>")
    assert region < aalborg < html.index("</fieldset>", region)
    assert html.count('type="checkbox" name="municipalities"') == 98
    assert 'type="checkbox" name="activities"' in html
    assert 'type="checkbox" name="target_groups"' in html
