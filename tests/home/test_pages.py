import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from portal.cases.models import CaseIndexPage
from portal.home.models import HomePage, StandardPage
from portal.home.sections import key_figures
from portal.opportunities.models import OpportunityIndexPage
from portal.organisations.models import OrganisationIndexPage, OrganisationPage
from portal.toolshare.models import ToolIndexPage
from tests.factories import (
    CaseIndexPageFactory,
    OpportunityIndexPageFactory,
    OrganisationIndexPageFactory,
    OrganisationPageFactory,
    StandardPageFactory,
    ToolIndexPageFactory,
    home_page,
)
from tests.logins import sign_in_verified


class PageTreeRulesTests(WagtailPageTestCase):
    def test_the_home_page_sits_at_the_root_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)
        self.assertCanNotCreateAt(OrganisationPage, HomePage)

    def test_section_fronts_sit_below_the_home_page(self):
        for index_class in (
            OpportunityIndexPage, CaseIndexPage, ToolIndexPage, OrganisationIndexPage
        ):
            self.assertCanCreateAt(HomePage, index_class)
            self.assertCanNotCreateAt(StandardPage, index_class)

    def test_organisations_live_in_the_directory_only(self):
        self.assertAllowedSubpageTypes(OrganisationIndexPage, {OrganisationPage})
        self.assertCanNotCreateAt(HomePage, OrganisationPage)

    def test_plain_pages_nest_below_the_home_page(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(OrganisationPage, StandardPage)

    def test_there_is_one_home_page_and_one_of_each_section_front(self):
        home = home_page()
        OrganisationIndexPageFactory(parent=home)
        self.assertFalse(OrganisationIndexPage.can_create_at(home))


class PageTypesRenderTests(WagtailPageTestCase):
    def setUp(self):
        self.home = home_page()
        directory = OrganisationIndexPageFactory(parent=self.home)
        self.pages = [
            self.home,
            directory,
            OrganisationPageFactory(parent=directory),
            OpportunityIndexPageFactory(parent=self.home),
            CaseIndexPageFactory(parent=self.home),
            ToolIndexPageFactory(parent=self.home),
            StandardPageFactory(parent=self.home, title="Om Bindeled"),
        ]

    def test_every_page_type_is_routable_and_renderable(self):
        for page in self.pages:
            with self.subTest(page=type(page).__name__):
                self.assertPageIsRoutable(page)
                self.assertPageIsRenderable(page)

    def test_every_page_type_previews(self):
        editor = self.create_superuser("forhaandsvisning")
        for page in self.pages:
            with self.subTest(page=type(page).__name__):
                sign_in_verified(self.client, editor)
                edit_page = self.client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
                post_data = querydict_from_html(edit_page, form_id="page-edit-form").dict()
                # StreamFields are drawn by the editor's JavaScript, so their
                # (empty) form data is added by hand.
                if hasattr(page, "body"):
                    post_data.update(nested_form_data({"body": streamfield([])}))
                self.assertPageIsPreviewable(page, post_data=post_data, user=editor)


@pytest.mark.django_db
def test_home_page_shows_live_figures_from_the_data(client, organisation_index):
    OrganisationPageFactory(parent=organisation_index)
    OrganisationPageFactory(parent=organisation_index)
    draft = OrganisationPageFactory(parent=organisation_index)
    draft.unpublish()

    assert key_figures()["organisations"] == 2
    body = client.get("/").content.decode()
    assert ('<dt class="key-figure__label">organisationer</dt>'
            '<dd class="key-figure__value">2</dd>') in body
    for label in ("Find en opgave nær dig", "Denne uge", "Bestil en frivillig", "Bindeled i tal"):
        assert label in body


@pytest.mark.django_db
def test_pages_are_danish_with_landmarks_and_a_skip_link(client, home):
    body = client.get("/").content.decode()
    assert '<html lang="da">' in body
    assert 'href="#main"' in body
    for landmark in ("<header", "<main", "<footer", "<nav"):
        assert landmark in body


@pytest.mark.django_db
def test_a_shared_link_to_any_page_shows_its_title_and_address(client, home):
    about = StandardPageFactory(parent=home, title="Om Bindeled", slug="om")
    for page in (home, about):
        body = client.get(page.url).content.decode()
        assert f'<meta property="og:title" content="{page.title}">' in body
        assert f'<meta property="og:url" content="{page.get_full_url()}">' in body
        assert body.count('<meta property="og:type" content="website">') == 1
    # A view that is no page still says which site it is on, and claims no title.
    body = client.get("/bestil-frivillig/").content.decode()
    assert '<meta property="og:site_name" content="Bindeled">' in body
    assert 'property="og:title"' not in body


@pytest.mark.django_db
def test_footer_links_the_about_privacy_and_accessibility_pages(client, home):
    from portal.core.models import PortalSettings

    settings = PortalSettings.load()
    settings.about_page = StandardPageFactory(parent=home, title="Om Bindeled", slug="om")
    settings.privacy_page = StandardPageFactory(
        parent=home, title="Privatlivspolitik", slug="privatlivspolitik"
    )
    settings.accessibility_page = StandardPageFactory(
        parent=home, title="Tilgængelighedserklæring", slug="tilgaengelighed"
    )
    settings.save()

    body = client.get("/om/").content.decode()

    for url in ("/om/", "/privatlivspolitik/", "/tilgaengelighed/"):
        assert f'href="{url}"' in body


@pytest.mark.django_db
def test_changing_the_footer_pages_shows_at_once(client, home):
    from portal.core.models import PortalSettings

    client.get("/")  # fills the footer cache
    settings = PortalSettings.load()
    settings.about_page = StandardPageFactory(parent=home, title="Om portalen", slug="om")
    settings.save()

    assert 'href="/om/"' in client.get("/").content.decode()
