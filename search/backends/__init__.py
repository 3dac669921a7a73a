"""The database search backends: modelsearch's, stemming each text in its language.

``postgres`` for PostgreSQL, ``sqlite`` for SQLite (which stems in Python);
``search.languages`` says which language each text and each query is stemmed
in. Elasticsearch is configured in the settings alone.
"""
