"""The admin's image form: a file Pillow cannot decode is refused, not a 500.

Wagtail's image field recognises the format from the file's first bytes and
then asks Pillow for the size. A truncated file or junk behind a PNG header
passes the first step, and Pillow's error on the second (or on the first
thumbnail) escaped as a server error. The form base (setting
``WAGTAILIMAGES_IMAGE_FORM_BASE``) swaps in a field that decodes the image
once and turns Pillow's complaint into a message next to the field.
"""

import struct

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image as PillowImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# What Pillow raises on a broken image body, depending on the format and where it breaks.
UNREADABLE_IMAGE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, struct.error)


class ReadableImageField(WagtailImageField):
    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
            # After the pixel count is known to be bounded, decode the pixels once.
            f.seek(0)
            with PillowImage.open(f) as image:
                image.load()
            f.seek(0)
        except UNREADABLE_IMAGE_ERRORS as error:
            raise ValidationError(
                _("Filen kan ikke læses som et billede. Den er måske ødelagt eller kun "
                  "delvist uploadet. Gem billedet igen, og upload det på ny."),
                code="unreadable_image",
            ) from error


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The multiple uploader's edit form has no file field; the others do.
        if "file" in self.fields:
            wagtail_field = self.fields["file"]
            self.fields["file"] = ReadableImageField(
                label=wagtail_field.label, required=wagtail_field.required,
                widget=wagtail_field.widget, max_length=wagtail_field.max_length,
            )
