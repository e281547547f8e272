from django.db.backends.sqlite3 import base

from pagecache.writes import SQLiteWrites


class DatabaseWrapper(SQLiteWrites, base.DatabaseWrapper):
    """Django's SQLite backend, telling the page cache of every committed write readers could
    see (pagecache.writes)."""
