"""The editor's widgets for the shared taxonomies: tick boxes, never a ctrl-click list box.

Municipalities (98 of them) are grouped under their region, each region a
fieldset, so an editor finds one by where it lies. Plain HTML: it works
without script, and each box has its own label.
"""

from copy import copy

from django import forms

from .models import Municipality


class RegionCheckboxes(forms.CheckboxSelectMultiple):
    template_name = "core/widgets/region_checkboxes.html"

    def optgroups(self, name, value, attrs=None):
        regions = dict(Municipality.objects.values_list("pk", "region__name"))
        groups = {}
        for option_value, label in self.choices:
            groups.setdefault(regions.get(getattr(option_value, "value", option_value)), []).append(
                (option_value, label)
            )
        grouped = copy(self)
        grouped.choices = sorted(groups.items(), key=lambda group: group[0] or "")
        return super(RegionCheckboxes, grouped).optgroups(name, value, attrs)

