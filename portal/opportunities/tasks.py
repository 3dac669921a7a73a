"""Background work for the listing: the facet index, built before a visitor needs it."""

from django_tasks import task

from .facets import current_index, listing_changed, listing_version


@task()
def build_facet_index(version):
    """Build and share the index of ``version``, unless a later change has retired it.

    At 100,000 opportunities a build takes about half a second; done here, by
    the worker, the first visitor after a change finds the index ready.
    """
    if version == listing_version():
        current_index(version)


def announce_listing_change():
    """A committed change: retire the index and have the worker build the next one."""
    build_facet_index.enqueue(listing_changed())
