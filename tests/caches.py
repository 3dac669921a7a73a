"""Emptying the caches as a fresh deployment, or a flush from outside, would."""


def empty_caches():
    """The shared cache emptied, and what this process trusts from it forgotten:
    the generation and listing version it read last (for half a second) and its
    copy of the facet index."""
    from django.core.cache import cache

    from portal.core.page_cache import forget_generation_read
    from portal.opportunities.facet_index import forget_local_index

    cache.clear()
    forget_generation_read()
    forget_local_index()
