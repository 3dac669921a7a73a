"""The home page and plain content pages (about, privacy, accessibility)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.core.blocks import BodyBlock
from portal.core.models import Municipality
from portal.core.routing import route_from
from portal.core.slugs import DanishSlugMixin
from portal.opportunities.models import OpportunityPage
from portal.organisations.models import OrganisationPage


class HomePage(DanishSlugMixin, Page):
    lead = models.TextField(
        _("indledning"),
        help_text=_("To sætninger om, hvad Bindeled er. Vises øverst på forsiden."),
    )
    body = StreamField(
        BodyBlock(), blank=True, verbose_name=_("indhold"),
        help_text=_("Indhold på forsiden under indledningen."),
    )

    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("lead")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("forside")

    def live_figures(self):
        """Figures computed from published content, never typed in."""
        organisations = OrganisationPage.objects.live().public()
        return {
            "organisations": organisations.count(),
            "municipalities": Municipality.objects.filter(organisations__in=organisations)
            .distinct()
            .count(),
            "open_opportunities": OpportunityPage.objects.open().count(),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["figures"] = self.live_figures()
        return context

    def route(self, request, path_components):
        # The site's root: every address on the site is looked up from here.
        return route_from(self, request, path_components)


class StandardPage(DanishSlugMixin, Page):
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
