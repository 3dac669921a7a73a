"""Editors can create and preview cases, guides and tools in their organisation."""

import pytest
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from portal.cases.models import PartnerRole
from tests.cases.factories import (
    CasePageFactory,
    GuidePageFactory,
    ToolPageFactory,
    add_partner,
    category,
)
from tests.factories import (
    OrganisationIndexPageFactory,
    OrganisationPageFactory,
    UserFactory,
    home_page,
)
from tests.logins import sign_in_verified

STREAMFIELDS = ("story", "results", "introduction", "steps")


class PreviewTests(WagtailPageTestCase):
    def setUp(self):
        directory = OrganisationIndexPageFactory(parent=home_page())
        self.organisation = OrganisationPageFactory(parent=directory)
        case = CasePageFactory(parent=self.organisation)
        add_partner(case, self.organisation, PartnerRole.LEAD)
        self.pages = [case, GuidePageFactory(parent=self.organisation),
                      # A tool must have a category: its form ticks none by itself.
                      ToolPageFactory(parent=self.organisation,
                                      categories=[category("vagtplaner")])]

    def test_every_hub_page_type_previews(self):
        editor = self.create_superuser("forhaandsvisning")
        for page in self.pages:
            with self.subTest(page=type(page).__name__):
                sign_in_verified(self.client, editor)  # the preview assertion logs out again
                html = self.client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
                data = querydict_from_html(html, form_id="page-edit-form").dict()
                # StreamFields are drawn by the editor's JavaScript; their data is added here.
                for name in STREAMFIELDS:
                    if hasattr(page, name):
                        data.update(nested_form_data({name: streamfield([])}))
                self.assertPageIsPreviewable(page, post_data=data, user=editor)


@pytest.mark.django_db
def test_an_editor_can_open_the_forms_for_new_hub_pages_in_their_organisation(
    client, organisation
):
    editor = UserFactory()
    editor.groups.add(organisation.access.editors)
    client.force_login(editor)
    for model in ("cases/casepage", "cases/guidepage", "toolshare/toolpage"):
        response = client.get(f"/admin/pages/add/{model}/{organisation.pk}/")
        assert response.status_code == 200, model


@pytest.mark.django_db
def test_saving_a_case_in_the_admin_keeps_its_partners_and_themes(admin_client, organisation):
    from portal.cases.models import CasePage
    from portal.core.models import Theme

    case = CasePageFactory(parent=organisation)
    add_partner(case, organisation, PartnerRole.LEAD)
    html = admin_client.get(f"/admin/pages/{case.pk}/edit/").content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    theme = Theme.objects.get(slug="samskabelse")
    data.setlist("themes", [str(theme.pk)])
    data["title"] = "Nyt navn"
    data.update(nested_form_data({
        "story": streamfield([("paragraph", rich_text("<p>Sådan gik det.</p>"))]),
        "results": streamfield([]),
    }))
    data["action-publish"] = "1"

    response = admin_client.post(f"/admin/pages/{case.pk}/edit/", data)

    assert response.status_code == 302, response.context["form"].errors.as_data()
    saved = CasePage.objects.get(pk=case.pk)
    assert saved.title == "Nyt navn"
    assert list(saved.themes.all()) == [theme]
    assert [(p.organisation_id, p.role) for p in saved.partners.all()] == [
        (organisation.pk, PartnerRole.LEAD)
    ]
