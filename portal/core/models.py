"""Taxonomies shared by every content type, and the portal's site settings."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from .slugs import DanishSlugMixin
from .translations import TranslatedPageMixin

ENGLISH_NAME_HELP = _(
    "Vises i stedet for navnet for besøgende, der læser portalen på engelsk. "
    "Tomt: de ser det danske navn."
)


def _reads_english():
    return (get_language() or "").startswith("en")


def name_in_active_language(danish, english):
    """The English name for a visitor reading English, when there is one; else the Danish."""
    if english and _reads_english():
        return english
    return danish


def in_name_order(items, name):
    """``items`` alphabetically by ``name(item)`` for a visitor reading English.

    The database orders by the Danish name (æ, ø, å last); the English names
    of the same rows are in no order until sorted.
    """
    if _reads_english():
        return sorted(items, key=lambda item: str(name(item)).casefold())
    return list(items)


class Region(models.Model):
    code = models.PositiveSmallIntegerField(_("regionskode"), unique=True)
    slug = models.SlugField(unique=True)
    name = models.CharField(_("navn"), max_length=60, unique=True)
    # The regions have official English names ("Capital Region of Denmark"),
    # which international visitors meet on the regions' own English pages.
    name_en = models.CharField(_("engelsk navn"), max_length=60, blank=True,
                               help_text=ENGLISH_NAME_HELP)

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regioner")

    def __str__(self):
        # Forms' choices, and every other place that prints the row, follow the
        # active language too.
        return self.localized_name

    @property
    def localized_name(self):
        return name_in_active_language(self.name, self.name_en)


class Municipality(index.Indexed, models.Model):
    code = models.PositiveSmallIntegerField(_("kommunekode"), unique=True)
    slug = models.SlugField(unique=True)
    name = models.CharField(_("navn"), max_length=60, unique=True)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("region")
    )

    panels = [FieldPanel("name"), FieldPanel("code"), FieldPanel("slug"), FieldPanel("region")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")

    def __str__(self):
        return self.name

    @property
    def localized_name(self):
        """Always the Danish name: a municipality's name is a proper name, also in English
        (English-language maps and the municipalities' own English pages say "Aarhus")."""
        return self.name


class Taxonomy(index.Indexed, models.Model):
    """A moderator-kept list of labels that pages are tagged with."""

    name = models.CharField(_("navn"), max_length=80, unique=True)
    name_en = models.CharField(_("engelsk navn"), max_length=80, blank=True,
                               help_text=ENGLISH_NAME_HELP)
    slug = models.SlugField(unique=True, help_text=_("Bruges i adresser og filtre."))
    description = models.TextField(_("beskrivelse"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("slug"),
              FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.SearchField("name_en"),
                     index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        # Forms' choices, and every other place that prints the row, follow the
        # active language too.
        return self.localized_name

    @property
    def localized_name(self):
        return name_in_active_language(self.name, self.name_en)


class TargetGroup(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("målgruppe")
        verbose_name_plural = _("målgrupper")


class Activity(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("aktivitet")
        verbose_name_plural = _("aktiviteter")


class Theme(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("tema")
        verbose_name_plural = _("temaer")


@register_setting(icon="cog")
class PortalSettings(BaseGenericSetting):
    """Pages every page links to; chosen by a moderator, not hard-coded."""

    about_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("om Bindeled"),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("privatlivspolitik"),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("tilgængelighedserklæring"),
    )
    contact_email = models.EmailField(_("kontakt-e-mail"), blank=True)
    overdue_after_days = models.PositiveSmallIntegerField(
        _("dage før en henvendelse er forsinket"), default=3,
        validators=[MinValueValidator(1)],
        help_text=_(
            "En ny henvendelse, som ingen har svaret på i så mange dage, "
            "vises som forsinket for koordinatorerne."
        ),
    )

    panels = [
        FieldPanel("about_page"),
        FieldPanel("privacy_page"),
        FieldPanel("accessibility_page"),
        FieldPanel("contact_email"),
        FieldPanel("overdue_after_days"),
    ]

    class Meta:
        verbose_name = _("portalindstillinger")


class ListingPage(TranslatedPageMixin, DanishSlugMixin, Page):
    """A section front: an editor's introduction above a listing the code builds."""

    intro = RichTextField(
        _("introduktion"), blank=True, features=["bold", "italic", "link"],
        help_text=_("Vises øverst på oversigtssiden, over listen."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    max_count = 1

    class Meta:
        abstract = True
