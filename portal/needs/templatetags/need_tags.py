from django import template

from .. import links

register = template.Library()


@register.inclusion_tag("needs/includes/organisation_needs.html")
def organisation_needs(organisation):
    """The organisation's current needs, for its profile:
    ``{% load need_tags %}{% organisation_needs page %}``."""
    return {"need_list": links.needs_of_organisation(organisation)}


@register.inclusion_tag("needs/includes/tool_needs.html")
def needs_for_tool(tool):
    """Organisations looking for a tool like this one, for a tool page:
    ``{% load need_tags %}{% needs_for_tool page %}``."""
    return {"need_list": links.needs_for_tool(tool)}


@register.inclusion_tag("needs/includes/call_needs.html")
def needs_for_call(call):
    """Organisations looking for funding in the call's themes, for a funding call page:
    ``{% load need_tags %}{% needs_for_call page %}``."""
    return {"need_list": links.needs_for_call(call)}
