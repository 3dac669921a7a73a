"""Tools the demo loaders of every app share: idempotent pages and local images.

Running the demo again updates what is there instead of adding to it, so each
helper finds its object by a stable key (a slug below a parent, an image title)
before it creates anything.
"""

import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Collection

from .models import Activity, Municipality, TargetGroup, Theme

FONT_PATHS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
)


def upsert_page(parent, page_class, slug, **fields):
    """Create or update the published child of ``parent`` with ``slug``.

    Many-to-many values are set after the page exists.
    """
    relations = {
        name: value
        for name, value in fields.items()
        if page_class._meta.get_field(name).many_to_many
    }
    plain = {name: value for name, value in fields.items() if name not in relations}

    page = page_class.objects.child_of(parent).filter(slug=slug).first()
    created = page is None
    if created:
        page = page_class(slug=slug, **plain)
    else:
        for name, value in plain.items():
            setattr(page, name, value)
    for name, values in relations.items():
        getattr(page, name).set(values)
    if created:
        parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _font(size):
    for path in FONT_PATHS:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def demo_image(title, text, colour, size=(800, 500), collection=None):
    """A generated picture (a coloured field with a word on it), made once."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    picture = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(picture)
    font = _font(size[1] // 5)
    box = draw.textbbox((0, 0), text, font=font)
    position = ((size[0] - (box[2] - box[0])) / 2, (size[1] - (box[3] - box[1])) / 2 - box[1])
    draw.text(position, text, fill="white", font=font)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    slug = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")[:60]
    image = Image(
        title=title,
        file=ImageFile(buffer, name=f"{slug}.png"),
        collection=collection or Collection.get_first_root_node(),
    )
    image.save()
    return image


def municipalities(*names):
    found = list(Municipality.objects.filter(name__in=names))
    missing = set(names) - {m.name for m in found}
    if missing:
        raise ValueError(f"Unknown municipalities in the demo: {sorted(missing)}")
    return found


def _by_slug(model, slugs):
    found = list(model.objects.filter(slug__in=slugs))
    missing = set(slugs) - {item.slug for item in found}
    if missing:
        label = model._meta.verbose_name_plural
        raise ValueError(f"Unknown {label} in the demo: {sorted(missing)}")
    return found


def activities(*slugs):
    return _by_slug(Activity, slugs)


def target_groups(*slugs):
    return _by_slug(TargetGroup, slugs)


def themes(*slugs):
    return _by_slug(Theme, slugs)
