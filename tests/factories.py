"""Factories for the foundation: taxonomies, the page tree, organisations.

The seeded taxonomies (regions, municipalities, activities…) come from the
migrations, so factories pick from them rather than invent new ones.
"""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Site

from portal.cases.models import CaseIndexPage
from portal.core.models import Activity, TargetGroup, Theme
from portal.home.models import HomePage, StandardPage
from portal.opportunities.models import OpportunityIndexPage
from portal.organisations.models import OrganisationIndexPage, OrganisationKind, OrganisationPage
from portal.toolshare.models import ToolIndexPage


def many_to_many(field_name):
    """A hook that sets a page's many-to-many field from ``Factory(field=[…])``."""

    @factory.post_generation
    def set_values(obj, create, extracted, **kwargs):
        if extracted:
            getattr(obj, field_name).set(extracted)
            obj.save()

    return set_values


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"bruger{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("kodeord-til-test")


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Aktivitet {n}")
    slug = factory.Sequence(lambda n: f"aktivitet-{n}")


class TargetGroupFactory(ActivityFactory):
    class Meta:
        model = TargetGroup
        django_get_or_create = ("slug",)


class ThemeFactory(ActivityFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Side {n}")
    intro = "En side med almindeligt indhold."


class OrganisationIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = OrganisationIndexPage

    title = "Organisationer"
    slug = "organisationer"


class OpportunityIndexPageFactory(OrganisationIndexPageFactory):
    class Meta:
        model = OpportunityIndexPage

    title = "Frivilligopgaver"
    slug = "frivilligopgaver"


class CaseIndexPageFactory(OrganisationIndexPageFactory):
    class Meta:
        model = CaseIndexPage

    title = "Erfaringer"
    slug = "erfaringer"


class ToolIndexPageFactory(OrganisationIndexPageFactory):
    class Meta:
        model = ToolIndexPage

    title = "Digitale værktøjer"
    slug = "vaerktoejer"


class OrganisationPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = OrganisationPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Forening {n}")
    kind = OrganisationKind.NGO
    summary = "En forening med frivillige besøgsvenner."
    description = "<p>Vi matcher ensomme ældre med besøgsvenner.</p>"

    municipalities = many_to_many("municipalities")
    themes = many_to_many("themes")


def home_page():
    """The home page the migrations create."""
    return HomePage.objects.get()


def organisation_page(title="Besøgsvennerne"):
    """An organisation page under a new organisation index below the home page."""
    index = OrganisationIndexPageFactory(parent=home_page())
    return OrganisationPageFactory(parent=index, title=title)


def translate_page(page, publish=True, publish_parents=False, **fields):
    """``page``'s English translation as Wagtail's copy makes it, with ``fields`` set.

    Parents nobody has translated are copied too, as drafts; ``publish_parents``
    publishes them, as an editor would, so the English tree is live above it.
    """
    translated = page.specific.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True)
    for name, value in fields.items():
        setattr(translated, name, value)
    revision = translated.save_revision()
    if publish:
        revision.publish()
    if publish_parents:
        for parent in translated.get_ancestors().filter(depth__gt=1, live=False).specific():
            parent.save_revision().publish()
        Site.clear_site_root_paths_cache()
    return type(translated).objects.get(pk=translated.pk)
