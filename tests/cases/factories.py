"""Factories for the knowledge hub: cases, guides, tools and experiences."""

import datetime

import factory
import wagtail_factories
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from portal.cases.models import CaseDocument, CasePage, CasePartner, GuidePage, PartnerRole
from portal.toolshare.models import CostModel, Hosting, ToolCategory, ToolPage, ToolUsage
from tests.factories import many_to_many


class CasePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CasePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Samskabelse {n}")
    summary = "Forening og kommune samarbejder om besøgsvenner."
    story = wagtail_factories.StreamFieldFactory({})
    start_date = datetime.date(2019, 3, 1)
    lessons_worked = "Faste aftaler."

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        """tags={"themes": [...], "municipalities": [...], ...} are set after creation."""
        for name, values in (extracted or {}).items():
            getattr(self, name).set(values)
        if extracted:
            self.save()


class GuidePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GuidePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Vejledning {n}")
    summary = "Sådan kommer I i gang."
    for_municipalities = True
    steps = wagtail_factories.StreamFieldFactory({})

    tags = CasePageFactory.tags


class ToolPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ToolPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Værktøj {n}")
    summary = "Vagtplaner for frivillige."
    description = "<p>Frivillige booker selv vagter.</p>"
    maker = "Firma ApS"
    cost_model = CostModel.FREEMIUM
    hosting = Hosting.EU

    categories = many_to_many("categories")


def category(slug):
    return ToolCategory.objects.get(slug=slug)


def add_partner(case, organisation, role=PartnerRole.PARTNER):
    return CasePartner.objects.create(case=case, organisation=organisation, role=role)


def add_usage(tool, organisation, **fields):
    fields.setdefault("used_for", "vagtplaner")
    fields.setdefault("what_worked", "Let at komme i gang.")
    return ToolUsage.objects.create(tool=tool, organisation=organisation, **fields)


def add_document(case, title="Evaluering"):
    Document = get_document_model()
    document = Document.objects.create(
        title=title, file=ContentFile(b"kolonne;tal\n", name="evaluering.csv")
    )
    return CaseDocument.objects.create(page=case, document=document)
