"""Where an error summary's link for a field sends the keyboard; which fields are groups."""

from django import template
from django.forms import CheckboxSelectMultiple, RadioSelect

register = template.Library()


@register.filter
def is_option_group(field):
    """Radio buttons or tick boxes, drawn as a fieldset named by its legend.

    By the widget's class, not ``widget_type`` (its class name): the offer form's
    shift boxes are a subclass, and a ``<label for="">`` over them is invalid.
    """
    return isinstance(field.field.widget, RadioSelect | CheckboxSelectMultiple)


@register.filter
def error_target(field):
    """The id to focus: a group's first option that can be chosen (a full shift is
    disabled and cannot take focus), else the field itself."""
    if is_option_group(field):
        for option in field.subwidgets:
            if not option.data["attrs"].get("disabled"):
                return option.id_for_label
        return field.auto_id
    return field.id_for_label
