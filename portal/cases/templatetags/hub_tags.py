from django import template

from ..links import cases_for_opportunity, organisation_links

register = template.Library()


@register.simple_tag
def organisation_hub(organisation):
    """The cases, guides and tools an organisation profile links to (fixed queries)."""
    return organisation_links(organisation)


@register.inclusion_tag("cases/includes/opportunity_cases.html")
def opportunity_cases(opportunity):
    """Co-creation cases in the same activity or municipality, for an opportunity page:
    ``{% load hub_tags %}{% opportunity_cases page %}``."""
    return {"case_list": cases_for_opportunity(opportunity)}
