"""Queries of plain rows that Django compiles once, for the reads every list and live page
makes (blog.cards, live.pages).

Such a query differs from one request to the next only by its values (the ids of a page's
posts, say), yet the ORM built and compiled it anew each time, and that cost more than the
database took to answer it (README, Rendering speed). A CompiledRows asks the ORM for the
query once a process, database and number of values, with stand-in values, and then sends
that SQL with the values given, converting the columns as the ORM would (Django's own
converters: SQLite's dates, for one). Its SQL is the ORM's, so the rows are those the same
values_list() query returns.
"""

import threading

from django.db import connections

FIRST_STAND_IN = -(10**15)  # no id is this; each value given stands where one of these stood


class CompiledRows:
    def __init__(self, make):
        """make(values): the values_list() queryset for a list of values."""
        self.make = make
        self.compiled = {}
        self.lock = threading.Lock()

    def __call__(self, values, using):
        """The rows of make(values) on database using, as tuples (none for no values: the
        queries here select by a list of ids)."""
        values = list(values)
        if not values:
            return []
        key = (using, len(values))
        compiled = self.compiled.get(key)
        if compiled is None:
            compiled = self.compile(len(values), using)
            with self.lock:
                self.compiled[key] = compiled
        sql, params, positions, converters = compiled
        params = list(params)
        for position, value in zip(positions, values, strict=True):
            params[position] = value
        connection = connections[using]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if not converters:
            return rows
        return [convert(row, converters, connection) for row in rows]

    def compile(self, count, using):
        stand_ins = [FIRST_STAND_IN - n for n in range(count)]
        compiler = self.make(stand_ins).query.get_compiler(using=using)
        sql, params = compiler.as_sql()
        params = tuple(params)
        positions = [params.index(stand_in) for stand_in in stand_ins]
        if sorted(positions) != [n for n, param in enumerate(params) if param in stand_ins]:
            raise ValueError(f"each value must stand once in the query: {sql}")
        converters = compiler.get_converters([column for column, _, _ in compiler.select])
        return sql, params, positions, converters


def convert(row, converters, connection):
    row = list(row)
    for position, (functions, expression) in converters.items():
        value = row[position]
        for function in functions:
            value = function(value, expression, connection)
        row[position] = value
    return tuple(row)
