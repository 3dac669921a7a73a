"""Filters of the coordinators' listing; every choice list is narrowed to the user."""

import django_filters
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.utils import get_user_display_name

from portal.core.models import Municipality
from portal.opportunities.models import OpportunityPage, Shift, ShiftBooking

from .models import (
    FollowUpAnswer,
    Kind,
    MatchRequest,
    Notification,
    Status,
    organisations_coordinated_by,
)
from .tasks import stuck_notifications
from .workflow import coordinators_of_any


class UserChoiceField(django_filters.fields.ModelChoiceField):
    """A coordinator by name, as Wagtail's own user filters show people."""

    def label_from_instance(self, obj):
        return get_user_display_name(obj)


class UserFilter(django_filters.ModelChoiceFilter):
    field_class = UserChoiceField


class MatchRequestFilterSet(WagtailFilterSet):
    status = django_filters.MultipleChoiceFilter(label=_("Status"), choices=Status.choices)
    kind = django_filters.ChoiceFilter(label=_("Type"), choices=Kind.choices)
    opportunity = django_filters.ModelChoiceFilter(
        label=_("Frivilligopgave"), queryset=OpportunityPage.objects.none(),
        method="filter_opportunity",
    )
    shift = django_filters.ModelChoiceFilter(
        label=_("Vagt"), queryset=Shift.objects.none(), method="filter_shift"
    )
    municipality = django_filters.ModelChoiceFilter(
        label=_("Kommune"), queryset=Municipality.objects.none(), method="filter_municipality"
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Modtaget"), widget=DateRangePickerWidget
    )
    assigned_to = UserFilter(label=_("Tildelt"), queryset=None, null_label=_("Ikke tildelt"))
    overdue = django_filters.BooleanFilter(
        label=_("Forsinket (ny og uden svar)"), method="filter_overdue"
    )
    needs_attention = django_filters.BooleanFilter(
        label=_("Kræver opmærksomhed (svarede nej til opfølgningen)"),
        field_name="needs_attention_since", lookup_expr="isnull", exclude=True,
    )
    followup_answer = django_filters.ChoiceFilter(
        label=_("Svar på opfølgningen (Blev det et match?)"), choices=FollowUpAnswer.choices
    )
    preferred_language = django_filters.ChoiceFilter(
        label=_("Foretrukket sprog"), choices=settings.LANGUAGES
    )

    class Meta:
        model = MatchRequest
        fields = ["status", "kind", "opportunity", "shift", "municipality", "created_at",
                  "assigned_to", "overdue", "needs_attention", "followup_answer",
                  "preferred_language"]

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        user = request.user
        organisations = organisations_coordinated_by(user).values("pk")
        opportunities = OpportunityPage.objects.filter(owner_organisation__in=organisations)
        self.filters["opportunity"].queryset = opportunities.order_by("title")
        self.filters["shift"].queryset = (
            Shift.objects.filter(opportunity__in=opportunities)
            .select_related("opportunity").order_by("-starts_at")
        )
        self.filters["municipality"].queryset = Municipality.objects.filter(
            Q(pk__in=OpportunityPage.municipalities.through.objects.filter(
                opportunitypage__in=opportunities).values("municipality"))
            | Q(pk__in=MatchRequest.objects.for_user(user).values("municipality"))
        )
        self.filters["assigned_to"].queryset = coordinators_of_any(organisations)

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = queryset.overdue()
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))

    def filter_opportunity(self, queryset, name, value):
        return queryset.filter(opportunity_id=value.pk) if value else queryset

    def filter_shift(self, queryset, name, value):
        if not value:
            return queryset
        references = ShiftBooking.objects.filter(shift=value).values("reference")
        return queryset.filter(reference__in=references)

    def filter_municipality(self, queryset, name, value):
        if not value:
            return queryset
        # A referral names the citizen's municipality; an offer the opportunity's.
        on_opportunity = OpportunityPage.objects.filter(municipalities=value).values("pk")
        return queryset.filter(municipality=value) | queryset.filter(
            opportunity__in=on_opportunity
        )


class NotificationFilterSet(WagtailFilterSet):
    stuck = django_filters.BooleanFilter(
        label=_("Hænger (venter, men intet forsøg er planlagt)"), method="filter_stuck"
    )

    class Meta:
        model = Notification
        fields = ["state", "purpose"]

    def filter_stuck(self, queryset, name, value):
        stuck = stuck_notifications().values("pk")
        return queryset.filter(pk__in=stuck) if value else queryset.exclude(pk__in=stuck)
