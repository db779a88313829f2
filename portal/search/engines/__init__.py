"""The two search engines: full-text search on PostgreSQL, a plain substring match elsewhere.

Both answer the same three calls: `find(parsed, limit)` -> (hits or None, unknown words; PostgreSQL
returns only the best `limit` when there are more, and says how many there are in `found_in_all`),
`snippets(hits, parsed)` for the page shown, and `suggest(parsed, unknown)` ("did you mean").
"""

from django.db import connection

from portal.search.engines.postgres import PostgresEngine
from portal.search.engines.sqlite import SimpleEngine


def engine_for_connection() -> PostgresEngine | SimpleEngine:
    return PostgresEngine() if connection.vendor == "postgresql" else SimpleEngine()
