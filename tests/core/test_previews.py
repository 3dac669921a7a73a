"""Every page type previews in the admin: a saved page with unsaved edits, and a new page.

The preview is built from the editor's form, not the database: inline children
such as an opportunity's shifts exist only in memory. A page type added later
must be given an example here, or the completeness test fails.
"""

import datetime

import pytest
from django.db.models import BooleanField
from django.urls import reverse
from django.utils import timezone
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from portal.cases.models import CasePage, GuidePage
from portal.funding.models import FundingCallPage
from portal.home.models import HomePage, StandardPage
from portal.needs.models import NeedPage
from portal.opportunities.models import Commitment, OpportunityPage
from portal.toolshare.models import ToolPage
from tests.cases.factories import (
    CasePageFactory,
    GuidePageFactory,
    ToolPageFactory,
    add_partner,
    category,
)
from tests.factories import (
    CaseIndexPageFactory,
    OpportunityIndexPageFactory,
    OrganisationIndexPageFactory,
    StandardPageFactory,
    ToolIndexPageFactory,
    home_page,
    organisation_page,
)
from tests.funding.factories import FundingCallIndexPageFactory, FundingCallPageFactory
from tests.needs.factories import NeedPageFactory
from tests.opportunities.factories import OpportunityPageFactory, ShiftFactory


def _opportunity():
    page = OpportunityPageFactory(parent=organisation_page(), commitment=Commitment.AD_HOC)
    ShiftFactory(opportunity=page, place="Gemt vagt i Vestergade")
    return page


def _case():
    organisation = organisation_page()
    case = CasePageFactory(parent=organisation)
    add_partner(case, organisation)
    return case


# One example of each page type, in a place its parent rules allow.
EXAMPLES = {
    HomePage: home_page,
    StandardPage: lambda: StandardPageFactory(parent=home_page()),
    "organisations.OrganisationIndexPage": lambda: OrganisationIndexPageFactory(
        parent=home_page()
    ),
    "organisations.OrganisationPage": organisation_page,
    "opportunities.OpportunityIndexPage": lambda: OpportunityIndexPageFactory(parent=home_page()),
    OpportunityPage: _opportunity,
    "cases.CaseIndexPage": lambda: CaseIndexPageFactory(parent=home_page()),
    CasePage: _case,
    GuidePage: lambda: GuidePageFactory(parent=organisation_page()),
    "toolshare.ToolIndexPage": lambda: ToolIndexPageFactory(parent=home_page()),
    # A tool must have a category: its form's tick boxes start empty.
    ToolPage: lambda: ToolPageFactory(
        parent=organisation_page(), categories=[category("vagtplaner")]),
    "funding.FundingCallIndexPage": lambda: FundingCallIndexPageFactory(parent=home_page()),
    FundingCallPage: lambda: FundingCallPageFactory(parent=organisation_page(), deadlines=[20, 80]),
    NeedPage: lambda: NeedPageFactory(parent=organisation_page()),
}


# What an editor types into the StreamFields a page cannot be saved without.
REQUIRED_STREAM_BLOCKS = {
    "story": [("paragraph", rich_text("<p>Sådan begyndte samarbejdet.</p>"))],
    "steps": [
        ("step", {"title": "Find en partner", "text": rich_text("<p>Ring til foreningen.</p>")})
    ],
}


def _label(model):
    return model if isinstance(model, str) else model._meta.label


EXAMPLE_BY_LABEL = {_label(model): make for model, make in EXAMPLES.items()}
# The page types editors can make, and the home page the site is born with.
PAGE_TYPES = sorted(
    model._meta.label
    for model in get_page_models()
    if model is not Page and (model.is_creatable or model is HomePage)
)


def test_every_page_type_has_a_preview_example():
    assert sorted(EXAMPLE_BY_LABEL) == PAGE_TYPES


