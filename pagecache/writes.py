"""The database says when a write changed what readers see; the connection then bumps.

Triggers on every table (installed after each migrate, so a table added later gets them too;
only PAGE_CACHE_IGNORED_TABLES are left out) fire for each row inserted, updated or deleted
and each table truncated, whatever the statement that did it: the ORM, raw SQL in any form
(a comment first, EXPLAIN ANALYZE, MERGE, DO, a function, several statements at once), COPY,
SQLite's executescript. Rows that readers never see (PAGE_CACHE_UNSEEN_ROWS: drafts and what
belongs only to them) are left out, so saving a draft keeps every cached page; any other row
counts, so a table nobody thought of errs towards dropping pages.

The trigger tells the connection that wrote: on PostgreSQL a DEBUG message sent to that
connection alone while the statement runs; on SQLite a counter that the connection reads
after a statement that changed rows. The connection (pagecache.backends, our database
backends) bumps the generation once the transaction has committed: right after a statement
in autocommit, or in the commit itself, before any on_commit callback can fail. A rollback
forgets the writes. A statement run on the driver's connection directly is noticed at the
connection's next statement, commit, or the end of the request.

Writers outside Newsroom (psql, another program) fire the triggers but no Newsroom
connection hears them: run ``manage.py drop_cached_pages`` after such a write.
"""

import logging

from django.conf import settings
from django.db import connections
from django.utils.module_loading import import_string
from psycopg import pq

from .generation import bump
from .reads import ReadsCursor, ReadsDebugCursor

logger = logging.getLogger(__name__)

# What the PostgreSQL trigger says; the connection listens for exactly this.
CHANGED = "pagecache: a row readers may see changed"
SQLITE_COUNTER = "pagecache_rowschanged"


class WritesWatched:
    """Database wrapper mixin: note writes readers may see, bump once they are committed."""

    page_cache_bump_due = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.execute_wrappers.append(note_after_statement)

    def make_cursor(self, cursor):
        return ReadsCursor(cursor, self)  # notes the reads of a page (pagecache.reads)

    def make_debug_cursor(self, cursor):
        return ReadsDebugCursor(cursor, self)

    def note_writes(self):
        """Called after each statement and commit: bump if a committed write was seen."""
        if self.connection is None:
            return
        if self.saw_write():
            self.page_cache_bump_due = True
            if self.in_atomic_block:
                # Django's test cases never commit; captureOnCommitCallbacks runs this.
                self.on_commit(self.bump_if_due, robust=True)
        if self.page_cache_bump_due and not self.is_in_transaction():
            self.bump_if_due()

    def bump_if_due(self):
        if self.page_cache_bump_due:
            self.page_cache_bump_due = False
            bump()

    def _commit(self):
        result = super()._commit()
        self.note_writes()
        return result

    def _rollback(self):
        result = super()._rollback()
        self.page_cache_bump_due = False
        self.forget_writes()
        return result

    def _savepoint_rollback(self, sid):
        result = super()._savepoint_rollback(sid)
        self.forget_writes()  # what was seen before the savepoint still counts (bump due)
        return result

    def close(self):
        self.note_writes_safely()
        super().close()

    def note_writes_safely(self):
        try:
            self.note_writes()
        except Exception:  # a broken connection has nothing committed left to tell
            logger.warning("could not check the connection for writes", exc_info=True)


def note_after_statement(execute, sql, params, many, context):
    try:
        return execute(sql, params, many, context)
    finally:
        context["connection"].note_writes()


def note_writes_at_request_end(**kwargs):
    """request_finished receiver: a write made on a driver connection directly is bumped
    before the response is finished at the latest."""
    for connection in connections.all(initialized_only=True):
        if isinstance(connection, WritesWatched):
            connection.note_writes_safely()


class PostgreSQLWrites(WritesWatched):
    page_cache_noticed = False

    def get_new_connection(self, conn_params):
        connection = super().get_new_connection(conn_params)
        connection.add_notice_handler(self.on_notice)
        return connection

    def init_connection_state(self):
        super().init_connection_state()
        # The trigger's message is at DEBUG level, so psql and other clients never see it.
        with self.connection.cursor() as cursor:
            cursor.execute("SET client_min_messages TO debug1")

    def on_notice(self, diagnostic):
        if diagnostic.message_primary == CHANGED:
            self.page_cache_noticed = True

    def saw_write(self):
        noticed, self.page_cache_noticed = self.page_cache_noticed, False
        return noticed

    def forget_writes(self):
        self.page_cache_noticed = False

    def is_in_transaction(self):
        return self.connection.info.transaction_status != pq.TransactionStatus.IDLE


