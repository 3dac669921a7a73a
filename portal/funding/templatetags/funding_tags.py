"""Funding calls, for the templates of apps below funding: ``{% load funding_tags %}``."""

from django import template

from portal.core.privacy import unrestricted
from portal.core.translations import in_default_locale, show_in_language

from ..links import dates_of_today
from ..models import FundingCallPage

register = template.Library()


@register.inclusion_tag("funding/includes/organisation_calls.html")
def organisation_calls(organisation):
    """An organisation's published calls, open ones first, for its profile (two queries)."""
    if organisation.pk is None:
        # A new organisation in preview has no calls below it yet.
        return {"call_list": []}
    calls = (
        in_default_locale(unrestricted(FundingCallPage.objects.child_of(organisation).live()))
        .prefetch_related("deadlines").order_by("-last_deadline", "title")
    )
    call_list = show_in_language(sorted(calls, key=lambda call: call.is_closed))
    return {"call_list": call_list, **dates_of_today()}
