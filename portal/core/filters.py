from wagtail.admin.filters import WagtailFilterSet

from .models import Municipality


class MunicipalityFilterSet(WagtailFilterSet):
    class Meta:
        model = Municipality
        fields = ["region"]
