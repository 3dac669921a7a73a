"""The machinery every filtered public listing shares: facets with counts, the
text filter, paging and the query string.

A listing declares its filters in its app's ``filters.py`` as a
:class:`FacetedFilterSet`: a :class:`FacetFilter` per facet (its options
from :func:`fixed_options`, :func:`related_options` or
:func:`choice_options`) and a :class:`FreeTextFilter`; its page's
``get_context`` adds :func:`listing_context`. OR within a facet, AND between
facets, a count beside every choice, and parameters that do not make sense
are dropped with a message instead of an error. All facets are counted in
one query however many choices they have, so a listing costs the same number
of queries whatever is stored or shown.

The opportunity listing counts from an in-memory index instead (it is the
one listing that must stay fast at 100,000 items: see
``portal/opportunities/facet_index.py``), but its free text is the same
:class:`~portal.core.text_search.TextCondition`.
"""

import hashlib
from dataclasses import dataclass
from functools import cached_property, reduce
from operator import and_, or_
from urllib.parse import urlencode

import django_filters
from django import forms
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .models import in_name_order
from .page_cache import kept_for_generation
from .text_search import MAX_QUERY_LENGTH, TextCondition
from .translations import show_in_language

# Kept options and counts outlive no change (they are per generation); this
# only bounds how long an unvisited filter state stays in the cache.
LISTING_SECONDS = 60 * 60
FALLBACK_NOTICE = _(
    "Fritekstsøgningen er midlertidigt utilgængelig; vi har kun søgt i titler og resuméer."
)


@dataclass
class Option:
    value: str
    label: str
    q: Q


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Unknown values are dropped and remembered instead of failing the whole facet."""

    ignored = ()

    def clean(self, value):
        values = self.to_python(value)
        self.ignored = [item for item in values if not self.valid_value(item)]
        return [item for item in dict.fromkeys(values) if self.valid_value(item)]


class FacetFilter(django_filters.MultipleChoiceFilter):
    """A multiple choice where each choice stands for a condition on the page.

    ``options`` is called with the unfiltered queryset and returns the
    choices, so a facet can offer only what the stored pages actually use.
    """

    field_class = LenientMultipleChoiceField

    def __init__(self, *args, options, **kwargs):
        self.options_for = options
        self.options = []
        super().__init__(*args, **kwargs)

    def use(self, options):
        self.options = options
        self.extra["choices"] = [(option.value, option.label) for option in self.options]

    def condition(self, values):
        chosen = set(values)
        return reduce(or_, (option.q for option in self.options if option.value in chosen))

    def matching(self, model, values):
        """The pages with any of ``values``, as a subquery: a join would repeat a
        page once per related row, and two facets over one relation (region and
        municipality) would need the same row."""
        return Q(pk__in=model._default_manager.filter(self.condition(values)).values("pk"))

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(self.matching(qs.model, value))


def fixed_options(*options):
    """Options known in advance: (value, label, Q) triples."""
    return lambda queryset: [Option(*option) for option in options]


def related_options(model, lookup):
    """One option per related object (by slug) that the stored pages use, named in the
    visitor's language."""

    def options(queryset):
        used = model._default_manager.filter(pk__in=queryset.values(lookup))
        found = [Option(item.slug, item.localized_name, Q(**{lookup: item.pk})) for item in used]
        return in_name_order(found, lambda option: option.label)

    return options


def choice_options(field, choices):
    """One option per value of a field with ``choices``."""
    return fixed_options(*((value, label, Q(**{field: value})) for value, label in choices))


class FreeTextFilter(django_filters.CharFilter):
    """The visitor's words, searched in the listed model's search index.

    ``fallback_fields`` are matched word by word when the search backend
    fails; the filter set then says so (``text_notices``).
    """

    def __init__(self, *args, fallback_fields, **kwargs):
        kwargs.setdefault("max_length", MAX_QUERY_LENGTH)
        kwargs.setdefault("label", _("Søg"))
        self.fallback_fields = fallback_fields
        self.search = None
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        if self.search is None:
            self.search = TextCondition(qs.model, value, self.fallback_fields)
        return qs.filter(self.search.condition)


