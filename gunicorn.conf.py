"""Gunicorn settings the project's servers start with (``make serve``, bench/load_benchmark.py).

Each worker builds or fetches the opportunity listing's facet index before it
takes its first request, so no visitor waits for it after a restart.
"""

import logging

logger = logging.getLogger("gunicorn.error")


def post_worker_init(worker):
    # Django is set up by now: the worker has loaded portal.wsgi.
    from django.db import DatabaseError, connections

    from portal.opportunities.facet_index import current_index

    try:
        index = current_index()
    except DatabaseError as error:
        logger.warning("Facet index not warmed (%s): the first listing request builds it", error)
    else:
        logger.info("Facet index warm: %d open opportunities", len(index.ids))
    finally:
        connections.close_all()
