"""Every committed write to a table that pages show bumps the generation.

The watch sits on the database connection itself (an execute wrapper), under the ORM: a model
save, a queryset update() or delete(), bulk_create, a many-to-many change, a raw SQL statement,
a migration or a management command all pass through it, so no code path can change what a
page shows and forget to say so. Writes to the tables named in PAGE_CACHE_IGNORED_TABLES
(sessions, logins, the admin's log, revisions, preview links) are the only ones left out.
The bump is made once per transaction, after it commits (at once in autocommit).
"""

import re

from django.conf import settings

from .generation import bump

# Statements that may change rows or tables; everything else (SELECT, SAVEPOINT, ...) reads.
WRITE = re.compile(r"\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|ALTER|DROP|TRUNCATE|WITH)\b", re.I)
TABLE = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.I)


def watch(sender, connection, **kwargs):
    """connection_created receiver: watch this connection's statements, once. Connections
    Django opens without a database (to create the test database) are left alone."""
    if (
        connection.alias in settings.DATABASES
        and watch_statement not in connection.execute_wrappers
    ):
        connection.execute_wrappers.insert(0, watch_statement)


def watch_statement(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if changes_pages(sql):
        bump_on_commit(context["connection"])
    return result


def changes_pages(sql):
    if not WRITE.match(sql):
        return False
    table = TABLE.match(sql)
    # A statement whose table cannot be read from it (DDL, a raw CTE) counts as a change.
    return table is None or not table[1].lower().startswith(settings.PAGE_CACHE_IGNORED_TABLES)


def bump_on_commit(connection):
    # One callback a write; the first to run after the commit bumps for all of them. A
    # transaction rolled back drops its callbacks and leaves the flag for the next commit.
    connection.page_cache_bump_due = True
    connection.on_commit(lambda: bump_if_due(connection))


def bump_if_due(connection):
    if connection.page_cache_bump_due:
        connection.page_cache_bump_due = False
        bump()
