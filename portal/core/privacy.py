"""Which pages sit behind a view restriction, asked without a query of its own.

Wagtail asks twice per page served (the page's ancestors, then their
restrictions) and ``public()`` reads every restriction before its own query.
Restrictions are few and change rarely, and any change to one, or a move of a
page, starts a new page-cache generation (``portal.core.signals``): so the
restricted pages are kept in the cache per generation, and a served page,
whose ancestors routing has already read (``routed_ancestors``), is checked
against them without asking the database. A list that mentions none of a page's
ancestors is answered with an empty queryset, which costs no query to read.
With the cache unreachable, the list is read from the database each time.
"""

from django.db import models
from django.db.models import Exists, ExpressionWrapper, F, OuterRef
from wagtail.models import PageViewRestriction

from .page_cache import kept_for_generation

RESTRICTED_KEY_PREFIX = "privacy:restricted:"
RESTRICTED_SECONDS = 24 * 60 * 60


def unrestricted(queryset):
    """``queryset.public()``, inside the query's own SQL instead of a query before it."""
    restricted = PageViewRestriction.objects.alias(
        restricted_path=ExpressionWrapper(OuterRef("path"), output_field=models.CharField())
    ).filter(restricted_path__startswith=F("page__path"))
    return queryset.exclude(Exists(restricted))


def _restricted_paths():
    """``{page id: path}`` of the restricted pages."""
    return kept_for_generation(RESTRICTED_KEY_PREFIX, RESTRICTED_SECONDS, lambda: dict(
        PageViewRestriction.objects.values_list("page_id", "page__path")))


def routed_view_restrictions(page):
    """The restrictions on ``page`` and its ancestors, as Wagtail's
    ``get_view_restrictions`` gives them, or None where only Wagtail can tell
    (a page routing did not find).

    Wagtail reads an alias's restrictions from the page it copies; a chain with
    an alias in it is left to Wagtail.
    """
    ancestors = getattr(page, "routed_ancestors", None)
    if ancestors is None or any(each.alias_of_id for each in (page, *ancestors)):
        return None
    covering = [page_id for page_id, path in _restricted_paths().items()
                if page.path.startswith(path)]
    if not covering:
        return PageViewRestriction.objects.none()
    return PageViewRestriction.objects.filter(page_id__in=covering)
