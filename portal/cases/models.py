"""Co-creation cases and guides, and their listing at /erfaringer/."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.core.blocks import BodyBlock, FigureBlock, QuoteBlock
from portal.core.models import ListingPage
from portal.core.slugs import DanishSlugMixin


class CaseIndexPage(ListingPage):
    subpage_types = []

    class Meta:
        verbose_name = _("oversigt over erfaringer")

    def get_context(self, request, *args, **kwargs):
        # .filters reads this module's models: imported on use, or the app's modules
        # would import each other in a loop.
        from .filters import knowledge_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(knowledge_listing(request))
        return context


class KnowledgePage(DanishSlugMixin, Page):
    """What cases and guides share, so that /erfaringer/ filters both in one query."""

    summary = models.CharField(
        _("kort beskrivelse"), max_length=300, help_text=_("Vises i oversigter og søgeresultater.")
    )
    themes = ParentalManyToManyField(
        "core.Theme", blank=True, related_name="knowledge_pages", verbose_name=_("temaer")
    )
    municipalities = ParentalManyToManyField(
        "core.Municipality", blank=True, related_name="knowledge_pages",
        verbose_name=_("kommuner"),
    )
    target_groups = ParentalManyToManyField(
        "core.TargetGroup", blank=True, related_name="knowledge_pages",
        verbose_name=_("målgrupper"),
    )
    activities = ParentalManyToManyField(
        "core.Activity", blank=True, related_name="knowledge_pages", verbose_name=_("aktiviteter"),
        help_text=_("Bruges til at vise relevante frivilligopgaver."),
    )

    tagging_panels = [
        FieldPanel("themes"),
        FieldPanel("municipalities"),
        FieldPanel("target_groups"),
        FieldPanel("activities"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("municipalities", [index.SearchField("name")]),
    ]
    parent_page_types = ["organisations.OrganisationPage"]
    subpage_types = []
    is_creatable = False

    class Meta:
        verbose_name = _("erfaring")
        verbose_name_plural = _("erfaringer")


class ResultBlock(blocks.StreamBlock):
    figures = blocks.ListBlock(
        FigureBlock(), label=_("nøgletal"), template="components/blocks/figures.html"
    )
    quote = QuoteBlock()
    paragraph = blocks.RichTextBlock(
        label=_("tekst"), features=["bold", "italic", "link", "ul"],
        template="components/blocks/paragraph.html",
    )


class CasePage(KnowledgePage):
    story = StreamField(BodyBlock(), verbose_name=_("fortællingen"))
    start_date = models.DateField(_("startdato"))
    end_date = models.DateField(_("slutdato"), null=True, blank=True, help_text=_("Tom = i gang."))
    funding_source = models.CharField(
        _("finansiering"), max_length=200, blank=True, help_text=_("Fond eller pulje.")
    )
    funding_amount = models.PositiveIntegerField(_("beløb (kr.)"), null=True, blank=True)
    results = StreamField(ResultBlock(), blank=True, verbose_name=_("resultater"))
    lessons_worked = models.TextField(_("det virkede"), blank=True)
    lessons_hard = models.TextField(_("det var svært"), blank=True)
    lessons_advice = models.TextField(_("vores råd til andre"), blank=True)
    contact_role = models.CharField(
        _("kontakt (rolle)"), max_length=120, blank=True,
        help_text=_("Hvem man kan spørge om casen, fx 'Frivilligkonsulent i Ældreplejen'."),
    )
    contact_email = models.EmailField(_("kontakt-e-mail"), blank=True)
    tools = ParentalManyToManyField(
        "toolshare.ToolPage", blank=True, related_name="cases",
        verbose_name=_("digitale værktøjer brugt i samarbejdet"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        InlinePanel("partners", label=_("partnere"), min_num=1),
        FieldPanel("story"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel([FieldPanel("funding_source"), FieldPanel("funding_amount")]),
            ],
            heading=_("Periode og finansiering"),
        ),
        FieldPanel("results"),
        MultiFieldPanel(
            [
                FieldPanel("lessons_worked"),
                FieldPanel("lessons_hard"),
                FieldPanel("lessons_advice"),
            ],
            heading=_("Erfaringer"),
        ),
        FieldPanel("tools"),
        InlinePanel("documents", label=_("dokumenter")),
        MultiFieldPanel([FieldPanel("contact_role"), FieldPanel("contact_email")],
                        heading=_("Kontakt")),
        MultiFieldPanel(KnowledgePage.tagging_panels, heading=_("Emner og sted")),
    ]
    search_fields = KnowledgePage.search_fields + [
        index.SearchField("story"),
        index.SearchField("lessons_worked"),
        index.SearchField("lessons_advice"),
    ]
    parent_page_types = ["organisations.OrganisationPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("samskabelsescase")
        verbose_name_plural = _("samskabelsescases")

    @property
    def is_ongoing(self):
        return self.end_date is None or self.end_date >= timezone.localdate()

    def get_context(self, request, *args, **kwargs):
        # .links reads this module's models: imported on use, or the app's modules
        # would import each other in a loop.
        from .links import case_links

        context = super().get_context(request, *args, **kwargs)
        context.update(case_links(self))
        return context


class PartnerRole(models.TextChoices):
    LEAD = "lead", _("Tovholder")
    PARTNER = "partner", _("Partner")
    FUNDER = "funder", _("Finansierer")


class CasePartner(Orderable):
    case = ParentalKey(CasePage, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        "organisations.OrganisationPage", on_delete=models.CASCADE,
        related_name="case_partnerships", verbose_name=_("organisation"),
    )
    role = models.CharField(_("rolle"), max_length=20, choices=PartnerRole.choices,
                            default=PartnerRole.PARTNER)

    panels = [FieldPanel("organisation"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partnere")


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("trin"), max_length=120)
    text = blocks.RichTextBlock(label=_("sådan gør I"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "list-ol"


class GuidePage(KnowledgePage):
    for_municipalities = models.BooleanField(_("til kommuner"), default=False)
    for_associations = models.BooleanField(_("til foreninger"), default=False)
    for_foundations = models.BooleanField(_("til fonde"), default=False)
    introduction = StreamField(BodyBlock(), blank=True, verbose_name=_("indledning"))
    steps = StreamField([("step", StepBlock())], verbose_name=_("trin"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("for_municipalities"), FieldPanel("for_associations"),
             FieldPanel("for_foundations")],
            heading=_("Hvem er vejledningen til"),
        ),
        FieldPanel("introduction"),
        FieldPanel("steps"),
        InlinePanel("documents", label=_("materialer til download")),
        MultiFieldPanel(KnowledgePage.tagging_panels, heading=_("Emner og sted")),
    ]
    search_fields = KnowledgePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("steps"),
    ]
    parent_page_types = ["organisations.OrganisationPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("vejledning")
        verbose_name_plural = _("vejledninger")

    def audiences(self):
        return [label for flag, label in (
            (self.for_municipalities, _("kommuner")),
            (self.for_associations, _("foreninger")),
            (self.for_foundations, _("fonde")),
        ) if flag]

    def get_context(self, request, *args, **kwargs):
        # .links reads this module's models: imported on use, or the app's modules
        # would import each other in a loop.
        from .links import guide_links

        context = super().get_context(request, *args, **kwargs)
        context.update(guide_links(self))
        return context


class DocumentLink(Orderable):
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+",
        verbose_name=_("dokument"),
    )
    title = models.CharField(_("titel"), max_length=120, blank=True,
                             help_text=_("Tom = dokumentets egen titel."))

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        abstract = True

    @property
    def display_title(self):
        return self.title or self.document.title


class CaseDocument(DocumentLink):
    page = ParentalKey(CasePage, on_delete=models.CASCADE, related_name="documents")


class GuideDocument(DocumentLink):
    page = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="documents")
