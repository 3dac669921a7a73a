"""The listing's filters, read from the query string so every result is a shareable link.

Parameter names are Danish because they are part of the public addresses
(``/frivilligopgaver/?kommune=aalborg&type=ad_hoc``). Within one filter the
chosen values are OR-ed, between filters AND-ed. Unknown values are dropped
with a notice instead of failing the whole request.
"""

import django_filters
from django import forms
from django.core.cache import cache
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from portal.core.listings import FALLBACK_NOTICE
from portal.core.models import Activity, Municipality, Region, TargetGroup, name_in_active_language
from portal.core.text_search import TextCondition

from .models import Commitment, OpportunityPage, Shift

TAXONOMY_CACHE_KEY = "opportunities:taxonomy-choices"
TAXONOMY_CACHE_SECONDS = 600

# filter name -> (the many-to-many field it matches through, the taxonomy's column in it)
M2M_FILTERS = {
    "kommune": ("municipalities", "municipality_id"),
    "aktivitet": ("activities", "activity_id"),
    "maalgruppe": ("target_groups", "targetgroup_id"),
}
TAXONOMY_FILTERS = {
    "kommune": Municipality, "region": Region, "aktivitet": Activity, "maalgruppe": TargetGroup,
}
MULTI_FILTERS = (*TAXONOMY_FILTERS, "type")
SHORT_COMMITMENTS = [Commitment.ONE_OFF.value, Commitment.AD_HOC.value]


class SpokenLanguage(models.TextChoices):
    """The values of ``sprog``: a language a volunteer can get by with besides Danish.

    The value is a Danish word, like every parameter, so ``?sprog=engelsk`` is
    the same address in the Danish and the English listing.
    """

    ENGLISH = "engelsk", _("Engelsktalende frivillige er velkomne")


# Conditions an opportunity passes or not: each is a toggle with a count.
BOOLEAN_CONDITIONS = {
    "uden_boerneattest": Q(requires_child_certificate=False),
    "online": Q(is_online=True),
    "sprog": Q(english_speakers_welcome=True),
}
# A toggle's value in the query string: a checkbox's "on", unless it names its value.
TOGGLE_VALUES = {"sprog": SpokenLanguage.ENGLISH.value}


# The default order; the facet index numbers opportunities in it too.
NEWEST_FIRST = ("-published_at", "-page_ptr_id")


class Sort:
    NEWEST = "nyeste"
    DEADLINE = "frist"
    NEXT_SHIFT = "naeste-vagt"
    CHOICES = [
        (NEWEST, _("Nyeste først")),
        (DEADLINE, _("Snarest ansøgningsfrist")),
        (NEXT_SHIFT, _("Førstkommende vagt")),
    ]


def taxonomy_choices():
    """The taxonomy rows the filters choose from; cached, since they rarely change.

    Signals clear the cache when a taxonomy changes; the timeout bounds how
    stale another process's local-memory cache can be.
    """
    choices = cache.get(TAXONOMY_CACHE_KEY)
    if choices is None:
        choices = {name: _rows(model) for name, model in TAXONOMY_FILTERS.items()}
        region_of = dict(Municipality.objects.values_list("id", "region_id"))
        for row in choices["kommune"]:
            row["region_id"] = region_of[row["id"]]
        cache.set(TAXONOMY_CACHE_KEY, choices, TAXONOMY_CACHE_SECONDS)
    return choices


def _rows(model):
    # A municipality has no English name: its name is a proper name (``Municipality``).
    english = ["name_en"] if hasattr(model, "name_en") else []
    return list(model.objects.order_by("name").values("id", "slug", "name", *english))


def row_name(row):
    """The name of a row of ``taxonomy_choices`` in the visitor's language."""
    return name_in_active_language(row["name"], row.get("name_en"))


def toggle_value(name):
    return TOGGLE_VALUES.get(name, "on")


def clear_taxonomy_choices(**kwargs):
    cache.delete(TAXONOMY_CACHE_KEY)


class OpportunityFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Fritekst"), max_length=200)
    kommune = django_filters.MultipleChoiceFilter(label=_("Kommune"))
    region = django_filters.MultipleChoiceFilter(label=_("Region"))
    aktivitet = django_filters.MultipleChoiceFilter(label=_("Aktivitet"))
    maalgruppe = django_filters.MultipleChoiceFilter(label=_("Målgruppe"))
    type = django_filters.MultipleChoiceFilter(
        label=_("Tidsforpligtelse"), choices=Commitment.choices
    )
    fra = django_filters.DateFilter(label=_("Fra dato"))
    til = django_filters.DateFilter(label=_("Til dato"))
    uden_boerneattest = django_filters.BooleanFilter(
        label=_("Ingen børneattest krævet"), widget=forms.CheckboxInput
    )
    online = django_filters.BooleanFilter(
        label=_("Online / hele landet"), widget=forms.CheckboxInput
    )
    sprog = django_filters.ChoiceFilter(label=_("Sprog"), choices=SpokenLanguage.choices)
    sorter = django_filters.ChoiceFilter(label=_("Sortér efter"), choices=Sort.CHOICES)

    class Meta:
        model = OpportunityPage
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        self.taxonomies = taxonomy_choices()
        self.notices = []
        super().__init__(self._known_values_only(data), *args, **kwargs)
        for name in TAXONOMY_FILTERS:
            self.filters[name].extra["choices"] = [
                (row["slug"], row_name(row)) for row in self.taxonomies[name]
            ]

    def _known_values_only(self, data):
        """Drop values no filter knows, remembering a notice for each."""
        if data is None:
            return None
        data = data.copy()
        known = {name: {row["slug"] for row in rows} for name, rows in self.taxonomies.items()}
        known["type"] = set(Commitment.values)
        labels = {name: self.base_filters[name].label for name in MULTI_FILTERS}
        for name in MULTI_FILTERS:
            values = [value for value in data.getlist(name) if value]
            unknown = [value for value in values if value not in known[name]]
            for value in unknown:
                self.notices.append(
                    _("Vi kender ikke %(label)s “%(value)s”, så det filter er udeladt.")
                    % {"label": str(labels[name]).lower(), "value": value[:60]}
                )
            data.setlist(name, [value for value in values if value in known[name]])
        return data

    # --- filtering -----------------------------------------------------------------

    @cached_property
    def values(self):
        """The valid, applied values by filter name (invalid fields are left out)."""
        if not self.is_bound:
            return {}
        self.errors  # noqa: B018 - validates the form
        cleaned = self.form.cleaned_data
        start, end = cleaned.get("fra"), cleaned.get("til")
        if start and end and start > end:
            self.form.add_error("til", _("Til-datoen ligger før fra-datoen."))
            cleaned.pop("fra", None)
            cleaned.pop("til", None)
        empty = (None, "", [], False)
        return {name: value for name, value in cleaned.items() if value not in empty}

    def filter_queryset(self, queryset, exclude=None):
        """Apply every filter but ``exclude`` (a facet counts without its own filter)."""
        for name in self.applied():
            if name != exclude:
                queryset = queryset.filter(self.condition(name))
        return queryset

    def applied(self):
        """The names of the filters in use; ``fra`` and ``til`` count as one, ``til``."""
        values = self.values
        names = [name for name in values if name != "sorter"]
        if "fra" in values and "til" in values:
            names.remove("fra")
        return names

    def condition(self, name):
        """The filter ``name`` as a condition on an opportunity, with its current value."""
        value = self.values[name]
        if name in M2M_FILTERS:
            field, column = M2M_FILTERS[name]
            through = getattr(OpportunityPage, field).through
            matches = through.objects.filter(**{f"{column}__in": self.taxonomy_ids(name, value)})
            return Q(pk__in=matches.values("opportunitypage_id"))
        if name == "region":
            ids = self.taxonomy_ids("region", value)
            municipality_ids = [
                row["id"] for row in self.taxonomies["kommune"] if row["region_id"] in ids
            ]
            matches = OpportunityPage.municipalities.through.objects.filter(
                municipality_id__in=municipality_ids
            )
            return Q(pk__in=matches.values("opportunitypage_id"))
        if name == "type":
            return Q(commitment__in=value)
        if name in BOOLEAN_CONDITIONS:
            return BOOLEAN_CONDITIONS[name]
        if name in ("fra", "til"):
            return self._in_period()
        if name == "q":
            return self.text_search.condition
        raise ValueError(name)

    @cached_property
    def text_search(self):
        """The free text as a condition, asked of the search backend once per request.

        When the backend fails, the listing searches titles and summaries
        instead and says so; ``exact`` is then false.
        """
        search = TextCondition(OpportunityPage, self.values["q"], ("title", "summary"))
        if not search.exact:
            self.notices.append(FALLBACK_NOTICE)
        return search

    def taxonomy_ids(self, name, slugs):
        return [row["id"] for row in self.taxonomies[name] if row["slug"] in set(slugs)]

    def _in_period(self):
        """A shift inside the range, or (for opportunities without shifts) an overlapping period."""
        start, end = self.values.get("fra"), self.values.get("til")
        shifts = Shift.objects.filter(opportunity=OuterRef("pk"))
        in_range = shifts
        period = Q()
        if start:
            in_range = in_range.filter(ends_at__date__gte=start)
            period &= Q(end_date__isnull=True) | Q(end_date__gte=start)
        if end:
            in_range = in_range.filter(starts_at__date__lte=end)
            period &= Q(start_date__isnull=True) | Q(start_date__lte=end)
        return Q(Exists(in_range) | (~Exists(shifts) & period))

    def sort(self, queryset):
        order = self.values.get("sorter", Sort.NEWEST)
        if order == Sort.DEADLINE:
            return queryset.order_by(
                _nulls_last("application_deadline"), _nulls_last("end_date"), "-pk"
            )
        if order == Sort.NEXT_SHIFT:
            # ``next_shift_at`` (``with_next_shift``) is right at query time, also for
            # shifts begun since they were last saved: a GET writes nothing.
            return queryset.order_by(_nulls_last("next_shift_at"), "-page_ptr_id")
        return queryset.order_by(*NEWEST_FIRST)


def _nulls_last(name):
    return F(name).asc(nulls_last=True)
