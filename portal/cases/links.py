"""What a case, a guide and an organisation link to, computed from the data.

The cross-links between content types live here, in the app that sits above
the others it links (opportunities and tools): an organisation's profile
sections, a case's tools and opportunities, the cases beside an opportunity.
The apps below do not import this one; their templates load its tags
(``hub_tags``).

Every function costs a fixed number of queries however many links there are,
so a page with fifty partners renders as cheaply as one with a single partner.
"""

from django.db.models import Prefetch, Q

from portal.core.privacy import unrestricted
from portal.core.translations import in_default_locale, show_in_language
from portal.opportunities.models import OpportunityPage
from portal.organisations.models import owner_of, owners_of
from portal.toolshare.models import ToolPage, ToolUsage

from .models import CaseGrant, CasePage, CasePartner, GuidePage, PartnerRole

RELATED_OPPORTUNITIES = 4


def open_opportunities():
    """Open opportunities, with what their cards show fetched alongside."""
    return (
        OpportunityPage.objects.open().with_next_shift()
        .select_related("owner_organisation").prefetch_related("municipalities")
        .order_by("-first_published_at")
    )


def related_opportunities(activities, municipalities):
    """Open opportunities sharing an activity or a municipality, in a fixed number of queries."""
    if not (activities or municipalities):
        return []
    condition = Q(activities__in=activities) | Q(municipalities__in=municipalities)
    matching = OpportunityPage.objects.filter(condition).values("pk")
    return show_in_language(open_opportunities().filter(pk__in=matching)[:RELATED_OPPORTUNITIES])


def _tagging(page):
    return {
        "theme_list": list(page.themes.all()),
        "municipality_list": list(page.municipalities.all()),
        "target_group_list": list(page.target_groups.all()),
    }


def case_links(case):
    partners = list(
        case.partners.select_related("organisation").filter(organisation__live=True)
    )
    grants = list(case.grants.select_related("funder", "call"))
    owner = owner_of(case)
    # Organisations and calls are named by their English titles where they have one.
    show_in_language([partner.organisation for partner in partners]
                     + [grant.funder for grant in grants if grant.funder]
                     + ([owner] if owner else []))
    show_in_language([grant.call for grant in grants if grant.call])
    # Listed by id so that a preview (whose relations live in memory) works too.
    tool_ids = [tool.pk for tool in case.tools.all()]
    tagging = _tagging(case)
    return {
        **tagging,
        "opportunity_list": related_opportunities(
            [activity.pk for activity in case.activities.all()],
            [municipality.pk for municipality in tagging["municipality_list"]],
        ),
        "owner": owner,
        "partner_list": partners,
        "tool_list": show_in_language(
            in_default_locale(unrestricted(ToolPage.objects.live()))
            .filter(pk__in=tool_ids)
            .order_by("title")
        ),
        "grant_list": grants,
    }


def guide_links(guide):
    tagging = _tagging(guide)
    owner = owner_of(guide)
    show_in_language([owner] if owner else [])
    return {
        **tagging,
        "owner": owner,
        "related_cases": show_in_language(
            in_default_locale(unrestricted(CasePage.objects.live()))
            .filter(pk__in=CasePage.objects.filter(themes__in=tagging["theme_list"]).values("pk"))
            .order_by("-start_date")[:4]
        ),
    }


def organisation_links(organisation):
    """Its open opportunities, the cases it took part in (with its role), its guides and
    the tools it uses."""
    if organisation.pk is None:
        # A new organisation in preview: nothing can point at it yet.
        return dict.fromkeys(
            ["hub_opportunities", "hub_cases", "hub_guides", "hub_tools_used",
             "hub_tools_published"],
            [],
        )
    roles = dict(
        CasePartner.objects.filter(organisation=organisation).values_list("case_id", "role")
    )
    own = Q(path__startswith=organisation.path) & ~Q(pk=organisation.pk)
    cases = show_in_language(
        in_default_locale(unrestricted(CasePage.objects.live()))
        .filter(own | Q(pk__in=list(roles)))
        .order_by("-start_date")
    )
    role_labels = dict(PartnerRole.choices)
    for case in cases:
        case.organisation_role = role_labels.get(roles.get(case.pk, PartnerRole.LEAD))
    tools_used = list(
        ToolUsage.objects.filter(organisation=organisation, tool__live=True)
        .select_related("tool").order_by("tool__title")
    )
    show_in_language([usage.tool for usage in tools_used])
    return {
        "hub_opportunities": show_in_language(
            open_opportunities().filter(owner_organisation=organisation)
        ),
        "hub_cases": cases,
        "hub_guides": show_in_language(
            in_default_locale(unrestricted(GuidePage.objects.child_of(organisation).live()))
        ),
        "hub_tools_used": tools_used,
        "hub_tools_published": show_in_language(
            in_default_locale(unrestricted(ToolPage.objects.child_of(organisation).live()))
        ),
    }


def cases_for_opportunity(opportunity, limit=3):
    """Cases in the same activity or municipality as an opportunity: the way back."""
    activities = [activity.pk for activity in opportunity.activities.all()]
    municipalities = [municipality.pk for municipality in opportunity.municipalities.all()]
    if not (activities or municipalities):
        return []
    matching = CasePage.objects.filter(
        Q(activities__in=activities) | Q(municipalities__in=municipalities)
    ).values("pk")
    return show_in_language(
        in_default_locale(unrestricted(CasePage.objects.live()))
        .filter(pk__in=matching)
        .order_by("-start_date")[:limit]
    )


def _grants_on_public_cases(**condition):
    cases = in_default_locale(unrestricted(CasePage.objects.live())).values("pk")
    return CaseGrant.objects.filter(case__in=cases, **condition).order_by(
        "-start_date", "case__title", "pk"
    )


def cases_for_call(call):
    """The published cases a funding call paid for, each with its grants from that call."""
    if call.pk is None:
        # A new call in preview: no grant can name it yet.
        return []
    grants = _grants_on_public_cases(call=call).select_related("case")
    return _by_case(grants, owners=True)


def funder_results(organisation):
    """'Hvad kom der ud af vores støtte': the published cases an organisation funded, with
    their partners and results, in a fixed number of queries."""
    if organisation.pk is None:
        return []
    live_partners = CasePartner.objects.filter(organisation__live=True).select_related(
        "organisation"
    )
    grants = (
        _grants_on_public_cases(funder=organisation)
        .select_related("case", "call")
        .prefetch_related(Prefetch("case__partners", queryset=live_partners))
    )
    entries = _by_case(grants)
    show_in_language([grant.call for entry in entries for grant in entry["grants"] if grant.call])
    show_in_language([partner.organisation for entry in entries
                      for partner in entry["case"].partners.all()])
    return entries


def _by_case(grants, owners=False):
    """``[{"case", "grants", "total", "owner"}]`` in the grants' order, one entry per case."""
    grants = list(grants)
    owner_by_case = owners_of([grant.case for grant in grants]) if owners else {}
    entries = {}
    for grant in grants:
        entry = entries.setdefault(grant.case.pk, {
            "case": grant.case, "grants": [], "total": 0,
            "owner": owner_by_case.get(grant.case.pk),
        })
        entry["grants"].append(grant)
        entry["total"] += grant.amount
    entries = list(entries.values())
    show_in_language([entry["case"] for entry in entries])
    show_in_language([entry["owner"] for entry in entries if entry["owner"]])
    return entries