class SQLiteWrites(WritesWatched):
    page_cache_changes = 0  # the driver's total_changes when last looked at
    page_cache_count = None  # the counter the triggers move, when last read

    def init_connection_state(self):
        super().init_connection_state()
        self.forget_writes()

    def saw_write(self):
        changes = self.connection.total_changes
        if changes == self.page_cache_changes:
            return False  # no row changed since the last look: no need to read the counter
        self.page_cache_changes = changes
        count, self.page_cache_count = self.page_cache_count, self.read_count()
        return count != self.page_cache_count

    def forget_writes(self):
        self.page_cache_changes = self.connection.total_changes
        self.page_cache_count = self.read_count()

    def read_count(self):
        try:
            return self.connection.execute(f"SELECT count FROM {SQLITE_COUNTER}").fetchone()[0]
        except Exception:  # not migrated yet: no triggers either
            return None

    def is_in_transaction(self):
        return self.connection.in_transaction


def unseen_rows():
    """{table: SQL condition true of a row (written {row}.column) no reader sees}."""
    return (
        import_string(settings.PAGE_CACHE_UNSEEN_ROWS)() if settings.PAGE_CACHE_UNSEEN_ROWS else {}
    )


def watched_tables(connection):
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    return [t for t in tables if not t.lower().startswith(settings.PAGE_CACHE_IGNORED_TABLES)]


def install_triggers(using, **kwargs):
    """post_migrate receiver: (re)install the triggers on every table pages may show, then
    bump (the schema or the data a migration moved may change pages)."""
    connection = connections[using]
    if not isinstance(connection, WritesWatched):
        return
    conditions = unseen_rows()
    statements = (postgresql_triggers if connection.vendor == "postgresql" else sqlite_triggers)(
        watched_tables(connection), conditions
    )
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    bump()


def postgresql_triggers(tables, conditions):
    yield f"""CREATE OR REPLACE FUNCTION pagecache_changed() RETURNS trigger
        LANGUAGE plpgsql AS $$ BEGIN RAISE DEBUG '{CHANGED}'; RETURN NULL; END $$"""
    for table in tables:
        function = "pagecache_changed"
        if table in conditions:
            function = f"pagecache_changed_{table}"
            unseen = conditions[table]
            yield f"""CREATE OR REPLACE FUNCTION "{function}"() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'INSERT' AND NOT coalesce({unseen.format(row="OLD")}, false) THEN
                        RAISE DEBUG '{CHANGED}';
                    ELSIF TG_OP <> 'DELETE' AND NOT coalesce({unseen.format(row="NEW")}, false)
                    THEN
                        RAISE DEBUG '{CHANGED}';
                    END IF;
                    RETURN NULL;
                END $$"""
        for name, event, each, called in (
            ("pagecache_rows", "INSERT OR UPDATE OR DELETE", "ROW", function),
            ("pagecache_truncate", "TRUNCATE", "STATEMENT", "pagecache_changed"),
        ):
            yield f'DROP TRIGGER IF EXISTS {name} ON "{table}"'
            yield (
                f'CREATE TRIGGER {name} AFTER {event} ON "{table}" '
                f'FOR EACH {each} EXECUTE FUNCTION "{called}"()'
            )


def sqlite_triggers(tables, conditions):
    yield f"CREATE TABLE IF NOT EXISTS {SQLITE_COUNTER} (count integer NOT NULL)"
    yield (
        f"INSERT INTO {SQLITE_COUNTER} (count) SELECT 0 "
        f"WHERE NOT EXISTS (SELECT 1 FROM {SQLITE_COUNTER})"
    )
    count = f"BEGIN UPDATE {SQLITE_COUNTER} SET count = count + 1; END"
    for table in tables:
        unseen = conditions.get(table)
        for operation, rows in (
            ("INSERT", ("NEW",)),
            ("UPDATE", ("OLD", "NEW")),
            ("DELETE", ("OLD",)),
        ):
            name = f"pagecache_{table}_{operation.lower()}"
            when = ""
            if unseen:
                all_unseen = " AND ".join(f"coalesce({unseen.format(row=r)}, 0)" for r in rows)
                when = f" WHEN NOT ({all_unseen})"
            yield f'DROP TRIGGER IF EXISTS "{name}"'
            yield f'CREATE TRIGGER "{name}" AFTER {operation} ON "{table}"{when} {count}'
