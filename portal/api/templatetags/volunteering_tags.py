"""The ODI Volunteering Data document of an opportunity or organisation page, for its head.

Included by the two page templates (``api/volunteering_jsonld.html``) beside
their schema.org markup. The opportunity's comes from what its page's context
has read already; the organisation's reads its open opportunities in a fixed
number of queries. A preview shows none: it would describe the published page,
not the one being edited.
"""

from django import template
from django.utils.safestring import mark_safe

from portal.opportunities.feeds import JSON_SCRIPT_ESCAPES
from portal.opportunities.models import OpportunityPage
from portal.organisations.models import OrganisationPage

from .. import documents, volunteering

register = template.Library()


@register.simple_tag(takes_context=True)
def volunteering_jsonld(context, page):
    request = context["request"]
    if getattr(request, "is_preview", False) or not page.pk:
        return ""
    data = None
    if isinstance(page, OpportunityPage):
        data = documents.opportunity_page_document(request, page, context)
    elif isinstance(page, OrganisationPage) and page.live:
        data = documents.organisation_document(request, page)
    if data is None:
        return ""
    # As the schema.org markup: "</script>" or "<!--" in a title cannot end the element.
    return mark_safe(volunteering.text(data).translate(JSON_SCRIPT_ESCAPES))
