"""modelsearch's search backends, stemming each text in its language.

``postgres`` for PostgreSQL, ``sqlite`` for SQLite (which stems in Python),
``elasticsearch`` under the worker's retrying backend
(``portal.worker.search_backend``); ``search.languages`` says which language
each text and each query is stemmed in.
"""
