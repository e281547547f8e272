"""What a cached page read from the database, so that after a bump it is served again without
rendering when the database still answers every one of those reads with the same rows.

A bump drops every page (pagecache.generation), since a write cannot say which pages show
what it changed. Instead of declaring that (which a forgotten page would get wrong), each
cached page notes every statement its render ran, with a digest of the rows each one gave
(ReadsCursor, in our database backends: whatever made the query, the ORM, raw SQL or compiled
rows). The page is stored with those reads under its address alone (``reads:<release>:
<address>``), beside its key of one generation. A miss after a bump first runs the page's
reads again: if every one gives the same rows, the page is what a render would make now (a
render is a function of its address, the release and what it reads; what it reads at a later
time is bounded by the page's expiry, the next scheduled change, which is itself one of its
reads), so it is stored under the new generation as it was. If any differs, or a read cannot
be noted (a statement that is not a SELECT, a value that cannot be told apart by its repr),
the page is rendered as before. So a page nobody declared, a query nobody thought of, a
change made by raw SQL or another server, all err towards rendering.

What a worker keeps across requests (pagecache.kept: the navigation, the banner, the next
scheduled change) is kept with the reads that made it, and a page that uses it notes them as
its own. Fragments (pagecache.fragments) are keyed by rows the page read itself.
"""

import hashlib
import threading
from contextlib import contextmanager

from django.db import connections
from django.db.backends.utils import CursorDebugWrapper, CursorWrapper

from .fragments import PLAIN, NotKeyable, rows_repr

READ_STATEMENTS = ("select", "(select")


class Recording:
    """The reads of one render (or of one value kept for many), as they are made."""

    def __init__(self):
        self.reads = []  # [alias, sql, params, digest] per statement, in order
        self.spoiled = False  # something was run or read that cannot be run again to check

    def start(self, alias, sql, params):
        if self.spoiled:
            return None
        if not sql.lstrip()[:7].lower().startswith(READ_STATEMENTS):
            self.spoiled = True
            return None
        params = tuple(params or ())
        if not all(is_plain(param) for param in params):
            self.spoiled = True
            return None
        read = Read(alias, sql, params)
        self.reads.append(read)
        return read

    def include(self, reads):
        """Reads made earlier for what this render uses (a kept value), as a tuple, or None
        when they could not be noted."""
        if reads is None:
            self.spoiled = True
        elif not self.spoiled:
            self.reads.extend(reads)

    def frozen(self):
        """The reads as plain values to store, or None if they cannot be run again."""
        frozen = []
        for read in self.reads:
            if type(read) is Read:
                if read.spoiled:
                    return None
                read = (read.alias, read.sql, read.params, read.digest())
            frozen.append(read)
        return None if self.spoiled else tuple(frozen)


def is_plain(param):
    """Whether a statement's parameter can be stored and sent again as it is: plain values and
    the driver's own typed numbers (psycopg's Int4, an int)."""
    if type(param) in PLAIN or isinstance(param, (int, float, str)):
        return True
    return type(param) in (list, tuple) and all(is_plain(item) for item in param)


class Read:
    __slots__ = ("alias", "sql", "params", "hasher", "spoiled")

    def __init__(self, alias, sql, params):
        self.alias, self.sql, self.params = alias, sql, params
        self.hasher = hashlib.blake2b(digest_size=16)
        self.spoiled = False

    def add(self, rows):
        if self.spoiled:
            return
        try:
            for row in rows:
                self.hasher.update(rows_repr(row).encode())
        except NotKeyable:
            self.spoiled = True

    def digest(self):
        return self.hasher.hexdigest()


class Recordings(threading.local):
    def __init__(self):
        self.stack = []


recordings = Recordings()


@contextmanager
def recorded():
    """Note the reads made inside; on leaving, they count as reads of the recording around it
    too (a kept value read while a page renders is read by the page)."""
    recording = Recording()
    recordings.stack.append(recording)
    try:
        yield recording
    finally:
        recordings.stack.pop()
        if recordings.stack:
            recordings.stack[-1].include(recording.frozen())


def include(reads):
    """A kept value is used: the reads that made it are the current render's too."""
    if recordings.stack:
        recordings.stack[-1].include(reads)


def start(alias, sql, params):
    return recordings.stack[-1].start(alias, sql, params) if recordings.stack else None


def spoil():
    if recordings.stack:
        recordings.stack[-1].spoiled = True


class NotesReads:
    """CursorWrapper mixin: each statement run and the rows it gave, for the render being
    recorded (nothing while none is)."""

    page_read = None

    def execute(self, sql, params=None):
        self.page_read = start(self.db.alias, sql, params)
        return super().execute(sql, params)

    def executemany(self, sql, param_list):
        spoil()
        self.page_read = None
        return super().executemany(sql, param_list)

    def callproc(self, *args, **kwargs):
        spoil()
        self.page_read = None
        return super().callproc(*args, **kwargs)

    def fetchone(self):
        with self.db.wrap_database_errors:
            row = self.cursor.fetchone()
        if self.page_read is not None and row is not None:
            self.page_read.add((row,))
        return row

    def fetchmany(self, *args, **kwargs):
        with self.db.wrap_database_errors:
            rows = self.cursor.fetchmany(*args, **kwargs)
        if self.page_read is not None:
            self.page_read.add(rows)
        return rows

    def fetchall(self):
        with self.db.wrap_database_errors:
            rows = self.cursor.fetchall()
        if self.page_read is not None:
            self.page_read.add(rows)
        return rows

    def __iter__(self):
        with self.db.wrap_database_errors:
            for row in self.cursor:
                if self.page_read is not None:
                    self.page_read.add((row,))
                yield row


class ReadsCursor(NotesReads, CursorWrapper):
    pass


class ReadsDebugCursor(NotesReads, CursorDebugWrapper):
    pass


def read_the_same(reads):
    """Whether the database answers each of reads (as Recording.frozen() gave them) with the
    rows it gave then. Stops at the first that differs."""
    for alias, sql, params, digest in reads:
        read = Read(alias, sql, params)
        with connections[alias].cursor() as cursor:
            cursor.execute(sql, params)
            read.add(cursor.fetchall())
        if read.spoiled or read.digest() != digest:
            return False
    return True
