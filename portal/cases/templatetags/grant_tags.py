"""Grants, for the templates of apps below cases: ``{% load grant_tags %}``."""

from django import template

from ..links import cases_for_call, funder_results

register = template.Library()


@register.inclusion_tag("cases/includes/call_cases.html")
def call_cases(call):
    """The published cases a funding call paid for: ``{% call_cases page %}``."""
    return {"funded_list": cases_for_call(call)}


@register.inclusion_tag("cases/includes/funder_results.html")
def funder_cases(organisation):
    """'Hvad kom der ud af vores støtte' on a funder's profile: ``{% funder_cases page %}``."""
    return {"funded_list": funder_results(organisation)}
