"""Finding the page for an address in one query, instead of two per level of the tree.

Wagtail's ``Page.route`` walks down from the site's root: at each level it
looks up the child with the next slug and then its specific type, so an
opportunity five levels down costs eight queries before its view starts.
A page's ``url_path`` is its ancestors' slugs joined, kept right by Wagtail on
every move and slug change, so the deepest page whose ``url_path`` is a prefix
of the address is found in one indexed query (migration ``core/0005``); the
components left over go to that page's own ``route``, so a routable page's
sub-addresses (``/vaerktoejer/sammenlign/``) and a 404 for an unknown slug
behave as Wagtail's walk would. A page below an unpublished one is still found,
as in Wagtail; the page that answers must be live.

The same query finds the page's ancestors below the site's root; the
breadcrumbs use them (``routed_ancestors``) instead of asking again.

Under ``/en/`` Wagtail starts from the English home page. An address the
English tree does not have (or has only as a draft) is looked up again from
the Danish home page, so a page nobody has translated yet is shown in Danish
at the same address, with a notice (``templates/base.html``), instead of a 404:
both languages use the same slugs (``portal.core.languages``).
"""

from django.conf import settings
from django.http import Http404
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from .languages import page_language

URL_PATH_INDEX = "core_page_url_path"


def route_from(root, request, path_components):
    """Wagtail's ``route`` for ``root`` (a site's root page), or its Danish source's."""
    try:
        found = _route_in_tree(root, request, path_components)
    except Http404:
        source_root = _default_language_root(root)
        if source_root is None:
            raise
        found = _route_in_tree(source_root, request, path_components)
    # A page shown in another language than the visitor's (also on a site with no
    # English tree at all) marks its text as such (``content_lang``).
    language = page_language(found.page)
    if language != get_language():
        found.page.untranslated_language = language
    return found


def _default_language_root(root):
    if not settings.WAGTAIL_I18N_ENABLED:
        return None
    default = Locale.get_default()
    if root.locale_id == default.pk:
        return None
    return root.get_translation_or_none(default)


def _route_in_tree(root, request, path_components):
    """Wagtail's ``route`` for ``root`` (a site's root page), in one query to find the page."""
    if not path_components:
        return Page.route(root, request, path_components)
    prefixes = [root.url_path + "".join(f"{slug}/" for slug in path_components[:length])
                for length in range(1, len(path_components) + 1)]
    found = list(Page.objects.filter(url_path__in=prefixes, path__startswith=root.path)
                 .order_by("depth"))
    if not found:
        raise Http404
    deepest = _specific(found[-1])
    deepest.routed_ancestors = [root, *found[:-1]]
    return deepest.route(request, path_components[deepest.depth - root.depth:])


def _specific(page):
    """The page as its own type, with the relations its type names in ``routed_with``
    read in the same query (an opportunity's organisation, say)."""
    model = page.specific_class
    related = getattr(model, "routed_with", ())
    if not related:
        return page.specific
    found = model._default_manager.select_related(*related).filter(pk=page.pk).first()
    return found or page.specific


def ancestors_below_root(page):
    """The page's ancestors from the site's home page down, for breadcrumbs."""
    routed = getattr(page, "routed_ancestors", None)
    if routed is not None:
        return routed
    return list(page.get_ancestors()[1:])
