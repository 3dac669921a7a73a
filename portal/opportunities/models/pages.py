"""Opportunity pages and the listing page that filters them."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q, prefetch_related_objects
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.models.pages import COMMENTS_RELATION_NAME
from wagtail.search import index

from portal.core.blocks import BodyBlock
from portal.core.models import ListingPage
from portal.core.pictures import DescribedImage
from portal.core.slugs import DanishSlugMixin
from portal.core.translation_panels import SharedWithSourceNote, SharedWithSourcePanel
from portal.core.translations import TranslatedPageMixin, show_in_language
from portal.core.widgets import RegionCheckboxes
from portal.organisations.images import OwnImagePageForm

from .choices import SHIFT_COMMITMENTS, Commitment, HoursPer, Status
from .querysets import OpportunityManager
from .shifts import ShiftBooking

# What Wagtail writes when an editor saves a draft, locks a page or copies one;
# none of it is what a visitor sees (``save_revision`` calls ``save()`` too).
BOOKKEEPING_FIELDS = frozenset({
    COMMENTS_RELATION_NAME, "latest_revision_created_at", "draft_title", "latest_revision",
    "has_unpublished_changes", "locked", "locked_at", "locked_by", "numchild",
})


def changes_public_view(page, update_fields):
    """Whether saving ``page`` with these ``update_fields`` can change the public listing.

    A draft of a page that was never published cannot; nor can Wagtail's own
    bookkeeping on a published one. Publishing, unpublishing and moving have
    signals of their own.
    """
    if update_fields is not None and set(update_fields) <= BOOKKEEPING_FIELDS:
        return False
    return page.live or page.first_published_at is not None


class OpportunityIndexPage(RoutablePageMixin, ListingPage):
    """/frivilligopgaver/: every open opportunity, filtered from the query string."""

    subpage_types = []

    class Meta:
        verbose_name = _("oversigt over frivilligopgaver")

    def get_context(self, request, *args, **kwargs):
        # ..listing reads this module's models: imported on use, or the app's modules
        # would import each other in a loop.
        from ..listing import listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(self, request))
        return context

    @path("rss/", name="rss")
    def rss(self, request):
        # ..feeds reads this module's models: imported on use, or the app's modules
        # would import each other in a loop.
        from ..feeds import rss_response

        return rss_response(self, request)

    @path("kalender/", name="calendar")
    def calendar(self, request):
        # ..feeds reads this module's models: imported on use, or the app's modules
        # would import each other in a loop.
        from ..feeds import listing_calendar_response

        return listing_calendar_response(self, request)


class OpportunitySkillTag(TaggedItemBase):
    content_object = ParentalKey(
        "opportunities.OpportunityPage", on_delete=models.CASCADE, related_name="tagged_skills"
    )


class OpportunityPage(
    RoutablePageMixin, TranslatedPageMixin, DanishSlugMixin, DescribedImage, Page
):
    summary = models.CharField(
        _("kort beskrivelse"), max_length=250, help_text=_("Vises i oversigter og søgeresultater.")
    )
    body = StreamField(
        BodyBlock(), blank=True, verbose_name=_("beskrivelse"),
        help_text=_(
            "Den fulde beskrivelse på opgavens side: hvad den frivillige skal lave, og hvad de får"
            " ud af det."
        ),
    )
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("billede"),
        help_text=_(
            "Vises øverst på opgavens side, i oversigten og når siden deles. Vælg det fra "
            "organisationens egen samling."
        ),
    )
    municipalities = ParentalManyToManyField(
        "core.Municipality", blank=True, related_name="opportunities", verbose_name=_("kommuner"),
        help_text=_(
            "Hvor opgaven foregår. Besøgende finder opgaven, når de vælger kommunen i filteret."
        ),
    )
    is_online = models.BooleanField(
        _("online / hele landet"), default=False,
        help_text=_("Opgaven kan løses hjemmefra eller fra hele landet."),
    )
    place = models.CharField(
        _("sted"), max_length=200, blank=True, help_text=_("Fx 'Plejecenter Solhøj, Aalborg Øst'.")
    )
    activities = ParentalManyToManyField(
        "core.Activity", blank=True, related_name="opportunities", verbose_name=_("aktiviteter"),
        help_text=_("Hvad den frivillige skal lave. Vises på opgavens side og bruges i filtrene."),
    )
    target_groups = ParentalManyToManyField(
        "core.TargetGroup", blank=True, related_name="opportunities", verbose_name=_("målgrupper"),
        help_text=_("Hvem opgaven hjælper. Vises på opgavens side og bruges i filtrene."),
    )
    commitment = models.CharField(
        _("tidsforpligtelse"), max_length=20, choices=Commitment.choices,
        default=Commitment.REGULAR,
        help_text=_(
            "Vises på opgaven og bruges i filteret: en enkelt gang, i en periode eller fast."
        ),
    )
    hours = models.DecimalField(
        _("forventede timer"), max_digits=4, decimal_places=1, null=True, blank=True,
        validators=[MinValueValidator(0)],
        help_text=_(
            "Vises på opgaven sammen med feltet nedenfor, fx '2 timer om ugen'. Tom = vises ikke."
        ),
    )
    hours_per = models.CharField(
        _("timer"), max_length=10, choices=HoursPer.choices, default=HoursPer.OCCASION,
        help_text=_("Hvad timerne gælder for: om ugen, om måneden eller i alt."),
    )
    start_date = models.DateField(
        _("startdato"), null=True, blank=True,
        help_text=_("Vises på opgaven. Tom = med det samme."),
    )
    end_date = models.DateField(
        _("slutdato"), null=True, blank=True,
        help_text=_("Vises på opgaven. Tom = ingen slutdato."),
    )
    application_deadline = models.DateField(
        _("ansøgningsfrist"), null=True, blank=True,
        help_text=_("Vises på opgaven som sidste dag for at melde sig."),
    )
    requires_child_certificate = models.BooleanField(
        _("børneattest kræves"), default=False,
        help_text=_("Vises på opgaven, så den frivillige ved, at I indhenter børneattest."),
    )
    minimum_age = models.PositiveSmallIntegerField(
        _("minimumsalder"), null=True, blank=True,
        help_text=_("Vises på opgaven. Tom = ingen aldersgrænse."),
    )
    languages = models.CharField(
        _("sprog"), max_length=200, blank=True, help_text=_("Fx 'dansk, gerne arabisk'.")
    )
    english_speakers_welcome = models.BooleanField(
        _("engelsktalende frivillige er velkomne"), default=False,
        help_text=_(
            "Sæt kryds, hvis en frivillig, der ikke taler dansk, kan klare opgaven på engelsk. "
            "Opgaven får et mærke og findes med filteret for engelsktalende, også på den "
            "engelske side."
        ),
    )
    skills = ClusterTaggableManager(
        through=OpportunitySkillTag, blank=True, verbose_name=_("kompetencer")
    )
    volunteers_needed = models.PositiveSmallIntegerField(
        _("antal frivillige søges"), null=True, blank=True,
        help_text=_("Vises på opgaven: hvor mange frivillige I søger."),
    )
    contact_role = models.CharField(
        _("kontaktperson (rolle)"), max_length=120, blank=True,
        help_text=_("En rolle, fx 'Frivilligkoordinator', ikke et navn."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN,
        help_text=_(
            "Kun åbne opgaver kan søges af besøgende. Sæt på pause, besat eller lukket, når I ikke"
            " søger."
        ),
    )
    # Copied from the parent page on every save, so listings can filter and show
    # the organisation without walking the tree for each opportunity.
    owner_organisation = models.ForeignKey(
        "organisations.OrganisationPage", null=True, editable=False, on_delete=models.SET_NULL,
        related_name="opportunities", verbose_name=_("organisation"),
    )
    # Copies the listing filters and sorts on, kept by ``refresh_listing_columns``
    # after every save, publish, unpublish, move, view restriction and shift change,
    # so the listing reads one table and walks an index instead of sorting.
    listed = models.BooleanField(_("vises i oversigten"), default=False, editable=False)
    published_at = models.DateTimeField(_("først udgivet"), null=True, editable=False)
    saved_next_shift_at = models.DateTimeField(_("næste vagt"), null=True, editable=False)

    objects = OpportunityManager()
    base_form_class = OwnImagePageForm
    # The page shows its organisation and picture: read with the page when routing finds it.
    routed_with = ("owner_organisation", "image")
    # What an English translation reads from its Danish page (``source_page``)
    # instead of keeping a copy: one set of shifts and bookings, one place in the filters.
    fields_shared_with_source = (
        "municipalities", "is_online", "place", "activities", "target_groups", "shifts", "status",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        DescribedImage.image_panel(_("Billede")),
        SharedWithSourceNote(content=_("Vagter og kategorier redigeres på den danske side.")),
        SharedWithSourcePanel(
            [
                FieldPanel("municipalities", widget=RegionCheckboxes),
                FieldPanel("is_online"),
                FieldPanel("place"),
            ],
            heading=_("Hvor"),
        ),
        SharedWithSourcePanel(
            [
                FieldPanel("activities", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Hvad og for hvem"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("commitment"),
                FieldRowPanel([FieldPanel("hours"), FieldPanel("hours_per")]),
                FieldRowPanel(
                    [
                        FieldPanel("start_date"),
                        FieldPanel("end_date"),
                        FieldPanel("application_deadline"),
                    ]
                ),
                FieldPanel("volunteers_needed"),
            ],
            heading=_("Tid"),
        ),
        SharedWithSourcePanel(
            [InlinePanel("shifts", label=_("vagt"))], heading=_("Vagter")
        ),
        MultiFieldPanel(
            [
                FieldPanel("requires_child_certificate"),
                FieldPanel("minimum_age"),
                FieldPanel("languages"),
                FieldPanel("english_speakers_welcome"),
                FieldPanel("skills"),
            ],
            heading=_("Krav"),
        ),
        FieldPanel("contact_role"),
        SharedWithSourcePanel([FieldPanel("status")], heading=_("Status")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("place"),
        index.FilterField("status"),
        index.FilterField("commitment"),
        index.RelatedFields("municipalities", [index.SearchField("name")]),
        index.RelatedFields("activities", [index.SearchField("name")]),
        index.RelatedFields("target_groups", [index.SearchField("name")]),
        index.RelatedFields("skills", [index.SearchField("name")]),
    ]
    parent_page_types = ["organisations.OrganisationPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("frivilligopgave")
        verbose_name_plural = _("frivilligopgaver")
        # A partial index per stored sort order, over listed rows only: a page
        # of results is the first rows of the index that pass the other filters.
        indexes = [
            models.Index(
                fields=["-published_at", "-page_ptr"], condition=Q(listed=True),
                name="opportunity_newest_idx",
            ),
            models.Index(
                fields=["application_deadline", "end_date", "-page_ptr"], condition=Q(listed=True),
                name="opportunity_deadline_idx",
            ),
            models.Index(
                fields=["saved_next_shift_at", "-page_ptr"], condition=Q(listed=True),
                name="opportunity_next_shift_idx",
            ),
        ]

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Slutdatoen ligger før startdatoen.")})
        deadline = self.application_deadline
        if deadline and self.end_date and deadline > self.end_date:
            raise ValidationError(
                {"application_deadline": _("Ansøgningsfristen ligger efter slutdatoen.")}
            )

    def save(self, *args, **kwargs):
        if self.path:
            parent = self.get_parent()
            self.owner_organisation_id = parent.pk if parent else None
        super().save(*args, **kwargs)
        if changes_public_view(self, kwargs.get("update_fields")):
            OpportunityPage.objects.filter(pk=self.pk).refresh_listing_columns()

    @cached_property
    def organisation(self):
        """The organisation page this opportunity lives under."""
        if self.owner_organisation_id:
            return self.owner_organisation
        parent = self.get_parent() if self.path else None
        return parent.specific if parent else None

    @property
    def has_expired(self):
        today = timezone.localdate()
        return any(day and day < today for day in (self.end_date, self.application_deadline))

    @property
    def is_open(self):
        return self.live and self.status == Status.OPEN and not self.has_expired

    @property
    def effective_status(self):
        """The status a visitor sees: an expired opportunity is closed, whatever was chosen."""
        if self.status == Status.OPEN and self.has_expired:
            return Status.CLOSED
        return Status(self.status)

    @property
    def uses_shifts(self):
        return self.commitment in SHIFT_COMMITMENTS

    def upcoming_shifts(self):
        shifts = self.shifts.all()
        if isinstance(shifts, models.QuerySet):
            return shifts.upcoming().with_places().order_by("starts_at")
        return self._previewed_upcoming_shifts(shifts)

    def _previewed_upcoming_shifts(self, shifts):
        """The shifts of a page built from the editor's form (a preview): they are in
        memory, some unsaved, so the places are counted for the saved ones only."""
        now = timezone.now()
        upcoming = sorted(
            (shift for shift in shifts if shift.starts_at and shift.starts_at > now),
            key=lambda shift: shift.starts_at,
        )
        taken = dict(
            ShiftBooking.objects.filter(
                shift__in=[shift.pk for shift in upcoming if shift.pk], released_at__isnull=True
            )
            .values("shift")
            .annotate(count=Count("pk"))
            .values_list("shift", "count")
        )
        for shift in upcoming:
            shift.places_taken = taken.get(shift.pk, 0)
            shift.places_left = max(shift.capacity - shift.places_taken, 0)
        return upcoming

    def related_opportunities(self, in_preview=False, limit=3):
        """Open opportunities sharing an activity or a municipality with this one.

        A saved page's taxonomies are read inside the same query; a preview's are
        read in Python, so that the editor's unsaved choices count too.
        """
        through_a = OpportunityPage.activities.through.objects
        through_m = OpportunityPage.municipalities.through.objects
        if in_preview:
            activity_ids = [activity.pk for activity in self.activities.all()]
            municipality_ids = [municipality.pk for municipality in self.municipalities.all()]
        else:
            activity_ids = through_a.filter(opportunitypage=self.pk).values("activity")
            municipality_ids = through_m.filter(opportunitypage=self.pk).values("municipality")
        # Exists, not pk__in: newest first, PostgreSQL stops after the first few
        # that share one, instead of collecting every page that does (40 ms at
        # 100,000 open opportunities, 11,000 of them sharing an activity).
        shares_activity = through_a.filter(opportunitypage=OuterRef("pk"),
                                           activity__in=activity_ids)
        shares_municipality = through_m.filter(opportunitypage=OuterRef("pk"),
                                               municipality__in=municipality_ids)
        return (
            OpportunityPage.objects.open()
            .exclude(pk=self.pk)
            .filter(Q(Exists(shares_activity)) | Q(Exists(shares_municipality)))
            .select_related("owner_organisation")
            .order_by("-first_published_at")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        # ..feeds reads this module's models: imported on use, or the app's modules
        # would import each other in a loop.
        from ..feeds import structured_data

        context = super().get_context(request, *args, **kwargs)
        # A translation shows its own words around the Danish page's shifts, places,
        # categories, status and organisation (``fields_shared_with_source``).
        source = self.source_page
        related = []
        if getattr(request, "is_preview", False) and source is self:
            # A preview keeps the editor's choices; a page never saved has no
            # neighbours that know it yet.
            if self.pk:
                related = list(self.related_opportunities(in_preview=True))
                prefetch_related_objects(related, "municipalities")
        elif source.pk:
            # Read once for all that ask (the cases, the structured data, the
            # template), the related opportunities' municipalities with this page's.
            related = show_in_language(source.related_opportunities(), request)
            prefetch_related_objects([source, *related], "municipalities")
            prefetch_related_objects([source], "activities")
        shifts = list(source.upcoming_shifts())
        organisation = source.organisation
        show_in_language([organisation] if organisation else [], request)
        context.update(
            source=source,
            organisation=organisation,
            shifts=shifts,
            municipality_list=list(source.municipalities.all()),
            activity_list=list(source.activities.all()),
            target_group_list=list(source.target_groups.all()),
            skill_list=list(self.skills.all()),
            related=related,
            structured_data=structured_data(self, request, shifts),
        )
        return context

    @path("kalender/", name="calendar")
    def calendar(self, request):
        # ..feeds reads this module's models: imported on use, or the app's modules
        # would import each other in a loop.
        from ..feeds import opportunity_calendar_response

        return opportunity_calendar_response(self, request)

    @path("kalender/<int:shift_id>/", name="shift_calendar")
    def shift_calendar(self, request, shift_id):
        # Imported on use for the same reason as above.
        from ..feeds import shift_calendar_response

        return shift_calendar_response(self, request, shift_id)
