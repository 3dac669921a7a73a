"""Organisation profiles: the partner directory, and each organisation's subtree."""

from django import forms
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Collection, Page
from wagtail.search import index

from portal.core.models import ListingPage
from portal.core.pictures import LOGO_SPECS, DescribedImage
from portal.core.slugs import DanishSlugMixin
from portal.core.translation_panels import SharedWithSourceNote, SharedWithSourcePanel
from portal.core.translations import TranslatedPageMixin
from portal.core.widgets import RegionCheckboxes

from .cvr import validate_cvr
from .images import OwnImagePageForm


class OrganisationKind(models.TextChoices):
    NGO = "ngo", _("Frivillig organisation")
    MUNICIPALITY = "municipality", _("Kommune")
    FOUNDATION = "foundation", _("Fond")
    OTHER = "other", _("Anden")


class OrganisationIndexPage(ListingPage):
    subpage_types = ["organisations.OrganisationPage"]

    class Meta:
        verbose_name = _("organisationsoversigt")

    def get_context(self, request, *args, **kwargs):
        # .filters reads this module's models: imported on use, or the app's modules
        # would import each other in a loop.
        from .filters import organisation_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(organisation_listing(request))
        return context


class OrganisationPage(TranslatedPageMixin, DanishSlugMixin, DescribedImage, Page):
    kind = models.CharField(
        _("type"), max_length=20, choices=OrganisationKind.choices,
        help_text=_(
            "Vises på organisationens side og bruges i filteret i oversigten over organisationer."
        ),
    )
    summary = models.CharField(
        _("kort beskrivelse"), max_length=250, help_text=_("Vises i oversigter og søgeresultater.")
    )
    description = RichTextField(
        _("beskrivelse"), features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Den længere præsentation på organisationens side."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("logo"),
        help_text=_(
            "Vises på organisationens side og i oversigten over organisationer. Vælg det fra "
            "organisationens egen samling."
        ),
    )
    municipalities = ParentalManyToManyField(
        "core.Municipality", blank=True, related_name="organisations",
        verbose_name=_("kommuner"), help_text=_("De kommuner, organisationen arbejder i."),
    )
    works_nationwide = models.BooleanField(
        _("arbejder i hele landet"), default=False,
        help_text=_("Sæt kryds, hvis organisationen skal findes i alle kommuner."),
    )
    themes = ParentalManyToManyField(
        "core.Theme", blank=True, related_name="organisations", verbose_name=_("temaer"),
        help_text=_("Vises som emner på organisationens side og bruges i filtrene."),
    )
    cvr = models.CharField(
        _("CVR-nummer"), max_length=8, blank=True, validators=[validate_cvr],
        help_text=_(
            "Organisationens CVR-nummer, som fonde og registre kender den på. Vises på "
            "organisationens side og i de åbne data."
        ),
    )
    website = models.URLField(
        _("hjemmeside"), blank=True,
        help_text=_("Vises som link på organisationens side."),
    )
    contact_name = models.CharField(
        _("kontakt (rolle)"), max_length=120, blank=True,
        help_text=_("En rolle, fx 'Frivilligkoordinator', ikke nødvendigvis et navn."),
    )
    contact_email = models.EmailField(
        _("offentlig e-mail"), blank=True,
        help_text=_(
            "Vises på organisationens side, så besøgende kan skrive. Brug en fælles adresse, ikke "
            "en persons."
        ),
    )
    contact_phone = models.CharField(
        _("offentligt telefonnummer"), max_length=30, blank=True,
        help_text=_("Vises på organisationens side. Brug et fælles nummer, ikke en persons."),
    )
    publishes_opportunities_directly = models.BooleanField(
        _("må selv udgive frivilligopgaver"), default=False,
        help_text=_(
            "Organisationens redaktører udgiver deres frivilligopgaver uden at vente på "
            "Redaktionens godkendelse. Cases, vejledninger og værktøjer godkendes stadig. "
            "Kun Redaktionen kan ændre det."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("description"),
        SharedWithSourceNote(
            content=_("Logo, fakta og kontaktoplysninger redigeres på den danske side.")
        ),
        MultiFieldPanel(
            [
                SharedWithSourcePanel([FieldPanel("logo")]),
                FieldPanel("image_alt"),
                FieldPanel("image_decorative"),
            ],
            heading=_("Logo"),
        ),
        SharedWithSourcePanel(
            [
                FieldPanel("kind"),
                FieldPanel("cvr"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Fakta"),
        ),
        SharedWithSourcePanel(
            [FieldPanel("municipalities", widget=RegionCheckboxes), FieldPanel("works_nationwide")],
            heading=_("Hvor"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                SharedWithSourcePanel([
                    FieldPanel("website"), FieldPanel("contact_email"), FieldPanel("contact_phone"),
                ]),
            ],
            heading=_("Kontakt"),
        ),
        # Shown to, and accepted from, moderators only: the form leaves the field out
        # for anyone without the permission, so an editor's POST cannot set it.
        SharedWithSourcePanel(
            [FieldPanel(
                "publishes_opportunities_directly", permission="organisations.trust_organisation"
            )],
            heading=_("Udgivelse"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.FilterField("kind"),
        index.RelatedFields("municipalities", [index.SearchField("name")]),
        index.RelatedFields("themes", [index.SearchField("name")]),
    ]
    parent_page_types = ["organisations.OrganisationIndexPage"]
    image_field = "logo"
    # The page shows its logo: read with the page when routing finds it.
    routed_with = ("logo",)
    image_specs = LOGO_SPECS
    base_form_class = OwnImagePageForm
    # What an English translation reads from its Danish page (``source_page``): it is
    # the same organisation, so only its words are its own. Moderation reads the trust
    # from the Danish page too (``portal.editorial.models``).
    fields_shared_with_source = (
        "kind", "logo", "municipalities", "works_nationwide", "themes", "cvr", "website",
        "contact_email", "contact_phone", "publishes_opportunities_directly",
    )
    # Left open on purpose: each content app's page type names this page in its own
    # ``parent_page_types``, so organisations need not know every content app.

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")
        permissions = [
            ("trust_organisation", _("Kan lade en organisation selv udgive frivilligopgaver")),
        ]

    def clean(self):
        super().clean()
        if self.cvr:
            # Its translation is the same organisation, with the same number.
            taken = (
                OrganisationPage.objects.exclude(translation_key=self.translation_key)
                .filter(cvr=self.cvr)
                .first()
            )
            if taken:
                raise ValidationError({"cvr": _(
                    "CVR-nummeret er allerede brugt af %(organisation)s. En organisation har "
                    "én profil på Bindeled."
                ) % {"organisation": taken.title}})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A translation is the same organisation: its facts are read from the Danish page.
        source = self.source_page
        context["source"] = source
        context["municipality_list"] = source.municipalities.all()
        context["theme_list"] = source.themes.all()
        return context


def owner_of(page):
    """The organisation that publishes ``page``: the nearest organisation above it."""
    return owners_of([page]).get(page.pk) if page.path else None


def owners_of(pages):
    """``{page id: OrganisationPage}`` for the pages below an organisation; one query.

    The page tree is the ownership: an organisation's content lives below its
    page, at any depth.
    """
    steplen = Page.steplen
    ancestors = {
        page.path[:end] for page in pages for end in range(steplen, len(page.path), steplen)
    }
    if not ancestors:
        return {}
    organisations = {
        organisation.path: organisation
        for organisation in OrganisationPage.objects.filter(path__in=ancestors)
    }
    found = {}
    for page in pages:
        for end in range(len(page.path) - steplen, 0, -steplen):
            if page.path[:end] in organisations:
                found[page.pk] = organisations[page.path[:end]]
                break
    return found


class OrganisationAccess(models.Model):
    """The groups and collection an organisation's people work through.

    Kept outside the page so that page revisions never carry (or roll back) them.
    """

    organisation = models.OneToOneField(
        OrganisationPage, on_delete=models.CASCADE, related_name="access"
    )
    editors = models.OneToOneField(Group, on_delete=models.PROTECT, related_name="+")
    coordinators = models.OneToOneField(Group, on_delete=models.PROTECT, related_name="+")
    collection = models.OneToOneField(Collection, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("organisationsadgang")
        verbose_name_plural = _("organisationsadgange")

    def __str__(self):
        return str(self.organisation)
