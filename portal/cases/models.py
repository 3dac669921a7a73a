"""Co-creation cases and guides, and their listing at /erfaringer/."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.core.blocks import BodyBlock
from portal.core.models import ListingPage
from portal.core.pictures import DescribedImage
from portal.core.slugs import DanishSlugMixin
from portal.core.translation_panels import SharedWithSourceNote, SharedWithSourcePanel
from portal.core.translations import TranslatedPageMixin
from portal.core.widgets import RegionCheckboxes
from portal.organisations.images import OwnImagePageForm
from portal.organisations.models import owner_of

from .blocks import ResultBlock, StepBlock


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


class KnowledgePage(TranslatedPageMixin, DanishSlugMixin, DescribedImage, Page):
    """What cases and guides share, so that /erfaringer/ filters both in one query."""

    summary = models.CharField(
        _("kort beskrivelse"), max_length=300, help_text=_("Vises i oversigter og søgeresultater.")
    )
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("billede"),
        help_text=_(
            "Vises øverst på siden, i oversigten og når siden deles. Vælg det fra "
            "organisationens egen samling."
        ),
    )
    themes = ParentalManyToManyField(
        "core.Theme", blank=True, related_name="knowledge_pages", verbose_name=_("temaer"),
        help_text=_("Vises som emner på siden og bruges i filtrene."),
    )
    municipalities = ParentalManyToManyField(
        "core.Municipality", blank=True, related_name="knowledge_pages",
        verbose_name=_("kommuner"),
        help_text=_("Hvor det foregik. Vises på siden og bruges i filtrene."),
    )
    target_groups = ParentalManyToManyField(
        "core.TargetGroup", blank=True, related_name="knowledge_pages",
        verbose_name=_("målgrupper"),
        help_text=_("Hvem det hjalp. Vises på siden og bruges i filtrene."),
    )
    activities = ParentalManyToManyField(
        "core.Activity", blank=True, related_name="knowledge_pages", verbose_name=_("aktiviteter"),
        help_text=_("Bruges til at vise relevante frivilligopgaver."),
    )

    tagging_panels = [
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("municipalities", widget=RegionCheckboxes),
        FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("activities", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("municipalities", [index.SearchField("name")]),
    ]
    parent_page_types = ["organisations.OrganisationPage"]
    subpage_types = []
    is_creatable = False
    base_form_class = OwnImagePageForm
    # What an English translation reads from its Danish page (``source_page``), so it
    # is filtered and linked as one page; each page type adds its own facts.
    fields_shared_with_source = ("themes", "municipalities", "target_groups", "activities")
    # The page shows its picture: read with the page when routing finds it.
    routed_with = ("image",)

    class Meta:
        verbose_name = _("erfaring")
        verbose_name_plural = _("erfaringer")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Its documents are its own: their titles are words in its language.
        context.update(
            source=self.source_page,
            document_list=list(self.documents.select_related("document")),
        )
        return context


class CasePage(KnowledgePage):
    story = StreamField(
        BodyBlock(), verbose_name=_("fortællingen"),
        help_text=_("Fortællingen om samarbejdet: casens hovedtekst."),
    )
    start_date = models.DateField(
        _("startdato"),
        help_text=_("Vises på casen: hvornår samarbejdet begyndte."),
    )
    end_date = models.DateField(_("slutdato"), null=True, blank=True, help_text=_("Tom = i gang."))
    funding_source = models.CharField(
        _("finansiering"), max_length=200, blank=True, help_text=_("Fond eller pulje.")
    )
    funding_amount = models.PositiveIntegerField(
        _("beløb (kr.)"), null=True, blank=True,
        help_text=_("Vises på casen ved finansieringen. Tom = vises ikke."),
    )
    results = StreamField(
        ResultBlock(), blank=True, verbose_name=_("resultater"),
        help_text=_(
            "Nøgletal, citater og tekst om, hvad samarbejdet førte til. Vises i sit eget afsnit."
        ),
    )
    lessons_worked = models.TextField(
        _("det virkede"), blank=True,
        help_text=_("Vises på casen under 'Det virkede'."),
    )
    lessons_hard = models.TextField(
        _("det var svært"), blank=True,
        help_text=_("Vises på casen under 'Det var svært'."),
    )
    lessons_advice = models.TextField(
        _("vores råd til andre"), blank=True,
        help_text=_("Vises på casen under 'Vores råd til andre'."),
    )
    contact_role = models.CharField(
        _("kontakt (rolle)"), max_length=120, blank=True,
        help_text=_("Hvem man kan spørge om casen, fx 'Frivilligkonsulent i Ældreplejen'."),
    )
    contact_email = models.EmailField(
        _("kontakt-e-mail"), blank=True,
        help_text=_(
            "Vises på casen, så andre kan spørge. Brug en fælles adresse, ikke en persons."
        ),
    )
    tools = ParentalManyToManyField(
        "toolshare.ToolPage", blank=True, related_name="cases",
        verbose_name=_("digitale værktøjer brugt i samarbejdet"),
        help_text=_("Vises på casen med link til værktøjernes sider i værktøjskassen."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        DescribedImage.image_panel(_("Billede")),
        SharedWithSourceNote(),
        SharedWithSourcePanel(
            [InlinePanel("partners", label=_("partnere"), min_num=1)], heading=_("Partnere")
        ),
        FieldPanel("story"),
        SharedWithSourcePanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel([FieldPanel("funding_source"), FieldPanel("funding_amount")]),
                InlinePanel("grants", label=_("Finansiering")),
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
        SharedWithSourcePanel(
            [FieldPanel("tools")], heading=_("Digitale værktøjer brugt i samarbejdet")
        ),
        InlinePanel("documents", label=_("dokumenter")),
        MultiFieldPanel(
            [FieldPanel("contact_role"), SharedWithSourcePanel([FieldPanel("contact_email")])],
            heading=_("Kontakt"),
        ),
        SharedWithSourcePanel(KnowledgePage.tagging_panels, heading=_("Emner og sted")),
    ]
    search_fields = KnowledgePage.search_fields + [
        index.SearchField("story"),
        index.SearchField("lessons_worked"),
        index.SearchField("lessons_advice"),
    ]
    parent_page_types = ["organisations.OrganisationPage"]
    subpage_types = []
    # Its words (story, results, lessons, contact role) are its own.
    fields_shared_with_source = KnowledgePage.fields_shared_with_source + (
        "partners", "start_date", "end_date", "funding_source", "funding_amount", "grants",
        "tools", "contact_email",
    )

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
        # A translation's links are its Danish page's: partners, tools, grants, categories.
        context.update(case_links(context["source"]))
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
        help_text=_("Vises som partner på casen med link til organisationens side."),
    )
    role = models.CharField(
        _("rolle"), max_length=20, choices=PartnerRole.choices, default=PartnerRole.PARTNER,
        help_text=_("Vises ved organisationen: dens rolle i samarbejdet."),
    )

    panels = [FieldPanel("organisation"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partnere")


class CaseGrant(Orderable):
    """A grant that paid for (part of) a case: who gave it, from which call, how much, when.

    Shown on the case, on the call and on the funder's profile, and exported as
    360Giving data (``portal/cases/grants.py``).
    """

    case = ParentalKey(CasePage, on_delete=models.CASCADE, related_name="grants")
    funder = models.ForeignKey(
        "organisations.OrganisationPage", null=True, blank=True, on_delete=models.PROTECT,
        related_name="grants_given", verbose_name=_("bevillingsgiver på Bindeled"),
        help_text=_("Fonden eller kommunen, hvis den har en side på Bindeled."),
    )
    funder_name = models.CharField(
        _("bevillingsgiver (navn)"), max_length=200, blank=True,
        help_text=_("Kun hvis bevillingsgiveren ikke har en side på Bindeled."),
    )
    call = models.ForeignKey(
        "funding.FundingCallPage", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="grants", verbose_name=_("pulje"),
        help_text=_("Den støttepulje på Bindeled, bevillingen kom fra, hvis der er en."),
    )
    amount = models.PositiveIntegerField(
        _("beløb (kr.)"), validators=[MinValueValidator(1, _("Beløbet skal være mindst 1 kr."))],
        help_text=_("Det bevilgede beløb i hele kroner."),
    )
    start_date = models.DateField(
        _("bevilget fra"), help_text=_("Bevillingens start. Bruges også som bevillingsdato."),
    )
    end_date = models.DateField(_("bevilget til"), null=True, blank=True,
                                help_text=_("Tom = ikke oplyst."))

    panels = [
        FieldRowPanel([FieldPanel("funder"), FieldPanel("funder_name")]),
        FieldPanel("call"),
        FieldPanel("amount"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("bevilling")
        verbose_name_plural = _("bevillinger")

    def clean(self):
        super().clean()
        errors = {}
        has_funder, has_name = self.funder_id is not None, bool(self.funder_name.strip())
        if has_funder and has_name:
            errors["funder_name"] = _("Vælg bevillingsgiveren på Bindeled eller skriv dens "
                                      "navn – ikke begge dele.")
        elif not (has_funder or has_name):
            errors["funder"] = _("Vælg bevillingsgiveren på Bindeled eller skriv dens navn.")
        if self.call_id and self.funder_id and owner_of(self.call) != self.funder:
            errors["call"] = _("Puljen hører ikke til den valgte bevillingsgiver.")
        if self.call_id and has_name and not has_funder:
            errors["funder_name"] = _("En pulje på Bindeled har sin bevillingsgiver på Bindeled: "
                                      "vælg den i stedet for at skrive navnet.")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("Slutdatoen kan ikke ligge før startdatoen.")
        if errors:
            raise ValidationError(errors)

    @property
    def funder_title(self):
        return self.funder.title if self.funder_id else self.funder_name


class GuidePage(KnowledgePage):
    for_municipalities = models.BooleanField(
        _("til kommuner"), default=False,
        help_text=_("Vises på guiden og bruges i filteret: guiden er skrevet til kommuner."),
    )
    for_associations = models.BooleanField(
        _("til foreninger"), default=False,
        help_text=_("Vises på guiden og bruges i filteret: guiden er skrevet til foreninger."),
    )
    for_foundations = models.BooleanField(
        _("til fonde"), default=False,
        help_text=_("Vises på guiden og bruges i filteret: guiden er skrevet til fonde."),
    )
    introduction = StreamField(
        BodyBlock(), blank=True, verbose_name=_("indledning"),
        help_text=_("Vises på guiden før trinene."),
    )
    steps = StreamField(
        [("step", StepBlock())], verbose_name=_("trin"),
        help_text=_("Guidens trin, vist i rækkefølge som en nummereret liste."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        SharedWithSourceNote(),
        SharedWithSourcePanel(
            [FieldPanel("for_municipalities"), FieldPanel("for_associations"),
             FieldPanel("for_foundations")],
            heading=_("Hvem er vejledningen til"),
        ),
        DescribedImage.image_panel(_("Billede")),
        FieldPanel("introduction"),
        FieldPanel("steps"),
        InlinePanel("documents", label=_("materialer til download")),
        SharedWithSourcePanel(KnowledgePage.tagging_panels, heading=_("Emner og sted")),
    ]
    search_fields = KnowledgePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("steps"),
    ]
    parent_page_types = ["organisations.OrganisationPage"]
    subpage_types = []
    fields_shared_with_source = KnowledgePage.fields_shared_with_source + (
        "for_municipalities", "for_associations", "for_foundations",
    )

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
        context.update(guide_links(context["source"]))
        return context


class DocumentLink(Orderable):
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+",
        verbose_name=_("dokument"),
        help_text=_("Vises som link til download på siden."),
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
