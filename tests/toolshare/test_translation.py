"""An English tool page: its own words around the Danish page's facts."""

import pytest

from portal.toolshare.models import CostModel, Hosting
from tests.cases.factories import ToolPageFactory, category
from tests.core.test_html_pictures import photo
from tests.factories import translate_page

pytestmark = pytest.mark.django_db

NOTE = "Fakta og kategorier redigeres på den danske side."


@pytest.fixture
def tool(organisation, tool_index):
    return ToolPageFactory(
        parent=organisation, title="VagtPlan", maker="Firma ApS", cost_model=CostModel.PAID,
        open_source=True, licence="MIT", hosting=Hosting.OTHER, price_note="Pris efter aftale",
        categories=[category("kommunikation")],
    )


@pytest.fixture
def translated(tool):
    return translate_page(tool, publish_parents=True, title="Shift Planner",
                          price_note="Price by agreement")


def test_the_english_tool_page_shows_the_facts_the_danish_page_has_now(
    client, tool, translated
):
    tool.licence, tool.maker, tool.hosting = "AGPL-3.0", "Andelsforeningen VagtPlan", Hosting.EU
    tool.cost_model, tool.danish_interface = CostModel.FREE, True
    tool.accessibility_statement = "https://vagtplan.example/was"
    tool.categories = [category("vagtplaner")]
    tool.save_revision().publish()

    html = client.get(translated.url).content.decode()

    assert translated.url.startswith("/en/")
    for text in ("Shift Planner", "Open source (AGPL-3.0)", "Andelsforeningen VagtPlan",
                 "In the EU/EEA", "Free. <span>Price by agreement</span>", "Rotas and booking",
                 'href="https://vagtplan.example/was"'):
        assert text in html, text
    for stale in ("(MIT)", "Firma ApS", "Outside the EU/EEA", "Communication"):
        assert stale not in html, stale


def test_the_editor_of_the_english_tool_writes_words_and_is_told_where_the_facts_are(
    admin_client, tool, translated
):
    english_form = admin_client.get(f"/admin/pages/{translated.pk}/edit/").content.decode()
    danish_form = admin_client.get(f"/admin/pages/{tool.pk}/edit/").content.decode()

    assert NOTE in english_form and NOTE not in danish_form
    for name in ("categories", "maker", "website", "cost_model", "open_source", "licence",
                 "hosting", "data_processing_agreement", "danish_interface",
                 "accessibility_statement"):
        assert f'name="{name}"' not in english_form, name
        assert f'name="{name}"' in danish_form, name
    for name in ("summary", "price_note", "integrations", "screenshots-TOTAL_FORMS"):
        assert f'name="{name}"' in english_form, name


def test_the_english_tool_page_shows_its_own_screenshot_captions(client, tool, translated):
    # Before, the English page showed the Danish page's screenshots, whatever its editor wrote.
    tool.screenshots.create(image=photo("Vagtplan"), caption="Vagtplanen for en uge")
    tool.save_revision().publish()
    translated.screenshots.create(image=photo("Rota"), caption="A week's rota")
    translated.save_revision().publish()

    html = client.get(translated.url).content.decode()

    assert "A week&#x27;s rota" in html
    assert "Vagtplanen for en uge" not in html


def test_the_english_listing_filters_on_the_danish_pages_facts_and_shows_english_cards(
    client, tool, translated
):
    tool.categories = [category("vagtplaner")]
    tool.save_revision().publish()
    # Another tool keeps the English copy's old category in use (an option nobody has is ignored).
    ToolPageFactory(parent=tool.get_parent(), title="Chatten",
                    categories=[category("kommunikation")])

    found = client.get("/en/vaerktoejer/?kategori=vagtplaner").content.decode()
    left_out = client.get("/en/vaerktoejer/?kategori=kommunikation").content.decode()

    assert f'href="{translated.url}">Shift Planner</a>' in found
    assert "Chatten" in left_out and "Shift Planner" not in left_out
