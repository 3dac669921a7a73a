"""Where needs show beside other content: an organisation's profile, tool pages and
funding calls. Each section costs a fixed number of queries, shows current needs
only (``NeedPage.objects.current()``) and at most SHOWN of them, newest first."""

from portal.core.translations import show_in_language

from .models import NeedKind, NeedPage

SHOWN = 10


def _shown(needs):
    shown = show_in_language(
        needs.select_related("organisation", "tool_category", "municipality")
        .order_by("-first_published_at", "-pk")[:SHOWN]
    )
    # Tool and call pages name each need's organisation beside it.
    show_in_language([need.organisation for need in shown if need.organisation])
    return shown


def needs_of_organisation(organisation):
    if organisation.pk is None:
        return []  # the preview of an organisation not yet saved has no needs
    return _shown(NeedPage.objects.current().filter(organisation=organisation))


def needs_for_tool(tool):
    """Organisations looking for a tool in one of the tool's categories."""
    return _shown(
        NeedPage.objects.current().filter(
            kind=NeedKind.TOOL, tool_category__in=tool.categories.all()
        )
    )


def needs_for_call(call):
    """Organisations looking for funding in one of the call's themes."""
    matching = NeedPage.objects.filter(themes__in=call.themes.all()).values("pk")
    return _shown(NeedPage.objects.current().filter(kind=NeedKind.FUNDING, pk__in=matching))
