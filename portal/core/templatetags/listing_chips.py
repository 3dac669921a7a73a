"""The active filters of a listing as chips, each a link that removes only itself."""

from urllib.parse import urlencode

from django import template
from django.utils.translation import gettext as _

register = template.Library()


def _without(request, name, value):
    """The listing's query without one (name, value) pair, its page number and empty fields."""
    pairs = [
        (key, item)
        for key, items in request.GET.lists() if key != "page"
        for item in items
        if item and not (key == name and (value is None or item == value))
    ]
    return request.path + ("?" + urlencode(pairs) if pairs else "")


@register.simple_tag(takes_context=True)
def active_filter_chips(context):
    """Chips from the context every listing gets from ``listing_context``.

    The free text is one chip of its own, so removing a facet keeps it and the
    other way round.
    """
    request = context.get("request")
    if request is None:
        return []
    chips = []
    search_value = context.get("search_value")
    if search_value:
        chips.append({
            "label": _("Fritekst: %(text)s") % {"text": search_value},
            "url": _without(request, "q", None),
        })
    for facet in context.get("facets") or ():
        for choice in facet["choices"]:
            if choice["checked"]:
                chips.append({
                    "label": f"{facet['label']}: {choice['label']}",
                    "url": _without(request, facet["name"], str(choice["value"])),
                })
    return chips
