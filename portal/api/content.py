"""/api/v1/organisations/, cases/, guides/, tools/: published, public pages, newest first.

Every list is live and unrestricted (``portal.core.privacy``): a draft, an
unpublished page or one behind a view restriction (or below one) is never
listed, and its own address is a 404. Each list reads a fixed number of
queries: the page of rows, then one per many-to-many field
(``prefetch_related``) and one for the owners.
"""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema

from portal.cases.grants import organisation_identifier
from portal.cases.models import CasePage, GuidePage
from portal.core.privacy import unrestricted
from portal.core.translations import in_default_locale
from portal.organisations.models import OrganisationPage, owners_of
from portal.toolshare.models import ToolPage

from . import documents, records, schemas, volunteering
from .paging import DEFAULT_LIMIT, MAX_LIMIT, keyset_page, next_url, reject_unknown

router = Router()


class Page(Schema):
    cursor: str | None = Field(None, description=_("Fra “next” på forrige side"))
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=_("Antal pr. side"))


def terms(related):
    return [{"slug": item.slug, "name": item.name,
             "name_en": getattr(item, "name_en", "") or item.name} for item in related.all()]


def choice(page, field):
    return {"value": getattr(page, field), "name": str(getattr(page, f"get_{field}_display")())}


def listed(request, queryset, paging, record):
    reject_unknown(request, Page.model_fields)
    rows, cursor = keyset_page(queryset, paging.cursor, paging.limit)
    return {"count": queryset.count(), "next": next_url(request, cursor) if cursor else None,
            "results": record(request, rows)}


# --- Organisations ----------------------------------------------------------------

def organisations():
    return in_default_locale(unrestricted(OrganisationPage.objects.live()))


def organisation_records(request, rows):
    return [{
        "id": page.pk, "name": page.title, "url": page.get_full_url(request),
        "identifier": organisation_identifier(page),
        "cvr": page.cvr or None, "kind": choice(page, "kind"), "summary": page.summary,
        "website": page.website, "municipalities": terms(page.municipalities),
        "works_nationwide": page.works_nationwide, "themes": terms(page.themes),
        "jsonld": request.build_absolute_uri(
            reverse("api_v1:organisation_jsonld", kwargs={"pk": page.pk})),
    } for page in rows]


@router.get("/organisations/", response=schemas.OrganisationList, url_name="organisations",
            tags=[_("Organisationer")],
            description=_("Udgivne organisationer, nyeste først. Kontaktoplysninger er ikke med."))
def organisation_list(request, paging: Query[Page]):
    return listed(request, organisations().prefetch_related("municipalities", "themes"),
                  paging, organisation_records)


@router.get("/organisations/{int:pk}/", response=schemas.Organisation,
            url_name="organisation", tags=[_("Organisationer")],
            description=_("Én udgiven organisation."))
def organisation_detail(request, pk: int):
    reject_unknown(request, ())
    found = get_object_or_404(organisations().prefetch_related("municipalities", "themes"), pk=pk)
    return organisation_records(request, [found])[0]


@router.get("/organisations/{int:pk}.jsonld", url_name="organisation_jsonld",
            tags=[_("Organisationer")],
            openapi_extra={"responses": {200: {
                "description": "Organisation → Activity → Role/Session (ODI Volunteering Data)",
                "content": {volunteering.MEDIA_TYPE: {}}}}},
            description=_("Organisationen og dens åbne frivilligopgaver som JSON-LD (ODI "
                          "Volunteering Data)."))
def organisation_jsonld(request, pk: int):
    reject_unknown(request, ())
    page = get_object_or_404(organisations(), pk=pk)
    return volunteering.response(documents.organisation_document(request, page))


# --- Cases and guides -----------------------------------------------------------

KNOWLEDGE_RELATIONS = ("themes", "municipalities", "target_groups", "activities")


def knowledge(model):
    return (in_default_locale(unrestricted(model.objects.live()))
            .prefetch_related(*KNOWLEDGE_RELATIONS))


def knowledge_record(request, page, owner):
    return {
        "id": page.pk, "title": page.title, "url": page.get_full_url(request),
        "summary": page.summary, "organisation": records.organisation_ref(owner, request),
        **{name: terms(getattr(page, name)) for name in KNOWLEDGE_RELATIONS},
        "first_published_at": page.first_published_at,
        "last_published_at": page.last_published_at,
    }


def case_records(request, rows):
    owners = owners_of(rows)
    return [{
        **knowledge_record(request, page, owners.get(page.pk)),
        "start_date": page.start_date, "end_date": page.end_date,
        "funding_source": page.funding_source, "funding_amount": page.funding_amount,
        "lessons_worked": page.lessons_worked, "lessons_hard": page.lessons_hard,
        "lessons_advice": page.lessons_advice,
    } for page in rows]


def guide_records(request, rows):
    owners = owners_of(rows)
    return [{
        **knowledge_record(request, page, owners.get(page.pk)),
        "for_municipalities": page.for_municipalities,
        "for_associations": page.for_associations, "for_foundations": page.for_foundations,
    } for page in rows]


@router.get("/cases/", response=schemas.CaseList, url_name="cases", tags=[_("Erfaringer")],
            description=_("Udgivne samskabelsescases, nyeste først. Kontaktperson og e-mail er "
                          "ikke med."))
def case_list(request, paging: Query[Page]):
    return listed(request, knowledge(CasePage), paging, case_records)


@router.get("/cases/{int:pk}/", response=schemas.Case, url_name="case", tags=[_("Erfaringer")])
def case_detail(request, pk: int):
    reject_unknown(request, ())
    return case_records(request, [get_object_or_404(knowledge(CasePage), pk=pk)])[0]


@router.get("/guides/", response=schemas.GuideList, url_name="guides", tags=[_("Erfaringer")],
            description=_("Udgivne vejledninger, nyeste først."))
def guide_list(request, paging: Query[Page]):
    return listed(request, knowledge(GuidePage), paging, guide_records)


@router.get("/guides/{int:pk}/", response=schemas.Guide, url_name="guide", tags=[_("Erfaringer")])
def guide_detail(request, pk: int):
    reject_unknown(request, ())
    return guide_records(request, [get_object_or_404(knowledge(GuidePage), pk=pk)])[0]


# --- Tools --------------------------------------------------------------------------

def tools():
    return in_default_locale(unrestricted(ToolPage.objects.live())).prefetch_related("categories")


def tool_records(request, rows):
    return [{
        "id": page.pk, "title": page.title, "url": page.get_full_url(request),
        "summary": page.summary, "categories": terms(page.categories), "maker": page.maker,
        "website": page.website, "cost_model": choice(page, "cost_model"),
        "price_note": page.price_note, "open_source": page.open_source,
        "licence": page.licence, "hosting": choice(page, "hosting"),
        "data_processing_agreement": page.data_processing_agreement,
        "danish_interface": page.danish_interface,
        "accessibility_statement": page.accessibility_statement,
        "integrations": page.integrations, "first_published_at": page.first_published_at,
        "last_published_at": page.last_published_at,
    } for page in rows]


@router.get("/tools/", response=schemas.ToolList, url_name="tools", tags=[_("Værktøjer")],
            description=_("Udgivne digitale værktøjer, nyeste først."))
def tool_list(request, paging: Query[Page]):
    return listed(request, tools(), paging, tool_records)


@router.get("/tools/{int:pk}/", response=schemas.Tool, url_name="tool", tags=[_("Værktøjer")])
def tool_detail(request, pk: int):
    reject_unknown(request, ())
    return tool_records(request, [get_object_or_404(tools(), pk=pk)])[0]