def _edit_form_data(client, url, model):
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    # A ticked box without a value attribute is read as "", where a browser sends "on".
    for field in model._meta.get_fields():
        if isinstance(field, BooleanField) and data.get(field.name) == "":
            data[field.name] = "on"
    # A StreamField's editor is drawn by script, so the HTML holds no inputs
    # for it: the preview gets the blocks an editor would type.
    for field in model._meta.get_fields():
        if isinstance(field, StreamField) and f"{field.name}-count" not in data:
            blocks = [] if field.blank else REQUIRED_STREAM_BLOCKS[field.name]
            data.update(nested_form_data({field.name: streamfield(blocks)}))
    return data


def _add_unsaved_shifts(data, days_ahead=(5, 12)):
    """Adds shifts to the form's inline formset, as an editor does before saving."""
    prefix = "shifts"
    total = int(data[f"{prefix}-TOTAL_FORMS"])
    for offset, days in enumerate(days_ahead):
        index = total + offset
        starts = timezone.localtime() + datetime.timedelta(days=days)
        starts = starts.replace(hour=10, minute=0, second=0, microsecond=0)
        data[f"{prefix}-{index}-starts_at"] = starts.strftime("%Y-%m-%d %H:%M")
        data[f"{prefix}-{index}-ends_at"] = (starts + datetime.timedelta(hours=2)).strftime(
            "%Y-%m-%d %H:%M"
        )
        data[f"{prefix}-{index}-place"] = f"Ny vagt om {days} dage"
        data[f"{prefix}-{index}-capacity"] = "3"
        data[f"{prefix}-{index}-ORDER"] = str(index + 1)
        data[f"{prefix}-{index}-id"] = ""
        data[f"{prefix}-{index}-DELETE"] = ""
    data[f"{prefix}-TOTAL_FORMS"] = str(total + len(days_ahead))
    return data


def _without_saved_shifts(data):
    for key in [key for key in data if key.startswith("shifts-")]:
        data.pop(key)
    data["shifts-TOTAL_FORMS"] = data["shifts-INITIAL_FORMS"] = "0"
    data["shifts-MIN_NUM_FORMS"], data["shifts-MAX_NUM_FORMS"] = "0", "1000"
    return data


def _preview(client, preview_url, data):
    response = client.post(preview_url, data=data)
    assert response.status_code == 200
    assert response.json() == {"is_valid": True, "is_available": True}, response.json()
    return client.get(preview_url)


@pytest.mark.parametrize("label", PAGE_TYPES)
def test_saved_page_previews_its_unsaved_edits(admin_client, label):
    page = EXAMPLE_BY_LABEL[label]()
    data = _edit_form_data(
        admin_client, reverse("wagtailadmin_pages:edit", args=[page.pk]), page.specific_class
    )
    data["title"] = "Ændret titel i forhåndsvisning"
    if isinstance(page, OpportunityPage):
        data = _add_unsaved_shifts(data)

    preview = _preview(
        admin_client, reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]), data
    )

    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Ændret titel i forhåndsvisning" in html
    if isinstance(page, OpportunityPage):
        assert "Gemt vagt i Vestergade" in html
        assert "Ny vagt om 5 dage" in html and "Ny vagt om 12 dage" in html


@pytest.mark.parametrize("label", [label for label in PAGE_TYPES if label != "home.HomePage"])
def test_new_page_previews_before_it_is_saved(admin_client, label):
    example = EXAMPLE_BY_LABEL[label]()
    parent = example.get_parent()
    model = example.specific_class
    app_label, model_name = model._meta.app_label, model._meta.model_name
    # The add form is the example's edit form without its values: fill it with
    # the example's own, under a new title and slug.
    data = _edit_form_data(
        admin_client, reverse("wagtailadmin_pages:edit", args=[example.pk]), model
    )
    data["title"] = "Ny side i forhåndsvisning"
    data["slug"] = "ny-side-i-forhaandsvisning"
    if model is OpportunityPage:
        data = _add_unsaved_shifts(_without_saved_shifts(data))

    preview = _preview(
        admin_client,
        reverse("wagtailadmin_pages:preview_on_add", args=[app_label, model_name, parent.pk]),
        data,
    )

    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Ny side i forhåndsvisning" in html
    if model is OpportunityPage:
        assert "Ny vagt om 5 dage" in html and "Ny vagt om 12 dage" in html
