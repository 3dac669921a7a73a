"""The home page and plain content pages (about, privacy, accessibility)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.core.blocks import BodyBlock
from portal.core.routing import route_from
from portal.core.slugs import DanishSlugMixin
from portal.core.translations import TranslatedPageMixin

from . import sections

FEATURED_HELP = _(
    "Vælg op til %(count)s. Er der ingen (eller er de valgte ikke længere offentlige), viser "
    "forsiden de nyeste."
) % {"count": sections.CARDS_PER_SECTION}


class HomePage(TranslatedPageMixin, DanishSlugMixin, Page):
    heading = models.CharField(
        _("overskrift"), max_length=120, blank=True,
        help_text=_("Forsidens store overskrift, fx 'Giv en hånd, når det passer dig'. "
                    "Tom = sidens titel."),
    )
    lead = models.TextField(
        _("indledning"),
        help_text=_("To sætninger om, hvad Bindeled er. Vises øverst på forsiden."),
    )
    join_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("side for organisationer"),
        help_text=_("Hvor 'Bliv en del af Bindeled' fører hen: hvordan en organisation kommer "
                    "med og får redaktører. Tom = linket vises ikke."),
    )
    body = StreamField(
        BodyBlock(), blank=True, verbose_name=_("indhold"),
        help_text=_("Indhold på forsiden under indledningen."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("heading"),
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                InlinePanel("featured_opportunities", label=_("frivilligopgave"),
                            max_num=sections.CARDS_PER_SECTION),
                InlinePanel("featured_knowledge", label=_("erfaring"),
                            max_num=sections.CARDS_PER_SECTION),
                InlinePanel("featured_tools", label=_("værktøj"),
                            max_num=sections.CARDS_PER_SECTION),
            ],
            heading=_("Udvalgt på forsiden"),
            help_text=FEATURED_HELP,
        ),
        FieldPanel("join_page"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("lead")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("forside")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(sections.home_sections(self, request))
        return context

    def route(self, request, path_components):
        # The site's root: every address on the site is looked up from here.
        return route_from(self, request, path_components)


class FeaturedOpportunity(Orderable):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_opportunities")
    page = models.ForeignKey(
        "opportunities.OpportunityPage", on_delete=models.CASCADE, related_name="+",
        verbose_name=_("frivilligopgave"),
        help_text=_("Vises på forsiden under “Frivilligopgaver”, i den rækkefølge I vælger."),
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("udvalgt frivilligopgave")
        verbose_name_plural = _("udvalgte frivilligopgaver")


class FeaturedKnowledge(Orderable):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_knowledge")
    page = models.ForeignKey(
        "cases.KnowledgePage", on_delete=models.CASCADE, related_name="+",
        verbose_name=_("samskabelsescase eller vejledning"),
        help_text=_("Vises på forsiden under “Erfaringer fra samskabelse”, i den rækkefølge I "
                    "vælger."),
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("udvalgt erfaring")
        verbose_name_plural = _("udvalgte erfaringer")


class FeaturedTool(Orderable):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_tools")
    page = models.ForeignKey(
        "toolshare.ToolPage", on_delete=models.CASCADE, related_name="+",
        verbose_name=_("digitalt værktøj"),
        help_text=_("Vises på forsiden under “Digitale værktøjer”, i den rækkefølge I vælger."),
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("udvalgt værktøj")
        verbose_name_plural = _("udvalgte værktøjer")


class StandardPage(TranslatedPageMixin, DanishSlugMixin, Page):
    intro = models.TextField(
        _("indledning"), blank=True,
        help_text=_("Vises under overskriften, før resten af siden."),
    )
    body = StreamField(
        BodyBlock(), blank=True, verbose_name=_("indhold"),
        help_text=_("Sidens indhold."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standardside")
