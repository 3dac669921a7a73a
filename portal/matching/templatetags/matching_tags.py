"""The seam content templates use: they load this tag, they never import matching."""

from django import template
from django.conf import settings

from ..availability import is_open
from ..forms import OfferForm

register = template.Library()


@register.inclusion_tag("matching/includes/offer_section.html", takes_context=True)
def offer_form(context, opportunity):
    """The "Jeg vil gerne hjælpe" form for an opportunity page, or why it is closed."""
    # A new page in the editor's preview has nowhere yet to send a sign-up to.
    unsaved = opportunity.pk is None
    form = OfferForm(opportunity=opportunity) if is_open(opportunity) and not unsaved else None
    return {"form": form, "unsaved": unsaved, "opportunity": opportunity,
            "request": context.get("request"),
            "csrf_token": context.get("csrf_token")}


@register.inclusion_tag("matching/includes/retention_notice.html")
def retention_notice():
    """The retention period as configured, so the privacy policy cannot drift from it."""
    return {"days": settings.MATCH_REQUEST_RETENTION_DAYS}
