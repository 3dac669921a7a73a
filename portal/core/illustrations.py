"""The demo's pictures: flat illustrations drawn with Pillow when the demo loads.

Nothing is downloaded and no binary is committed: each picture is a gradient
in the site's palette with a simple motif for its subject, made once (found
again by its title) in the collection of the organisation that uses it. Each
says where it comes from in its description: generated for the demo, CC0.
"""

import io
import math

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from .demo import _font

SIZE = (1200, 675)  # 16:9, the shape of every card and page top
CREDIT = "Illustration genereret til Bindeleds demo med Pillow. Licens: CC0 (fri brug)."
LIGHT = (255, 255, 255)
WARM = (255, 191, 71)  # the focus yellow of portal.css


def _mix(colour, other, amount):
    return tuple(round(a + (b - a) * amount) for a, b in zip(colour, other, strict=True))


def _rgb(hex_colour):
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


def _person(draw, x, y, scale, colour):
    draw.ellipse((x - 38 * scale, y - 150 * scale, x + 38 * scale, y - 74 * scale), fill=colour)
    draw.rounded_rectangle((x - 70 * scale, y - 62 * scale, x + 70 * scale, y + 90 * scale),
                           radius=60 * scale, fill=colour)


def _visit(draw, c, w, h):
    _person(draw, w * 0.38, h * 0.62, 1.3, LIGHT)
    _person(draw, w * 0.62, h * 0.62, 1.2, _mix(LIGHT, c, 0.25))
    draw.rounded_rectangle((w * 0.3, h * 0.74, w * 0.7, h * 0.8), radius=8, fill=WARM)
    draw.rounded_rectangle((w * 0.47, h * 0.64, w * 0.53, h * 0.74), radius=6, fill=LIGHT)


def _screen(draw, c, w, h):
    draw.rounded_rectangle((w * 0.28, h * 0.22, w * 0.72, h * 0.7), radius=18, fill=LIGHT)
    draw.rectangle((w * 0.31, h * 0.27, w * 0.69, h * 0.65), fill=_mix(c, LIGHT, 0.75))
    for row in range(3):
        top = h * (0.33 + row * 0.1)
        draw.rounded_rectangle((w * 0.34, top, w * (0.5 + row * 0.05), top + h * 0.05),
                               radius=6, fill=c)
    draw.polygon([(w * 0.22, h * 0.78), (w * 0.78, h * 0.78), (w * 0.72, h * 0.7),
                  (w * 0.28, h * 0.7)], fill=WARM)


def _night(draw, c, w, h):
    draw.ellipse((w * 0.55, h * 0.15, w * 0.75, h * 0.5), fill=WARM)
    draw.ellipse((w * 0.6, h * 0.12, w * 0.8, h * 0.45), fill=_mix(c, (0, 0, 0), 0.2))
    for index in range(9):
        x, y = w * (0.1 + 0.09 * index), h * (0.2 + 0.25 * ((index * 37) % 5) / 5)
        draw.regular_polygon((x, y, 10 + index % 3 * 4), 5, fill=LIGHT)
    draw.rounded_rectangle((w * 0.2, h * 0.7, w * 0.8, h * 0.82), radius=20, fill=LIGHT)


def _book(draw, c, w, h):
    draw.polygon([(w * 0.5, h * 0.3), (w * 0.24, h * 0.24), (w * 0.24, h * 0.74),
                  (w * 0.5, h * 0.8)], fill=LIGHT)
    draw.polygon([(w * 0.5, h * 0.3), (w * 0.76, h * 0.24), (w * 0.76, h * 0.74),
                  (w * 0.5, h * 0.8)], fill=_mix(LIGHT, c, 0.15))
    for row in range(4):
        y = h * (0.36 + row * 0.09)
        draw.line((w * 0.28, y, w * 0.46, y + 8), fill=c, width=8)
        draw.line((w * 0.54, y + 8, w * 0.72, y), fill=c, width=8)
    draw.ellipse((w * 0.74, h * 0.12, w * 0.86, h * 0.33), fill=WARM)


def _party(draw, c, w, h):
    for index in range(7):
        x = w * (0.1 + index * 0.12)
        colour = WARM if index % 2 else LIGHT
        draw.polygon([(x, h * 0.2), (x + w * 0.1, h * 0.2), (x + w * 0.05, h * 0.36)],
                     fill=colour)
    draw.line((w * 0.08, h * 0.2, w * 0.92, h * 0.2), fill=LIGHT, width=6)
    _person(draw, w * 0.35, h * 0.78, 1.0, LIGHT)
    _person(draw, w * 0.5, h * 0.76, 1.1, WARM)
    _person(draw, w * 0.65, h * 0.78, 1.0, LIGHT)


def _meal(draw, c, w, h):
    draw.ellipse((w * 0.32, h * 0.2, w * 0.68, h * 0.84), fill=LIGHT)
    draw.ellipse((w * 0.38, h * 0.31, w * 0.62, h * 0.73), fill=_mix(c, LIGHT, 0.7))
    draw.ellipse((w * 0.44, h * 0.42, w * 0.56, h * 0.62), fill=WARM)
    draw.rounded_rectangle((w * 0.24, h * 0.22, w * 0.26, h * 0.82), radius=6, fill=LIGHT)
    draw.rounded_rectangle((w * 0.74, h * 0.22, w * 0.76, h * 0.82), radius=6, fill=LIGHT)