class FacetedFilterSet(django_filters.FilterSet):
    """Its options, and its counts where no free text is used, are kept per
    generation of the page cache (``portal.core.page_cache``): any publish,
    move or taxonomy change starts a new one, so they never outlive the pages
    they count, and a repeat of a listing costs no query for its facets."""

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        facets = self.facet_filters()
        options = self._kept("options", lambda: {
            name: facet.options_for(self.queryset) for name, facet in facets.items()})
        for name, facet in facets.items():
            facet.use(options[name])

    def _kept(self, what, make, *parts):
        """``make()``, kept for this listing, the visitor's language, the day and ``parts``."""
        key = hashlib.md5(  # noqa: S324 - a cache key, not a secret
            "|".join([self._listing, get_language() or "", str(timezone.localdate()),
                      *map(str, parts)]).encode()
        ).hexdigest()
        return kept_for_generation(f"listings:{what}:{key}:", LISTING_SECONDS, make,
                                   hold=False)

    @cached_property
    def _listing(self):
        # The SQL is compiled once per request, for the options and the counts.
        return f"{type(self).__qualname__}|{self.queryset.query}"

    def facet_filters(self):
        return {name: f for name, f in self.filters.items() if isinstance(f, FacetFilter)}

    @property
    def chosen(self):
        """The cleaned value of each filter, ignoring what could not be used."""
        if not hasattr(self, "_chosen"):
            self.form.is_valid()
            self._chosen = {
                name: self.form.cleaned_data.get(name) for name in self.filters
                if name in self.form.cleaned_data
            }
        return self._chosen

    def filter_queryset(self, queryset, skip=()):
        for name, value in self.chosen.items():
            if name not in skip:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    @property
    def qs(self):
        if not hasattr(self, "_qs"):
            self._qs = self.filter_queryset(self.queryset.all())
        return self._qs

    def text_notices(self):
        """What the listing says when its text search had to make do with less."""
        searches = (f.search for f in self.filters.values() if isinstance(f, FreeTextFilter))
        return [FALLBACK_NOTICE for search in searches if search and not search.exact]

    def ignored_labels(self):
        """The labels of filters that had values we could not use."""
        labels = []
        for name, field in self.form.fields.items():
            if name in self.form.errors or getattr(field, "ignored", ()):
                labels.append(str(field.label))
        return labels

    def facets(self):
        """Each facet with its choices, a count each and whether it is chosen."""
        self.chosen  # noqa: B018 - validates the form, which records ignored values
        texts = [name for name, f in self.filters.items() if isinstance(f, FreeTextFilter)]
        if any(self.chosen.get(name) for name in texts):
            # A text search may fall back to fewer fields for a while: not kept.
            all_counts = self._counts()
        else:
            all_counts = self._kept("counts", self._counts, sorted(self.chosen.items()))
        result = []
        for name, facet in self.facet_filters().items():
            chosen = set(self.chosen.get(name) or ())
            counts = all_counts[name]
            result.append({
                "name": name,
                "label": facet.label,
                "choices": [
                    {
                        "value": option.value,
                        "label": option.label,
                        "count": counts.get(f"c{number}", 0),
                        "checked": option.value in chosen,
                        "id": f"filter-{name}-{number}",
                    }
                    for number, option in enumerate(facet.options)
                ],
                "chosen_count": len(chosen),
            })
        return result

    def _counts(self):
        """Per facet, how many pages each option gives with the other facets' choices.

        One query for all facets: each option's count is filtered by its own
        condition and by the choices in the other facets (``FacetFilter.matching``).
        """
        facets = self.facet_filters()
        model = self.queryset.model
        chosen = {name: facets[name].matching(model, values)
                  for name, values in self.chosen.items() if name in facets and values}
        aggregates, places = {}, {}
        for name, facet in facets.items():
            others = [condition for other, condition in chosen.items() if other != name]
            for number, option in enumerate(facet.options):
                alias = f"c{len(aggregates)}"
                places[alias] = (name, f"c{number}")
                aggregates[alias] = Count("pk", filter=reduce(and_, others, option.q),
                                          distinct=True)
        counts = {name: {} for name in facets}
        if aggregates:
            unfaceted = self.filter_queryset(self.queryset.all(), skip=set(facets))
            found = model._default_manager.filter(pk__in=unfaceted.values("pk")).aggregate(
                **aggregates)
            for alias, (name, option) in places.items():
                counts[name][option] = found[alias]
        return counts


def listing_context(request, filterset, per_page, prepare=None):
    """What every filtered listing template needs: facets, a page of results, messages.

    ``prepare`` orders the filtered queryset and adds what the cards need
    (select_related, prefetch_related, annotations).
    """
    results = prepare(filterset.qs) if prepare else filterset.qs
    paginator = Paginator(results, per_page)
    page_obj = paginator.get_page(request.GET.get("page"))
    params = [(key, value) for key, value in request.GET.lists() if key != "page"]
    querystring = urlencode([(key, item) for key, values in params for item in values])
    return {
        "filterset": filterset,
        "facets": filterset.facets(),
        "search_value": filterset.chosen.get("q") or "",
        "ignored_filters": filterset.ignored_labels(),
        "text_notices": filterset.text_notices(),
        "page_obj": page_obj,
        "results": show_in_language(page_obj.object_list, request),
        "result_count": paginator.count,
        "querystring_without_page": querystring,
        "is_filtered": any(filterset.chosen.values()),
    }
