"""Facets and result details, read from the pages' own taxonomy relations.

No list of page types lives here: any page type with a many-to-many field to
a municipality, theme or activity takes part, found by introspecting the
taxonomy's reverse relations. Every function costs a fixed number of queries,
whatever the number of results or page types.
"""

import operator
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache, reduce

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from portal.core.models import Activity, Municipality, Theme, name_in_active_language
from portal.core.queries import ids_parameter

SUMMARY_WORDS = 40
OPTIONS_SHOWN = 15


@dataclass(frozen=True)
class Link:
    """One page type's many-to-many table to a taxonomy."""

    through: type
    page_attname: str
    term_name: str
    page_model: type


@cache
def taxonomy_links(taxonomy):
    links = []
    for rel in taxonomy._meta.related_objects:
        if rel.many_to_many and issubclass(rel.related_model, Page):
            m2m = rel.field
            through = m2m.remote_field.through
            links.append(
                Link(
                    through,
                    through._meta.get_field(m2m.m2m_field_name()).attname,
                    m2m.m2m_reverse_field_name(),
                    rel.related_model,
                )
            )
    return tuple(links)


def term_rows(taxonomy, pages, fields):
    """``(page_id, *term fields)`` for ``pages`` (with ``id`` and
    ``content_type_id``), in at most one query.

    Only the tables of the page types among ``pages`` are read: a search for
    opportunities does not look for them among the cases' themes.
    """
    models = {ContentType.objects.get_for_id(content_type_id).model_class()
              for content_type_id in {page.content_type_id for page in pages}}
    ids = [page.id for page in pages]
    queries = [
        link.through.objects.filter(**{f"{link.page_attname}__in": ids_parameter(ids)}).values_list(
            link.page_attname, *(f"{link.term_name}__{name}" for name in fields)
        )
        for link in taxonomy_links(taxonomy)
        if any(model and issubclass(model, link.page_model) for model in models)
    ]
    if not queries:
        return []
    first, *rest = queries
    return list(first.union(*rest, all=True) if rest else first)


def pages_tagged(taxonomy, broad=False, **lookup):
    """A filter for pages of any type tagged with a term matching ``lookup``.

    Expressed on ``id`` (a FilterField of every page) so that every search
    backend can apply it, in the shape PostgreSQL plans best for the share of
    pages the filter keeps:

    - Selective (a municipality, a theme, an activity: a few per cent): one
      ``IN`` over a UNION of the page types' tables. PostgreSQL estimates it
      from the tables' statistics and starts from those pages; an OR of one
      ``IN`` per table was estimated to keep 88 % (1,500 of 100,000 came) and
      read every page (twice as long for a search at 100,000).
    - ``broad`` (a region: 20–40 %): that OR. PostgreSQL then walks the pages,
      newest first, testing each against a hashed set, instead of joining the
      UNION's 40,000 rows first (about half the time).
    """
    queries = [
        link.through.objects.filter(
            **{f"{link.term_name}__{key}": value for key, value in lookup.items()}
        ).values_list(link.page_attname, flat=True)
        for link in taxonomy_links(taxonomy)
    ]
    if not queries:
        return Q(id__in=[])
    if broad:
        return reduce(operator.or_, (Q(id__in=query) for query in queries))
    first, *rest = queries
    return Q(id__in=first.union(*rest, all=True) if rest else first)


@dataclass(frozen=True)
class TaxonomyFacet:
    param: str
    label: str
    taxonomy: type
    # The term's fields: slug and name of the value counted (the term itself,
    # or its region for the region facet).
    slug_field: str = "slug"
    name_field: str = "name"
    # Its English name, shown to a visitor reading English where it is filled
    # in; None for a municipality, whose name is the same in English.
    english_field: str | None = "name_en"
    # Whether one value keeps a large share of all pages (see ``pages_tagged``).
    broad: bool = False


TAXONOMY_FACETS = (
    TaxonomyFacet("region", _("Region"), Municipality, "region__slug", "region__name",
                  "region__name_en", broad=True),
    TaxonomyFacet("kommune", _("Kommune"), Municipality, english_field=None),
    TaxonomyFacet("tema", _("Tema"), Theme),
    TaxonomyFacet("aktivitet", _("Aktivitet"), Activity),
)
TYPE_PARAM = "type"


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class FacetGroup:
    param: str
    label: str
    options: list = field(default_factory=list)
    selected: Option | None = None


def page_type_key(content_type):
    return f"{content_type.app_label}.{content_type.model}"


