"""Funding calls (støttepuljer) from foundations and municipalities, listed at /stoette/."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal.core.models import ListingPage
from portal.core.privacy import unrestricted
from portal.core.slugs import DanishSlugMixin
from portal.core.translations import TranslatedPageMixin, in_default_locale

from .forms import NOT_NEGATIVE, FundingCallForm


class Area(models.TextChoices):
    NATIONAL = "national", _("Hele landet")
    REGION = "region", _("En region")
    MUNICIPALITY = "municipality", _("En kommune")


class FundingCallIndexPage(RoutablePageMixin, ListingPage):
    """/stoette/: the open funding calls, filtered, with an RSS feed and a deadline calendar."""

    subpage_types = []

    class Meta:
        verbose_name = _("oversigt over støttepuljer")

    @path("")
    def listing(self, request):
        # .filters reads this module's models: imported on use, or the app's modules
        # would import each other in a loop.
        from .filters import call_listing

        return self.render(request, context_overrides=call_listing(request))

    @path("rss/", name="rss")
    def rss(self, request):
        # .feeds reads this module's models: imported on use, or the app's modules
        # would import each other in a loop.
        from .feeds import rss_response

        return rss_response(self, request)

    @path("kalender/", name="calendar")
    def calendar(self, request):
        # .feeds reads this module's models: imported on use, or the app's modules
        # would import each other in a loop.
        from .feeds import deadline_calendar_response

        return deadline_calendar_response(request)


class FundingCallQuerySet(PageQuerySet):
    def listed(self, today=None):
        """Published calls whose last deadline has not passed (Copenhagen date)."""
        today = today or timezone.localdate()
        return in_default_locale(unrestricted(self.live())).filter(last_deadline__gte=today)


class FundingCallPage(TranslatedPageMixin, DanishSlugMixin, Page):
    summary = models.CharField(
        _("kort beskrivelse"), max_length=300,
        help_text=_("Puljens formål i én-to sætninger. Vises i oversigten og i søgeresultater."),
    )
    purpose = RichTextField(
        _("formål og kriterier"), features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Hvad puljen vil støtte, og hvad ansøgningerne vurderes på."),
    )
    opens_on = models.DateField(
        _("åbner for ansøgninger"), null=True, blank=True,
        help_text=_("Tom = puljen er åben, så snart den er udgivet."),
    )
    themes = ParentalManyToManyField(
        "core.Theme", blank=True, related_name="funding_calls", verbose_name=_("temaer"),
        help_text=_("Vises på puljen og bruges i filteret for tema."),
    )
    target_groups = ParentalManyToManyField(
        "core.TargetGroup", blank=True, related_name="funding_calls",
        verbose_name=_("målgrupper"), help_text=_("Hvem projekterne skal hjælpe."),
    )
    for_associations = models.BooleanField(
        _("foreninger kan søge"), default=False,
        help_text=_("Frivillige foreninger og organisationer kan søge alene."),
    )
    for_municipalities = models.BooleanField(
        _("kommuner kan søge"), default=False, help_text=_("Kommuner kan søge alene."),
    )
    for_partnerships = models.BooleanField(
        _("partnerskaber kan søge"), default=False,
        help_text=_("Forening og kommune kan søge sammen."),
    )
    amount_min = models.PositiveIntegerField(
        _("mindste beløb (kr.)"), null=True, blank=True,
        validators=[MinValueValidator(0, NOT_NEGATIVE)],
        help_text=_("Det mindste beløb, man kan søge. Tom = ingen nedre grænse."),
    )
    amount_max = models.PositiveIntegerField(
        _("højeste beløb (kr.)"), null=True, blank=True,
        validators=[MinValueValidator(0, NOT_NEGATIVE)],
        help_text=_("Det højeste beløb, man kan søge. Tom = ingen øvre grænse oplyst."),
    )
    requires_cofinancing = models.BooleanField(
        _("kræver medfinansiering"), default=False,
        help_text=_("Sæt kryds, hvis ansøgerne selv skal bidrage med penge eller timer."),
    )
    cofinancing_note = models.CharField(
        _("om medfinansieringen"), max_length=250, blank=True,
        help_text=_("Fx 'Mindst 25 % af budgettet, gerne som frivillige timer'."),
    )
    decision_date = models.DateField(
        _("forventet afgørelse"), null=True, blank=True,
        help_text=_("Hvornår ansøgerne kan forvente svar. Vises på puljen."),
    )
    application_url = models.URLField(
        _("sådan søger I (link)"),
        help_text=_("Link til ansøgningsskemaet eller vejledningen hos jer."),
    )
    funds_digital_tools = models.BooleanField(
        _("støtter digitale værktøjer"), default=False,
        help_text=_(
            "Sæt kryds, hvis puljen kan dække indkøb eller udvikling af digitale værktøjer."
        ),
    )
    area = models.CharField(
        _("område"), max_length=20, choices=Area.choices, default=Area.NATIONAL,
        help_text=_("Hvor projekterne skal foregå. Vælg region eller kommune nedenfor, hvis det "
                    "ikke er hele landet."),
    )
    region = models.ForeignKey(
        "core.Region", null=True, blank=True, on_delete=models.PROTECT,
        related_name="funding_calls", verbose_name=_("region"),
        help_text=_("Kun når området er en region."),
    )
    municipality = models.ForeignKey(
        "core.Municipality", null=True, blank=True, on_delete=models.PROTECT,
        related_name="funding_calls", verbose_name=_("kommune"),
        help_text=_("Kun når området er en kommune."),
    )
    # The last deadline, written whenever the page row is saved in full (creation and
    # publishing), so the listing can drop closed calls without a join.
    last_deadline = models.DateField(_("sidste frist"), null=True, editable=False, db_index=True)

    objects = PageManager.from_queryset(FundingCallQuerySet)()
    base_form_class = FundingCallForm

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("purpose"),
        MultiFieldPanel(
            [FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
             FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple)],
            heading=_("Emner og målgrupper"),
        ),
        MultiFieldPanel(
            [FieldPanel("for_associations"), FieldPanel("for_municipalities"),
             FieldPanel("for_partnerships")],
            heading=_("Hvem kan søge"),
            help_text=_("Vælg mindst én."),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("amount_min"), FieldPanel("amount_max")]),
             FieldRowPanel([FieldPanel("requires_cofinancing"), FieldPanel("cofinancing_note")]),
             FieldPanel("funds_digital_tools")],
            heading=_("Beløb og medfinansiering"),
        ),
        MultiFieldPanel(
            [FieldPanel("opens_on"),
             InlinePanel("deadlines", label=_("ansøgningsfrister")),
             FieldPanel("decision_date"),
             FieldPanel("application_url")],
            heading=_("Frister og ansøgning"),
        ),
        MultiFieldPanel(
            [FieldPanel("area"), FieldPanel("region"), FieldPanel("municipality")],
            heading=_("Område"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("purpose"),
        index.FilterField("area"),
        index.FilterField("last_deadline"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("target_groups", [index.SearchField("name")]),
    ]
    parent_page_types = ["organisations.OrganisationPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("støttepulje/ansøgningsrunde")
        verbose_name_plural = _("støttepuljer/ansøgningsrunder")

    def clean(self):
        super().clean()
        errors = {}
        if (self.amount_min is not None and self.amount_max is not None
                and self.amount_min > self.amount_max):
            errors["amount_max"] = _("Det højeste beløb skal være mindst lige så stort som det "
                                     "mindste beløb.")
        if not (self.for_associations or self.for_municipalities or self.for_partnerships):
            errors["for_associations"] = _("Vælg mindst én slags ansøger: foreninger, kommuner "
                                           "eller partnerskaber.")
        if self.cofinancing_note and not self.requires_cofinancing:
            errors["cofinancing_note"] = _("Sæt kryds ved 'kræver medfinansiering', eller fjern "
                                           "teksten om medfinansiering.")
        errors.update(self._area_errors())
        if errors:
            raise ValidationError(errors)

    def _area_errors(self):
        needs_region = self.area == Area.REGION
        needs_municipality = self.area == Area.MUNICIPALITY
        errors = {}
        if needs_region != (self.region_id is not None):
            errors["region"] = (_("Vælg regionen.") if needs_region
                                else _("Vælg kun en region, når området er en region."))
        if needs_municipality != (self.municipality_id is not None):
            errors["municipality"] = (_("Vælg kommunen.") if needs_municipality
                                      else _("Vælg kun en kommune, når området er en kommune."))
        return errors

    def save(self, *args, **kwargs):
        self.last_deadline = max((d.date for d in self.deadlines.all() if d.date), default=None)
        return super().save(*args, **kwargs)

    def deadline_dates(self):
        return sorted(d.date for d in self.deadlines.all() if d.date)

    @property
    def next_deadline(self):
        """The first deadline from today on (Copenhagen date), or None once closed."""
        today = timezone.localdate()
        return next((d for d in self.sorted_deadlines() if d.date >= today), None)

    def sorted_deadlines(self):
        return sorted((d for d in self.deadlines.all() if d.date), key=lambda d: d.date)

    @property
    def is_closed(self):
        last = max(self.deadline_dates(), default=None)
        return last is not None and last < timezone.localdate()

    @property
    def not_yet_open(self):
        return self.opens_on is not None and self.opens_on > timezone.localdate()

    def applicants(self):
        return [label for flag, label in (
            (self.for_associations, _("foreninger")),
            (self.for_municipalities, _("kommuner")),
            (self.for_partnerships, _("partnerskaber mellem forening og kommune")),
        ) if flag]

    def area_label(self):
        if self.area == Area.REGION and self.region:
            return self.region.name
        if self.area == Area.MUNICIPALITY and self.municipality:
            return self.municipality.name
        return Area.NATIONAL.label

    def get_context(self, request, *args, **kwargs):
        # .links reads this module's models: imported on use, or the app's modules
        # would import each other in a loop.
        from .links import call_links

        context = super().get_context(request, *args, **kwargs)
        context.update(call_links(self.source_page))
        return context


class FundingDeadline(Orderable):
    call = ParentalKey(FundingCallPage, on_delete=models.CASCADE, related_name="deadlines")
    date = models.DateField(_("frist"), help_text=_("Sidste dag for ansøgninger i denne runde."))
    label = models.CharField(
        _("betegnelse"), max_length=80, blank=True,
        help_text=_("Fx 'Forårsrunden'. Tom = kun datoen vises."),
    )

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("label")])]

    class Meta(Orderable.Meta):
        verbose_name = _("ansøgningsfrist")
        verbose_name_plural = _("ansøgningsfrister")

    def __str__(self):
        return f"{self.label} {self.date:%d.%m.%Y}".strip()
