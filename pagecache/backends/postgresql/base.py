from django.db.backends.postgresql import base

from pagecache.writes import PostgreSQLWrites


class DatabaseWrapper(PostgreSQLWrites, base.DatabaseWrapper):
    """Django's PostgreSQL backend, telling the page cache of every committed write readers
    could see (pagecache.writes)."""
