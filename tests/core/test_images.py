"""Image uploads in the admin: a file that is not a readable image is refused, never a 500."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db


def png_bytes(size=(40, 30)):
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, "#c0392b").save(buffer, "PNG")
    return buffer.getvalue()


def upload(content, name="billede.png"):
    return SimpleUploadedFile(name, content, content_type="image/png")


CORRUPT = {
    "truncated": png_bytes()[:60],
    "png header, junk body": png_bytes()[:16] + b"\x00junk" * 40,
    "png signature only": b"\x89PNG\r\n\x1a\n" + b"\xff" * 200,
}


@pytest.mark.parametrize("content", CORRUPT.values(), ids=CORRUPT.keys())
def test_a_corrupt_image_is_refused_when_added(admin_client, content):
    response = admin_client.post(reverse("wagtailimages:add"),
                                 {"title": "Ødelagt", "file": upload(content)})
    assert response.status_code == 200
    assert "kan ikke læses" in response.content.decode()
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize("content", CORRUPT.values(), ids=CORRUPT.keys())
def test_a_corrupt_image_is_refused_in_the_multiple_upload(admin_client, content):
    response = admin_client.post(reverse("wagtailimages:add_multiple"),
                                 {"files[]": upload(content)})
    assert response.status_code == 200
    result = response.json()
    assert result["success"] is False
    assert "kan ikke læses" in result["error_message"]
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize("content", CORRUPT.values(), ids=CORRUPT.keys())
def test_a_corrupt_image_is_refused_as_a_replacement(admin_client, content):
    image = get_image_model().objects.create(title="Hel", file=upload(png_bytes()))
    response = admin_client.post(reverse("wagtailimages:edit", args=[image.pk]),
                                 {"title": "Hel", "file": upload(content)})
    assert response.status_code == 200
    assert "kan ikke læses" in response.content.decode()
    image.refresh_from_db()
    assert (image.width, image.height) == (40, 30)


def test_a_sound_image_is_still_welcome(admin_client):
    response = admin_client.post(reverse("wagtailimages:add"),
                                 {"title": "Hel", "file": upload(png_bytes())})
    assert response.status_code == 302
    assert get_image_model().objects.get().width == 40
