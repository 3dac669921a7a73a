"""What a tool page links to, computed from the data in a fixed number of queries.

The cases that used a tool are read through the cases' own relation to it
(``tool.cases``): this app sits below the cases app and does not import it.
"""

from portal.core.privacy import unrestricted
from portal.core.translations import in_default_locale, show_in_language
from portal.organisations.models import owner_of

from .models import ToolIndexPage


def tool_links(tool):
    # A new tool in preview has no rows of its own yet for others to point at.
    saved = tool.pk is not None
    owner = owner_of(tool)
    usages = list(
        tool.usages.filter(organisation__live=True).select_related("organisation")
        .order_by("organisation__title")
    ) if saved else []
    show_in_language([usage.organisation for usage in usages] + ([owner] if owner else []))
    return {
        "owner": owner,
        "tool_index": in_default_locale(ToolIndexPage.objects.live()).first(),
        "category_list": list(tool.categories.all()),
        "usage_list": usages,
        "case_list": (
            show_in_language(in_default_locale(unrestricted(tool.cases.live())).order_by("-start_date"))
            if saved else []
        ),
    }
