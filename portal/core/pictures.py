"""An image a page shows: the words it needs, and the renditions visitors get.

The image model is Wagtail's own; what a page says about its image (its
alternative text, or that it is decorative) lives on the page
(:class:`DescribedImage`). Renditions are AVIF and WebP with a JPEG fallback
through Wagtail's ``{% picture %}`` tag; the sizes the templates ask for are
listed here, so they can be made ahead (:func:`make_renditions`) and read with
the listing in a fixed number of queries (:func:`with_image`).
"""

from django.db import models, transaction
from django.db.models import Prefetch
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from django_tasks import task
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model
from wagtail.signals import page_published

# The renditions the public templates ask for, made ahead of the first visitor
# (``make_renditions``) so that a listing never encodes AVIF while someone waits.
# Each list must match the ``{% picture %}`` / ``{% image %}`` tags of the templates named;
# tests/core/test_html_pictures.py renders them and fails on a rendition made late.
FORMATS = ("avif", "webp", "jpeg")  # the browser takes the first it reads; JPEG for the rest
CARD_SPECS = [  # cards of every listing, the compare view, the top of a page on a phone
    f"fill-{size}|format-{fmt}" for size in ("400x225", "800x450") for fmt in FORMATS
]
PAGE_SPECS = [  # the top of a page on a wide screen (templates/components/page_image.html)
    f"fill-1200x675|format-{fmt}" for fmt in FORMATS
]
SHARE_SPEC = "fill-1200x630|format-jpeg"  # Open Graph: what other sites can read (JPEG)
LOGO_SPECS = [  # organisation cards and profiles (bgcolor: a transparent logo on white)
    f"fill-{size}|bgcolor-ffffff|format-{fmt}"
    for size in ("96x96", "192x192") for fmt in FORMATS
]
PICTURE_SPECS = [*CARD_SPECS, *PAGE_SPECS, SHARE_SPEC]


class DescribedImage(models.Model):
    """An image a page shows, with its alternative text or the word that it is decorative.

    The text belongs to the page, not the image: the same photo says different
    things beside different texts. Which field holds the image is named by
    ``image_field``. The choice is checked where the editor makes it
    (``portal.organisations.images.OwnImagePageForm``), not in ``clean``: a
    revision saved before these fields existed must still publish.
    """

    image_field = "image"
    image_specs = PICTURE_SPECS

    image_alt = models.CharField(
        _("alternativ tekst"), max_length=200, blank=True,
        help_text=_(
            "Hvad billedet viser, for dem der ikke kan se det, fx 'To frivillige planter "
            "krydderurter i et højbed'. Skriv ikke 'billede af'."
        ),
    )
    image_decorative = models.BooleanField(
        _("billedet er kun pynt"), default=False,
        help_text=_(
            "Sæt kryds, hvis billedet ikke fortæller noget, som teksten ikke allerede siger. "
            "Så springer skærmlæsere det over."
        ),
    )

    class Meta:
        abstract = True

    @property
    def shown_image(self):
        # A translation whose page type shares the image (an organisation's logo)
        # shows its Danish page's (``fields_shared_with_source``).
        shared = self.image_field in getattr(self, "fields_shared_with_source", ())
        return getattr(self.source_page if shared else self, self.image_field)

    @property
    def image_alt_text(self):
        """The ``alt`` attribute: empty for a decorative image."""
        return "" if self.image_decorative else self.image_alt

    @staticmethod
    def image_panel(heading, field="image"):
        return MultiFieldPanel(
            [FieldPanel(field), FieldPanel("image_alt"), FieldPanel("image_decorative")],
            heading=heading,
        )


def image_description_errors(image, alt, decorative):
    """``{field: message}`` for an image chosen without the words it needs, or with both."""
    if image is None:
        return {}
    if decorative and alt.strip():
        return {"image_alt": _(
            "Skriv en alternativ tekst eller sæt kryds ved 'billedet er kun pynt' – ikke begge."
        )}
    if not decorative and not alt.strip():
        return {"image_alt": _(
            "Skriv, hvad billedet viser, eller sæt kryds ved 'billedet er kun pynt'."
        )}
    return {}


def with_image(queryset, field="image"):
    """``queryset`` with its pages' images and their renditions: two queries in all."""
    images = get_image_model().objects.prefetch_renditions()
    return queryset.prefetch_related(Prefetch(field, queryset=images))


# Below the rebuilds a person waits for (portal.worker.priority.BULK; core cannot import it).
@task(priority=-50)
def make_renditions(image_id, specs):
    """Make the renditions the public pages will ask for (those made already are kept).

    A cold listing would otherwise encode a score of AVIF files while its
    first visitor waits.
    """
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is not None:
        image.get_renditions(*specs)


@receiver(page_published)
def make_renditions_on_publish(sender, instance, **kwargs):
    if isinstance(instance, DescribedImage) and instance.shown_image is not None:
        image_id, specs = instance.shown_image.pk, list(instance.image_specs)
        transaction.on_commit(lambda: make_renditions.enqueue(image_id, specs))
