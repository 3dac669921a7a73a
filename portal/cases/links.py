"""What a case, a guide and an organisation link to, computed from the data.

Every function costs a fixed number of queries however many links there are,
so a page with fifty partners renders as cheaply as one with a single partner.
"""

from django.db.models import Q

from portal.organisations.models import OrganisationPage

from .models import CasePage, CasePartner, GuidePage, PartnerRole


def owner_of(page):
    """The organisation that publishes ``page`` (its parent in the tree)."""
    return OrganisationPage.objects.filter(path=page.path[: -page.steplen]).first()


def _tagging(page):
    return {
        "theme_list": list(page.themes.all()),
        "municipality_list": list(page.municipalities.all()),
        "target_group_list": list(page.target_groups.all()),
    }


def case_links(case):
    from portal.toolshare.models import ToolPage

    partners = list(
        case.partners.select_related("organisation").filter(organisation__live=True)
    )
    # Listed by id so that a preview (whose relations live in memory) works too.
    tool_ids = [tool.pk for tool in case.tools.all()]
    return {
        **_tagging(case),
        "owner": owner_of(case),
        "partner_list": partners,
        "tool_list": list(ToolPage.objects.live().public().filter(pk__in=tool_ids)
                          .order_by("title")),
        "document_list": list(case.documents.select_related("document")),
    }


def guide_links(guide):
    tagging = _tagging(guide)
    return {
        **tagging,
        "owner": owner_of(guide),
        "document_list": list(guide.documents.select_related("document")),
        "related_cases": list(
            CasePage.objects.live().public()
            .filter(pk__in=CasePage.objects.filter(themes__in=tagging["theme_list"]).values("pk"))
            .order_by("-start_date")[:4]
        ),
    }


def organisation_links(organisation):
    """Cases the organisation took part in (with its role), its guides and the tools it uses."""
    from portal.toolshare.models import ToolPage, ToolUsage

    roles = dict(
        CasePartner.objects.filter(organisation=organisation).values_list("case_id", "role")
    )
    own = Q(path__startswith=organisation.path) & ~Q(pk=organisation.pk)
    cases = list(
        CasePage.objects.live().public().filter(own | Q(pk__in=list(roles))).order_by("-start_date")
    )
    role_labels = dict(PartnerRole.choices)
    for case in cases:
        case.organisation_role = role_labels.get(roles.get(case.pk, PartnerRole.LEAD))
    return {
        "hub_cases": cases,
        "hub_guides": list(GuidePage.objects.child_of(organisation).live().public()),
        "hub_tools_used": list(
            ToolUsage.objects.filter(organisation=organisation, tool__live=True)
            .select_related("tool").order_by("tool__title")
        ),
        "hub_tools_published": list(ToolPage.objects.child_of(organisation).live().public()),
    }