def _walk(draw, c, w, h):
    draw.ellipse((w * 0.7, h * 0.1, w * 0.86, h * 0.38), fill=WARM)
    draw.polygon([(0, h), (w * 0.45, h * 0.55), (w * 0.55, h * 0.55), (w, h)],
                 fill=_mix(c, LIGHT, 0.5))
    _person(draw, w * 0.42, h * 0.62, 0.8, LIGHT)
    _person(draw, w * 0.56, h * 0.64, 0.75, LIGHT)


def _talk(draw, c, w, h):
    draw.rounded_rectangle((w * 0.18, h * 0.2, w * 0.55, h * 0.55), radius=40, fill=LIGHT)
    draw.polygon([(w * 0.25, h * 0.53), (w * 0.3, h * 0.68), (w * 0.36, h * 0.53)], fill=LIGHT)
    draw.rounded_rectangle((w * 0.45, h * 0.42, w * 0.82, h * 0.77), radius=40, fill=WARM)
    draw.polygon([(w * 0.7, h * 0.75), (w * 0.76, h * 0.9), (w * 0.66, h * 0.75)], fill=WARM)
    font = _font(int(h * 0.14))
    draw.text((w * 0.365, h * 0.375), "Hej", font=font, fill=c, anchor="mm")
    draw.text((w * 0.635, h * 0.595), "Hallo", font=font, fill=c, anchor="mm")


def _network(draw, c, w, h):
    points = [(0.25, 0.35), (0.5, 0.25), (0.75, 0.4), (0.35, 0.7), (0.65, 0.72)]
    centres = [(w * x, h * y) for x, y in points]
    for index, start in enumerate(centres):
        for end in centres[index + 1:]:
            draw.line((*start, *end), fill=_mix(c, LIGHT, 0.55), width=8)
    for index, (x, y) in enumerate(centres):
        radius = h * (0.09 if index % 2 else 0.07)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius),
                     fill=WARM if index == 1 else LIGHT)


# Motif: how to draw it, and the alternative text a page can use for it.
MOTIFS = {
    "besoegsven": (_visit, "Tegning af to personer ved et bord med en kop kaffe"),
    "spiseven": (_meal, "Tegning af en tallerken med mad og bestik"),
    "it-hjaelp": (_screen, "Tegning af en bærbar computer med tekst på skærmen"),
    "vaagetjeneste": (_night, "Tegning af en nattehimmel med måne og stjerner"),
    "lektiehjaelp": (_book, "Tegning af en opslået bog"),
    "arrangementer": (_party, "Tegning af tre personer under en guirlande af flag"),
    "motionsven": (_walk, "Tegning af to personer på gåtur mod en sol"),
    "sprogven": (_talk, "Tegning af to talebobler, der siger 'Hej' og 'Hallo'"),
    "vaerktoej": (_screen, "Tegning af en bærbar computer med et program åbent"),
    "samarbejde": (_network, "Tegning af fem forbundne cirkler: et netværk af samarbejdspartnere"),
}


def motif_alt(motif):
    return MOTIFS.get(motif, MOTIFS["samarbejde"])[1]


def _background(colour):
    base = _rgb(colour)
    picture = PILImage.new("RGB", SIZE, base)
    draw = ImageDraw.Draw(picture)
    width, height = SIZE
    for y in range(height):
        draw.line((0, y, width, y), fill=_mix(base, (0, 0, 0), 0.25 * y / height))
    for index in range(5):
        angle = index * 1.3
        x = width * (0.5 + 0.45 * math.cos(angle))
        y = height * (0.5 + 0.45 * math.sin(angle))
        radius = height * (0.2 + 0.06 * index)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius),
                     fill=_mix(base, LIGHT, 0.08 + 0.03 * index))
    return picture, draw


def illustration(title, motif, colour, collection):
    """The picture called ``title``: ``motif`` on ``colour``, made once, in ``collection``."""
    existing = get_image_model().objects.filter(title=title).first()
    if existing:
        return existing
    picture, draw = _background(colour)
    MOTIFS.get(motif, MOTIFS["samarbejde"])[0](draw, _rgb(colour), *SIZE)
    return _save(title, picture, collection)


def logo(title, initials, colour, collection):
    """A round badge with the organisation's initials, made once, in ``collection``."""
    existing = get_image_model().objects.filter(title=title).first()
    if existing:
        return existing
    side = 320
    picture = PILImage.new("RGB", (side, side), LIGHT)
    draw = ImageDraw.Draw(picture)
    base = _rgb(colour)
    draw.ellipse((8, 8, side - 8, side - 8), fill=base)
    draw.arc((36, 36, side - 36, side - 36), 200, 340, fill=WARM, width=14)
    draw.text((side / 2, side / 2 + 10), initials, font=_font(side // 3), fill=LIGHT, anchor="mm")
    return _save(title, picture, collection)


def _save(title, picture, collection):
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    slug = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")[:60]
    image = get_image_model()(title=title, description=CREDIT, collection=collection,
                              file=ImageFile(buffer, name=f"{slug}.png"))
    image.save()
    return image