def selected_content_type(value):
    app_label, _dot, model = (value or "").partition(".")
    if not (app_label and model):
        return None
    content_type = ContentType.objects.filter(app_label=app_label, model=model).first()
    model_class = content_type.model_class() if content_type else None
    return content_type if model_class and issubclass(model_class, Page) else None


def read_selection(params):
    """The facet values a request asks for; unknown parameters are ignored."""
    selection = {}
    content_type = selected_content_type(params.get(TYPE_PARAM))
    if content_type:
        selection[TYPE_PARAM] = page_type_key(content_type)
    for facet in TAXONOMY_FACETS:
        value = (params.get(facet.param) or "").strip()[:80]
        if value:
            selection[facet.param] = value
    return selection


def apply_selection(queryset, selection):
    if TYPE_PARAM in selection:
        queryset = queryset.filter(content_type=selected_content_type(selection[TYPE_PARAM]))
    for facet in TAXONOMY_FACETS:
        if facet.param in selection:
            queryset = queryset.filter(pages_tagged(
                facet.taxonomy, facet.broad, **{facet.slug_field: selection[facet.param]}
            ))
    return queryset


def _group(param, label, counts, names, chosen):
    options = [
        Option(value, names[value], count, selected=value == chosen)
        for value, count in counts.most_common()
    ]
    options.sort(key=lambda option: (-option.count, option.label))
    group = FacetGroup(param, label, options[:OPTIONS_SHOWN])
    group.selected = next((option for option in options if option.selected), None)
    if group.selected and group.selected not in group.options:
        group.options.append(group.selected)
    return group


def _fields_of(taxonomy):
    """The term fields every facet over ``taxonomy`` needs, fetched together."""
    fields = []
    for facet in TAXONOMY_FACETS:
        if facet.taxonomy is taxonomy:
            wanted = (facet.slug_field, facet.name_field, facet.english_field)
            fields += [name for name in wanted if name and name not in fields]
    return fields


def _name_reader(fields, facet):
    """A function giving a term row's name in the visitor's language."""
    name_at = fields.index(facet.name_field) + 1
    if facet.english_field is None:
        return lambda row: row[name_at]
    english_at = fields.index(facet.english_field) + 1
    return lambda row: name_in_active_language(row[name_at], row[english_at])


def type_label(content_type_id):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return str(model._meta.verbose_name).capitalize() if model else ""


def build_facets(candidates, selection):
    """Facet groups with counts over ``candidates`` (pages with ``id`` and
    ``content_type_id``): the content type, then each taxonomy facet."""
    types = Counter(page.content_type_id for page in candidates)
    type_counts, type_names = Counter(), {}
    for content_type_id, count in types.items():
        content_type = ContentType.objects.get_for_id(content_type_id)
        key = page_type_key(content_type)
        type_counts[key] = count
        type_names[key] = type_label(content_type_id)
    groups = [_group(TYPE_PARAM, _("Type"), type_counts, type_names, selection.get(TYPE_PARAM))]

    rows_by_taxonomy = {}
    for facet in TAXONOMY_FACETS:
        fields = _fields_of(facet.taxonomy)
        if facet.taxonomy not in rows_by_taxonomy:
            rows_by_taxonomy[facet.taxonomy] = term_rows(facet.taxonomy, candidates, fields)
        rows = rows_by_taxonomy[facet.taxonomy]
        slug_at = fields.index(facet.slug_field) + 1
        name_of = _name_reader(fields, facet)
        # A page counts once per value, even when several of its terms share it
        # (two municipalities in the same region).
        pairs = {(row[0], row[slug_at]) for row in rows if row[slug_at]}
        counts = Counter(slug for _page, slug in pairs)
        names = {row[slug_at]: name_of(row) for row in rows}
        groups.append(_group(facet.param, facet.label, counts, names, selection.get(facet.param)))
    return [group for group in groups if group.options]


def summary_of(page):
    """The text a result shows under its title: the page's own summary where it
    has one, else its search description or introduction."""
    for name in ("summary", "search_description", "intro", "lead"):
        text = strip_tags(str(getattr(page, name, "") or "")).strip()
        if text:
            return Truncator(text).words(SUMMARY_WORDS)
    return ""


def municipalities_of(pages):
    """``{page id: [municipality names]}``, one query."""
    names = defaultdict(list)
    for page_id, name in sorted(term_rows(Municipality, pages, ["name"])):
        names[page_id].append(name)
    return names
