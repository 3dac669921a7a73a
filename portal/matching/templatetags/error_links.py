"""Where an error summary's link for a field sends the keyboard."""

from django import template
from django.forms import CheckboxSelectMultiple, RadioSelect

register = template.Library()


@register.filter
def error_target(field):
    """The id to focus: a group's first option that can be chosen (a full shift is
    disabled and cannot take focus), else the field itself."""
    if isinstance(field.field.widget, RadioSelect | CheckboxSelectMultiple):
        for option in field.subwidgets:
            if not option.data["attrs"].get("disabled"):
                return option.id_for_label
        return field.auto_id
    return field.id_for_label
