"""The seam content templates use: they load this tag, they never import matching."""

import uuid

from django import template
from django.conf import settings

from portal.core import page_holes

from ..availability import is_open
from ..forms import OfferForm, start_stamp

register = template.Library()


@register.inclusion_tag("matching/includes/offer_section.html", takes_context=True)
def offer_form(context, opportunity, upcoming_shifts=None):
    """The "Jeg vil gerne hjælpe" form for an opportunity page, or why it is closed.

    ``upcoming_shifts``: the page's, read once for the page and the form.
    """
    # A new page in the editor's preview has nowhere yet to send a sign-up to.
    unsaved = opportunity.pk is None
    form = (OfferForm(opportunity=opportunity, upcoming_shifts=upcoming_shifts)
            if is_open(opportunity) and not unsaved else None)
    request = context.get("request")
    kept_csrf_token = None
    if form is not None and request is not None:
        # The page stays the same for every visitor but for these: the page cache
        # keeps it and gives each visitor fresh ones (portal.core.page_holes).
        kept_csrf_token = page_holes.csrf_token(request)
        page_holes.keep_apart(request, {
            "token": form.fields["idempotency_token"].initial,
            "started": form.fields["started"].initial,
        }, "portal.matching.templatetags.matching_tags.fresh_offer_guards")
    return {"form": form, "unsaved": unsaved, "opportunity": opportunity,
            "request": request, "kept_csrf_token": kept_csrf_token}


def fresh_offer_guards(request):
    """A new one-time token and start time for each visitor of a kept opportunity page."""
    token = uuid.uuid4()
    return {"token": token, "started": start_stamp(token)}


@register.inclusion_tag("matching/includes/retention_notice.html")
def retention_notice():
    """The retention period as configured, so the privacy policy cannot drift from it."""
    return {"days": settings.MATCH_REQUEST_RETENTION_DAYS}
