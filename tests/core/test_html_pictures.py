"""Images as visitors get them: AVIF and WebP with a JPEG fallback, the widths and
``sizes`` the layout uses, width and height so nothing shifts, lazy below the
fold, an Open Graph image other sites can read, and every rendition made on
publish rather than while a visitor waits."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from portal.core.pictures import LOGO_SPECS, PICTURE_SPECS
from tests.matching.conftest import make_opportunity

pytestmark = pytest.mark.django_db


def photo(title="Højbed"):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (1600, 1000), "#3a7d44").save(buffer, "JPEG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"{title}.jpg"))


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


@pytest.fixture
def pictured(opportunity_index, organisation, django_capture_on_commit_callbacks):
    """Two opportunities with photos and an organisation with a logo, published as an
    editor would, with the renditions the publish asks for made."""
    with django_capture_on_commit_callbacks(execute=True):
        publish(organisation, logo=photo("Logo"), image_alt="Besøgsvennernes logo")
        first = make_opportunity(organisation, title="Højbede på Solhøj")
        publish(first, image=photo(), image_alt="To frivillige planter krydderurter")
        second = make_opportunity(organisation, title="Lektiecafé")
        publish(second, image=photo("Bord"), image_decorative=True)
    return first, second


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def widths(srcset):
    return sorted(int(candidate.split()[-1].rstrip("w")) for candidate in srcset.split(","))


def test_the_top_of_a_page_offers_avif_webp_and_jpeg_at_three_widths(client, pictured):
    html = soup(client, pictured[0].url)
    picture = html.select_one("picture:has(img.page-image)")
    sources = {source["type"]: source for source in picture.find_all("source")}
    img = picture.img

    assert list(sources) == ["image/avif", "image/webp"]
    for source in sources.values():
        assert widths(source["srcset"]) == [400, 800, 1200]
        assert source["sizes"] == img["sizes"]
    assert widths(img["srcset"]) == [400, 800, 1200]
    assert img["src"].endswith(".jpg")
    assert (img["width"], img["height"]) == ("400", "225")
    assert img["alt"] == "To frivillige planter krydderurter"
    # Above the fold: never lazy.
    assert "loading" not in img.attrs


def test_listing_cards_are_lazy_below_the_first_with_room_kept(client, pictured):
    html = soup(client, "/frivilligopgaver/")
    cards = html.select("img.card__image")

    assert len(cards) == 2
    assert [card.get("loading") for card in cards] == [None, "lazy"]
    for card in cards:
        assert (card["width"], card["height"]) == ("400", "225")
        assert widths(card["srcset"]) == [400, 800]
        assert card["sizes"] == "(min-width: 40rem) 14rem, calc(100vw - 4rem)"
    assert [source["type"] for source in cards[0].parent.find_all("source")] == [
        "image/avif", "image/webp"]


def test_a_decorative_image_is_skipped_by_screen_readers(client, pictured):
    img = soup(client, pictured[1].url).select_one("img.page-image")
    assert img["alt"] == ""


def test_the_open_graph_image_is_an_absolute_jpeg_of_the_size_sites_show(client, pictured):
    html = soup(client, pictured[0].url)
    meta = {tag["property"]: tag["content"] for tag in html.select("meta[property^='og:image']")}

    assert meta["og:image"].startswith("http://testserver/")
    assert meta["og:image"].endswith(".jpg")
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert meta["og:image:alt"] == "To frivillige planter krydderurter"


def test_a_page_without_an_image_names_no_open_graph_image(client, organisation):
    page = make_opportunity(organisation, title="Uden billede")
    html = soup(client, page.url)
    assert html.select("meta[property^='og:image']") == []
    assert html.select("picture") == []


def test_the_logo_is_on_the_card_and_the_profile(client, pictured, organisation):
    card = soup(client, "/organisationer/").select_one("img.card__logo")
    profile = soup(client, organisation.url).select_one("img.profile__logo")

    for img in (card, profile):
        assert img["alt"] == "Besøgsvennernes logo"
        assert (img["width"], img["height"]) == ("96", "96")
        assert widths(img["srcset"]) == [96, 192]
    assert "loading" not in profile.attrs


def test_no_rendition_is_made_while_a_visitor_waits(client, pictured, organisation):
    renditions = get_image_model().get_rendition_model().objects
    made = renditions.count()
    assert made == 2 * len(PICTURE_SPECS) + len(LOGO_SPECS)

    for url in ("/frivilligopgaver/", "/organisationer/", organisation.url,
                *(page.url for page in pictured)):
        soup(client, url)

    assert renditions.count() == made
