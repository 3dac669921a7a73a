"""Two or three tools side by side: what a visitor chose, and what we could show."""

from django.db.models import Count
from django.utils.translation import gettext as _

from portal.core.pictures import with_image
from portal.core.privacy import unrestricted
from portal.core.translations import in_default_locale, show_in_language

from .models import ToolPage

COMPARE_MAX = 3


def comparison(chosen_ids):
    """The tools to compare, in the order chosen, with a message when the choice is off.

    Anything that is not the id of a published tool is left out and said so;
    never an error.
    """
    wanted = []
    unknown = False
    for raw in chosen_ids:
        try:
            pk = int(raw)
        except (TypeError, ValueError):
            pk = 0
        # Page ids are positive 32-bit integers; anything else would only upset the database.
        if not 0 < pk < 2**31:
            unknown = True
            continue
        if pk not in wanted:
            wanted.append(pk)
    wanted = wanted[:20]  # a visitor never needs more, and the query stays small

    found = {
        tool.pk: tool
        for tool in with_image(
            in_default_locale(unrestricted(ToolPage.objects.live())).filter(pk__in=wanted)
            .annotate(usage_count=Count("usages"))
            .prefetch_related("categories")
        )
    }
    unknown = unknown or len(found) < len(wanted)
    tools = [found[pk] for pk in wanted if pk in found]

    messages = []
    if unknown:
        messages.append(_("Et eller flere af de valgte værktøjer findes ikke (længere) og er "
                          "udeladt."))
    if len(tools) > COMPARE_MAX:
        messages.append(_("Du kan sammenligne højst %(max)d værktøjer ad gangen. Vi viser de "
                          "første %(max)d.") % {"max": COMPARE_MAX})
        tools = tools[:COMPARE_MAX]
    elif len(tools) == 1:
        messages.append(_("Vælg mindst ét værktøj mere for at sammenligne."))
    elif not tools:
        messages.append(_("Vælg to eller tre værktøjer i oversigten for at sammenligne dem."))
    return {"tools": show_in_language(tools), "compare_messages": messages,
            "can_compare": len(tools) >= 2}
