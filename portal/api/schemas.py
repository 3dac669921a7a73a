"""The shapes the API answers with; the OpenAPI document is made from them.

Only what a page already shows every visitor. Left out on purpose: contact
people, e-mail addresses and telephone numbers (a profile shows them, but a
bulk export would hand them to anyone harvesting addresses), bookings and
anything of ``portal.matching``, and editorial settings.
"""

import datetime
from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from ninja import Field, Schema


class Term(Schema):
    slug: str
    name: str = Field(description="Navnet på dansk")
    name_en: str = Field(
        description="Navnet på engelsk; det danske, hvor der ikke er et engelsk (fx kommuner, "
        "hvis navne er egennavne)"
    )


class Municipality(Term):
    code: int
    region: str = Field(description=_("Regionens slug"))


class Region(Term):
    code: int


class Choice(Schema):
    value: str
    name: str


class OrganisationRef(Schema):
    id: int
    name: str
    url: str
    identifier: str = Field(
        description=_("DK-CVR-<cvr> når organisationen har oplyst CVR-nummer, ellers Bindeleds "
                      "eget")
    )
    cvr: str | None = Field(description=_("CVR-nummeret, når organisationen har oplyst det"))


class Shift(Schema):
    id: int
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    place: str
    capacity: int
    places_left: int


class Opportunity(Schema):
    id: int
    title: str
    url: str
    summary: str
    organisation: OrganisationRef | None
    commitment: Choice
    municipalities: list[Term]
    regions: list[Term]
    activities: list[Term]
    target_groups: list[Term]
    is_online: bool
    place: str
    hours: Decimal | None
    hours_per: str
    start_date: datetime.date | None
    end_date: datetime.date | None
    application_deadline: datetime.date | None
    requires_child_certificate: bool
    minimum_age: int | None
    languages: str
    english_speakers_welcome: bool = Field(description="Engelsktalende frivillige er velkomne")
    volunteers_needed: int | None
    published_at: datetime.datetime | None
    last_published_at: datetime.datetime | None
    shifts: list[Shift] = Field(description=_("Kommende vagter med ledige pladser"))
    jsonld: str = Field(description=_("Opgaven som JSON-LD efter ODI's Volunteering Data Standard"))


class OpportunityList(Schema):
    count: int = Field(description=_("Antal opgaver, der passer til filtrene"))
    next: str | None = Field(description=_("Adressen på næste side; null på den sidste"))
    notices: list[str] = Field(description=_("Fx at fritekstsøgningen søgte i titler og resuméer"))
    results: list[Opportunity]


class Organisation(Schema):
    id: int
    name: str
    url: str
    identifier: str
    cvr: str | None
    kind: Choice
    summary: str
    website: str
    municipalities: list[Term]
    works_nationwide: bool
    themes: list[Term]
    jsonld: str


class OrganisationList(Schema):
    count: int
    next: str | None
    results: list[Organisation]


class Knowledge(Schema):
    id: int
    title: str
    url: str
    summary: str
    organisation: OrganisationRef | None
    themes: list[Term]
    municipalities: list[Term]
    target_groups: list[Term]
    activities: list[Term]
    first_published_at: datetime.datetime | None
    last_published_at: datetime.datetime | None


class Case(Knowledge):
    start_date: datetime.date
    end_date: datetime.date | None
    funding_source: str
    funding_amount: int | None
    lessons_worked: str
    lessons_hard: str
    lessons_advice: str


class Guide(Knowledge):
    for_municipalities: bool
    for_associations: bool
    for_foundations: bool


class Tool(Schema):
    id: int
    title: str
    url: str
    summary: str
    categories: list[Term]
    maker: str
    website: str
    cost_model: Choice
    price_note: str
    open_source: bool
    licence: str
    hosting: Choice
    data_processing_agreement: bool
    danish_interface: bool
    accessibility_statement: str
    integrations: str
    first_published_at: datetime.datetime | None
    last_published_at: datetime.datetime | None


class CaseList(Schema):
    count: int
    next: str | None
    results: list[Case]


class GuideList(Schema):
    count: int
    next: str | None
    results: list[Guide]


class ToolList(Schema):
    count: int
    next: str | None
    results: list[Tool]


class Error(Schema):
    detail: str
