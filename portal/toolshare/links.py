"""What a tool page links to, computed from the data in a fixed number of queries."""

from portal.cases.links import owner_of
from portal.cases.models import CasePage


def tool_links(tool):
    from .models import ToolIndexPage

    return {
        "owner": owner_of(tool),
        "tool_index": ToolIndexPage.objects.live().first(),
        "category_list": list(tool.categories.all()),
        "screenshot_list": list(
            tool.screenshots.select_related("image").prefetch_related("image__renditions")
        ),
        "usage_list": list(
            tool.usages.filter(organisation__live=True).select_related("organisation")
            .order_by("organisation__title")
        ),
        "case_list": list(
            CasePage.objects.live().public().filter(tools=tool).order_by("-start_date")
        ),
    }
