"""Shared digital tools, who uses them and what they learned."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.core.models import ListingPage, Taxonomy
from portal.core.pictures import DescribedImage
from portal.core.slugs import DanishSlugMixin
from portal.core.translation_panels import SharedWithSourceNote, SharedWithSourcePanel
from portal.core.translations import CARD_WORDS, TranslatedPageMixin
from portal.organisations.images import OwnImagePageForm

from .forms import ToolUsageForm


class CostModel(models.TextChoices):
    FREE = "free", _("Gratis")
    FREEMIUM = "freemium", _("Gratis med betalte tilvalg")
    PAID = "paid", _("Betalt")


class Hosting(models.TextChoices):
    DENMARK = "dk", _("I Danmark")
    EU = "eu", _("I EU/EØS")
    OTHER = "other", _("Uden for EU/EØS")
    UNKNOWN = "unknown", _("Ikke oplyst")


class ToolCategory(Taxonomy):
    """What a tool is for: volunteer matching, scheduling, communication…"""

    class Meta(Taxonomy.Meta):
        verbose_name = _("værktøjskategori")
        verbose_name_plural = _("værktøjskategorier")


class ToolIndexPage(RoutablePageMixin, ListingPage):
    subpage_types = []

    class Meta:
        verbose_name = _("oversigt over digitale værktøjer")

    @path("")
    def listing(self, request):
        # .filters reads this module's models: imported on use, or the app's modules
        # would import each other in a loop.
        from .filters import tool_listing

        return self.render(request, context_overrides=tool_listing(request))

    @path("sammenlign/", name="compare")
    def compare(self, request):
        # .compare reads this module's models: imported on use, or the app's modules
        # would import each other in a loop.
        from .compare import comparison

        return self.render(
            request,
            context_overrides=comparison(request.GET.getlist("vaerktoej")),
            template="toolshare/tool_compare_page.html",
        )


class ToolPage(TranslatedPageMixin, DanishSlugMixin, DescribedImage, Page):
    summary = models.CharField(
        _("kort beskrivelse"), max_length=250, help_text=_("Vises i oversigter og søgeresultater.")
    )
    description = RichTextField(
        _("hvad værktøjet kan"), features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Den længere beskrivelse på værktøjets side."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("billede"),
        help_text=_(
            "Vises øverst på værktøjets side, i oversigten, i sammenligningen og når siden "
            "deles. Vælg det fra organisationens egen samling."
        ),
    )
    categories = ParentalManyToManyField(
        ToolCategory, related_name="tools", verbose_name=_("kategorier"),
        help_text=_("Vises på værktøjets side og bruges i filtrene."),
    )
    maker = models.CharField(
        _("udvikles af"), max_length=120,
        help_text=_("Firmaet eller foreningen bag værktøjet. Vises på værktøjets side."),
    )
    website = models.URLField(
        _("hjemmeside"), blank=True,
        help_text=_("Vises som link på værktøjets side."),
    )
    cost_model = models.CharField(
        _("pris"), max_length=20, choices=CostModel.choices,
        help_text=_("Vises på værktøjets side og bruges i filteret for pris."),
    )
    price_note = models.CharField(
        _("prisnote"), max_length=200, blank=True,
        help_text=_("Fx 'Gratis for foreninger under 50 frivillige'."),
    )
    open_source = models.BooleanField(
        _("open source"), default=False,
        help_text=_("Vises på værktøjets side og i sammenligningen."),
    )
    licence = models.CharField(
        _("licens"), max_length=80, blank=True, help_text=_("Fx 'AGPL-3.0'. Tom = proprietær.")
    )
    hosting = models.CharField(
        _("hvor data ligger"), max_length=20, choices=Hosting.choices, default=Hosting.UNKNOWN,
        help_text=_("Hvor værktøjets data opbevares. Vises på siden og i sammenligningen."),
    )
    data_processing_agreement = models.BooleanField(
        _("tilbyder databehandleraftale"), default=False,
        help_text=_(
            "Sæt kryds, hvis leverandøren tilbyder en databehandleraftale. Vises på siden og i "
            "sammenligningen."
        ),
    )
    danish_interface = models.BooleanField(
        _("dansk brugerflade"), default=False,
        help_text=_("Vises på værktøjets side og i sammenligningen."),
    )
    accessibility_statement = models.URLField(
        _("tilgængelighedserklæring"), blank=True,
        help_text=_("Link til leverandørens tilgængelighedserklæring. Vises på værktøjets side."),
    )
    integrations = models.CharField(
        _("integrationer"), max_length=250, blank=True,
        help_text=_("Fx 'MitID, e-Boks, Outlook-kalender'."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        DescribedImage.image_panel(_("Billede")),
        SharedWithSourceNote(),
        SharedWithSourcePanel(
            [FieldPanel("categories", widget=forms.CheckboxSelectMultiple)],
            heading=_("Kategorier"),
        ),
        MultiFieldPanel(
            [
                SharedWithSourcePanel([FieldPanel("maker"), FieldPanel("website")]),
                FieldPanel("integrations"),
            ],
            heading=_("Leverandør"),
        ),
        MultiFieldPanel(
            [
                SharedWithSourcePanel([
                    FieldPanel("cost_model"),
                    FieldRowPanel([FieldPanel("open_source"), FieldPanel("licence")]),
                ]),
                FieldPanel("price_note"),
            ],
            heading=_("Pris og licens"),
        ),
        SharedWithSourcePanel(
            [
                FieldPanel("hosting"),
                FieldPanel("data_processing_agreement"),
                FieldPanel("danish_interface"),
                FieldPanel("accessibility_statement"),
            ],
            heading=_("Data og tilgængelighed"),
        ),
        InlinePanel("screenshots", label=_("skærmbilleder")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("maker"),
        index.FilterField("cost_model"),
        index.RelatedFields("categories", [index.SearchField("name")]),
    ]
    parent_page_types = ["organisations.OrganisationPage"]
    base_form_class = OwnImagePageForm
    # The page shows its picture: read with the page when routing finds it.
    routed_with = ("image",)
    # The comparison shows these beside the title.
    words_shown_from_translation = CARD_WORDS + ("price_note", "integrations")
    # What an English translation reads from its Danish page (``source_page``): one
    # set of facts to compare and filter on. Its words, price note, integrations and
    # screenshots (whose captions are their alternative text) are its own.
    fields_shared_with_source = (
        "categories", "maker", "website", "cost_model", "open_source", "licence", "hosting",
        "data_processing_agreement", "danish_interface", "accessibility_statement",
    )
    subpage_types = []

    class Meta:
        verbose_name = _("digitalt værktøj")
        verbose_name_plural = _("digitale værktøjer")

    @property
    def is_eu_hosted(self):
        return self.hosting in (Hosting.DENMARK, Hosting.EU)

    def get_context(self, request, *args, **kwargs):
        # .links reads this module's models: imported on use, or the app's modules
        # would import each other in a loop.
        from .links import tool_links

        context = super().get_context(request, *args, **kwargs)
        # A translation's facts and links are its Danish page's: who uses it, the cases
        # it was in; its screenshots are its own, captioned in its language.
        source = self.source_page
        context.update(
            tool_links(source),
            source=source,
            screenshot_list=list(
                self.screenshots.select_related("image").prefetch_related("image__renditions")
            ),
        )
        return context


class ToolScreenshot(Orderable):
    tool = ParentalKey(ToolPage, on_delete=models.CASCADE, related_name="screenshots")
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="+",
        verbose_name=_("billede"),
        help_text=_("Vises i billedserien på værktøjets side."),
    )
    caption = models.CharField(
        _("billedtekst"), max_length=200,
        help_text=_("Beskriv, hvad skærmbilledet viser (bruges også som alternativ tekst)."),
    )

    panels = [FieldPanel("image"), FieldPanel("caption")]


class ToolUsage(models.Model):
    """One organisation's experience with one tool, kept by that organisation's editors.

    Not an inline of the tool page: the tool page belongs to its maker's
    organisation, while each experience belongs to the organisation that had it.
    """

    tool = models.ForeignKey(
        ToolPage, on_delete=models.CASCADE, related_name="usages", verbose_name=_("værktøj")
    )
    organisation = models.ForeignKey(
        "organisations.OrganisationPage", on_delete=models.CASCADE, related_name="tool_usages",
        verbose_name=_("organisation"),
    )
    used_since = models.PositiveSmallIntegerField(_("brugt siden (år)"), null=True, blank=True)
    used_for = models.CharField(
        _("brugt til"), max_length=200, help_text=_("Fx 'vagtplaner for 120 frivillige'.")
    )
    what_worked = models.TextField(_("det virkede"))
    what_did_not = models.TextField(_("det virkede ikke"), blank=True)
    may_be_contacted = models.BooleanField(
        _("andre må kontakte os om værktøjet"), default=False,
        help_text=_("Så vises organisationens offentlige kontaktoplysninger ved erfaringen."),
    )
    updated_at = models.DateTimeField(_("opdateret"), auto_now=True)

    base_form_class = ToolUsageForm
    panels = [
        FieldPanel("tool"),
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("used_since"), FieldPanel("used_for")]),
        FieldPanel("what_worked"),
        FieldPanel("what_did_not"),
        FieldPanel("may_be_contacted"),
    ]

    class Meta:
        ordering = ["tool__title", "organisation__title"]
        constraints = [
            models.UniqueConstraint(
                fields=["tool", "organisation"], name="one_experience_per_tool_and_organisation",
                violation_error_message=_(
                    "Organisationen har allerede en erfaring med dette værktøj – ret den i stedet."
                ),
            )
        ]
        verbose_name = _("erfaring med værktøj")
        verbose_name_plural = _("erfaringer med værktøjer")

    def __str__(self):
        return f"{self.organisation.title}: {self.tool.title}"
