from django import template

from ..links import organisation_links

register = template.Library()


@register.simple_tag
def organisation_hub(organisation):
    """The cases, guides and tools an organisation profile links to (fixed queries)."""
    return organisation_links(organisation)
