"""An English tool page: its own words around the Danish page's facts."""

import pytest
from bs4 import BeautifulSoup

from portal.toolshare.models import CostModel, Hosting
from tests.cases.factories import ToolPageFactory, add_usage, category
from tests.core.test_html_pictures import photo
from tests.core.test_languages import read_in
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


def test_the_english_tool_page_names_organisations_in_english_and_marks_their_danish_stories(
    client, organisation, tool
):
    translate_page(organisation, publish_parents=True, title="The Visiting Friends")
    translated = translate_page(tool, title="Shift Planner")
    add_usage(tool, organisation, used_for="Vagtplaner for 40 besøgsvenner",
               what_worked="Alle kan se ledige vagter", what_did_not="Ingen app i starten")

    response = client.get(translated.url)

    assert read_in(response, ["The Visiting Friends", "Vagtplaner for 40 besøgsvenner",
                              "Alle kan se ledige vagter", "Ingen app i starten"]) == {
        "The Visiting Friends": "en", "Vagtplaner for 40 besøgsvenner": "da",
        "Alle kan se ledige vagter": "da", "Ingen app i starten": "da",
    }
    assert "Besøgsvennerne" not in response.content.decode()


def test_the_english_comparison_shows_each_tools_english_words_and_marks_the_danish_ones(
    client, organisation, tool, translated, tool_index
):
    translated.integrations = "Calendar export"
    translated.save_revision().publish()
    untranslated = ToolPageFactory(parent=organisation, title="Frivilligbasen",
                                   price_note="Gratis for foreninger",
                                   integrations="Eksport til regneark")

    response = client.get(
        f"/en/vaerktoejer/sammenlign/?vaerktoej={tool.pk}&vaerktoej={untranslated.pk}")

    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert [(link.get_text(), link["href"], link.get("lang"))
            for link in soup.select(".compare-table thead a")] == [
        ("Shift Planner", translated.url, None),
        ("Frivilligbasen", "/en" + untranslated.url, "da"),
    ]
    assert read_in(response, ["Price by agreement", "Gratis for foreninger", "Calendar export",
                              "Eksport til regneark"]) == {
        "Price by agreement": "en", "Gratis for foreninger": "da", "Calendar export": "en",
        "Eksport til regneark": "da",
    }
    # The tools' index has no translation: its Danish title, marked, at its English address.
    trail = soup.select(".breadcrumbs li")
    assert [(item.get_text(), item.find(attrs={"lang": True}) is not None)
            for item in trail[-2:]] == [(tool_index.title, True), ("Compare", False)]
    assert trail[-2].a["href"] == "/en" + tool_index.url
