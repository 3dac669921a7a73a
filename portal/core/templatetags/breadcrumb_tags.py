from django import template

from ..routing import ancestors_below_root
from ..translations import translated_where_possible

register = template.Library()


@register.filter
def breadcrumb_trail(page):
    """The page's ancestors as the visitor reads them.

    An untranslated page under /en/ was found in the Danish tree, so its ancestors
    are Danish pages: each is shown by its English translation where one is live.
    """
    ancestors = ancestors_below_root(page)
    if getattr(page, "untranslated_language", None):
        return translated_where_possible(ancestors)
    return ancestors
