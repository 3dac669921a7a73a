from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.fields import register_display_class
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .filters import MunicipalityFilterSet
from .local_time import LocalDateTimeDisplay
from .models import Activity, Municipality, TargetGroup, Theme


class TaxonomyViewSet(SnippetViewSet):
    list_display = ["name", "name_en", "slug"]
    search_fields = ["name", "name_en"]
    ordering = ["name"]


class ActivityViewSet(TaxonomyViewSet):
    model = Activity
    icon = "group"


class TargetGroupViewSet(TaxonomyViewSet):
    model = TargetGroup
    icon = "user"


class ThemeViewSet(TaxonomyViewSet):
    model = Theme
    icon = "tag"


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "site"
    list_display = ["name", "code", "region"]
    search_fields = ["name"]
    filterset_class = MunicipalityFilterSet
    list_per_page = 100


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taksonomier")
    menu_icon = "tag"
    menu_order = 900
    items = (ActivityViewSet, TargetGroupViewSet, ThemeViewSet, MunicipalityViewSet)


register_snippet(TaxonomyGroup)

# Every inspect view (requests, e-mails, and any added later) shows Copenhagen time.
register_display_class(models.DateTimeField, display_class=LocalDateTimeDisplay)
