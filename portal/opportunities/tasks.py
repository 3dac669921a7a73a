"""Background work for the listing: the facet index, built before a visitor needs it."""

from django_tasks import task
from django_tasks.backends.immediate import ImmediateBackend

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
    """A committed change: retire the index, and have a worker build the next one.

    Where tasks run in the process that enqueues them (the demo, the tests),
    there is no worker to spare anyone the build: each save would pay for one
    that the next change retires, so the first visitor builds it instead.
    """
    version = listing_changed()
    if not isinstance(build_facet_index.get_backend(), ImmediateBackend):
        build_facet_index.enqueue(version)
