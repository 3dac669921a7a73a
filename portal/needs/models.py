"""What an organisation needs to do more ("behov"): a partner, a tool, skills, premises, funding.

A need lives below its organisation's page, so the organisation's editors edit
only their own and Redaktionen's workflow publishes it, as for every page.
A need runs until its end date: after that it leaves every listing, section
and the search (``NeedPage.objects.current()`` is the one definition), while
its own page stays and says "Udløbet".
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageManager, PageQuerySet
from wagtail.search import index

from portal.core.privacy import unrestricted
from portal.core.slugs import DanishSlugMixin
from portal.core.translations import TranslatedPageMixin, in_default_locale
from portal.toolshare.models import ToolIndexPage

from .dates import default_end_date
from .forms import NeedPageForm

SUMMARY_MAX_LENGTH = 500


class NeedKind(models.TextChoices):
    PARTNER = "partner", _("Partner")
    TOOL = "tool", _("Digitalt værktøj")
    SKILLS = "skills", _("Kompetencer")
    PREMISES = "premises", _("Lokaler")
    FUNDING = "funding", _("Finansiering")


def still_running():
    """The one condition for a need that has not expired: its end date is today or later,
    today in Copenhagen."""
    return models.Q(end_date__gte=timezone.localdate())


class NeedQuerySet(PageQuerySet):
    def current(self):
        """Published, public needs whose end date has not passed: what listings show."""
        return in_default_locale(unrestricted(self.live())).filter(still_running())

    def expired(self):
        """Needs past their end date, published or not."""
        return self.exclude(still_running())


class NeedPage(TranslatedPageMixin, DanishSlugMixin, Page):
    kind = models.CharField(
        _("hvad I har brug for"), max_length=20, choices=NeedKind.choices,
        help_text=_(
            "Vises på siden og bruges i filteret «Har behov for» i organisationsoversigten."
        ),
    )
    tool_category = models.ForeignKey(
        "toolshare.ToolCategory", null=True, blank=True, on_delete=models.PROTECT,
        related_name="needs", verbose_name=_("værktøjskategori"),
        help_text=_(
            "Kun for behov for et digitalt værktøj: hvilken slags. Behovet vises så på siderne "
            "for værktøjer i kategorien."
        ),
    )
    funding_purpose = models.CharField(
        _("formål med finansieringen"), max_length=200, blank=True,
        help_text=_(
            "Kun for behov for finansiering: hvad pengene skal bruges til, fx «Kursus for 20 nye "
            "besøgsvenner»."
        ),
    )
    themes = ParentalManyToManyField(
        "core.Theme", blank=True, related_name="needs", verbose_name=_("temaer"),
        help_text=_(
            "Vises på siden. Et behov for finansiering vises ved støtteopslag med samme tema."
        ),
    )
    municipality = models.ForeignKey(
        "core.Municipality", null=True, blank=True, on_delete=models.PROTECT,
        related_name="needs", verbose_name=_("kommune"),
        help_text=_("Hvor behovet er. Tom betyder hele landet."),
    )
    summary = models.TextField(
        _("kort beskrivelse"), validators=[MaxLengthValidator(SUMMARY_MAX_LENGTH)],
        help_text=_(
            "Almindelig tekst, højst 500 tegn: hvad I søger, og hvad det skal bruges til. "
            "Skriv ikke personers navne eller kontaktoplysninger – henvendelser går via "
            "organisationens side."
        ),
    )
    end_date = models.DateField(
        _("aktuelt til og med"), default=default_end_date,
        help_text=_(
            "Højst 12 måneder frem. Derefter forsvinder behovet fra oversigterne, og I får en "
            "påmindelse inden. Forlæng ved at ændre datoen."
        ),
    )
    # Copied from the parent page on every save, so listings can filter and show
    # the organisation without walking the tree for each need.
    organisation = models.ForeignKey(
        "organisations.OrganisationPage", null=True, editable=False, on_delete=models.SET_NULL,
        related_name="needs", verbose_name=_("organisation"),
    )

    objects = PageManager.from_queryset(NeedQuerySet)()

    base_form_class = NeedPageForm
    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        MultiFieldPanel(
            [FieldPanel("tool_category"), FieldPanel("funding_purpose")],
            heading=_("Kun for værktøj eller finansiering"),
        ),
        FieldPanel("summary"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("municipality"),
        FieldPanel("end_date"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("funding_purpose"),
        index.FilterField("kind"),
        index.FilterField("end_date"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("tool_category", [index.SearchField("name")]),
        index.RelatedFields("municipality", [index.SearchField("name")]),
    ]
    parent_page_types = ["organisations.OrganisationPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("behov")
        verbose_name_plural = _("behov")

    def clean(self):
        super().clean()
        # A field that belongs to another kind is emptied rather than refused: an
        # editor who changes the kind should not be stopped by a value they left behind.
        if self.kind != NeedKind.TOOL:
            self.tool_category = None
        elif self.tool_category_id is None:
            raise ValidationError(
                {"tool_category": _("Vælg, hvilken slags digitalt værktøj I har brug for.")}
            )
        if self.kind != NeedKind.FUNDING:
            self.funding_purpose = ""
        elif not self.funding_purpose.strip():
            raise ValidationError(
                {"funding_purpose": _("Skriv, hvad finansieringen skal bruges til.")}
            )

    def save(self, *args, **kwargs):
        if self.path:
            parent = self.get_parent()
            self.organisation_id = parent.pk if parent else None
        super().save(*args, **kwargs)

    @property
    def is_expired(self):
        return self.end_date < timezone.localdate()

    @cached_property
    def publisher(self):
        """The organisation this need lives under (also before its first save)."""
        if self.organisation_id:
            return self.organisation
        parent = self.get_parent() if self.path else None
        return parent.specific if parent else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["publisher"] = self.publisher
        context["theme_list"] = self.themes.all()
        context["tool_index"] = (
            ToolIndexPage.objects.live().first() if self.tool_category_id else None
        )
        return context

    def get_sitemap_urls(self, request=None):
        # An expired need stays reachable, but is no longer offered to search engines.
        return [] if self.is_expired else super().get_sitemap_urls(request)


class NeedReminder(models.Model):
    """The e-mail to an organisation's editors that a need runs out soon.

    One row per need and end date: a renewed need (a new end date) gets a
    reminder again, the same end date never twice. The row holds no address;
    the editors are looked up when the mail is sent.
    """

    need = models.ForeignKey(NeedPage, on_delete=models.CASCADE, related_name="reminders")
    end_date = models.DateField(_("slutdato"))
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sendt"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("forsøg"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["need", "end_date"], name="one_reminder_per_end_date")
        ]
        verbose_name = _("påmindelse om behov")
        verbose_name_plural = _("påmindelser om behov")

    def __str__(self):
        return f"{self.need_id} {self.end_date}"
