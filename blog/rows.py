"""Queries that Django compiles once, for the reads every reader page makes (blog.cards,
blog.post_page, live.pages).

Such a query differs from one request to the next only by its values (the ids of a page's
posts, a post's address, the time now), yet the ORM built and compiled it anew each time, and
that cost more than the database took to answer it (README, Rendering speed). A CompiledRows
asks the ORM for the query once a process, database and kinds of values, with stand-in values,
and then sends that SQL with the values given, converting the columns as the ORM would
(Django's own converters: SQLite's dates, for one). Its SQL is the ORM's, so the rows are those
the same query returns; CompiledObjects makes the model instances from them as the ORM does
(select_related included).
"""

import threading
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import connections
from django.db.models.query import get_related_populators

FIRST_STAND_IN = -(10**15)  # no id is this; each value given stands where one of these stood


def stand_in(value, n):
    """A value of value's kind that no real one is: the n-th of the query's values."""
    if isinstance(value, bool):
        raise TypeError("a flag changes the SQL; make one query for each")
    if isinstance(value, int):
        return FIRST_STAND_IN - n
    if isinstance(value, str):
        return f"\uffffstand-in {n}\uffff"
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise TypeError("an aware datetime is needed")
        return datetime(1901, 2, 3, 4, 5, 6, n + 1, tzinfo=UTC)
    raise TypeError(f"no stand-in for {type(value).__name__}")


def adapter(value, connection):
    """How the ORM turns a value of this kind into a query parameter on connection."""
    if isinstance(value, datetime):
        return connection.ops.adapt_datetimefield_value
    return None


@dataclass(frozen=True)
class Compiled:
    sql: str
    params: tuple
    places: tuple  # for each value: its adapter and the positions in params it stands at
    converters: dict
    select: list
    klass_info: dict | None


class CompiledRows:
    def __init__(self, make):
        """make(values): the queryset (values_list(), or of model instances for
        CompiledObjects) for a list of values: ids, strings or aware datetimes. A value may
        stand in several places of the query; a value None, a flag or a list must be given
        to make() itself, as each changes the SQL."""
        self.make = make
        self.compiled = {}
        self.lock = threading.Lock()

    def __call__(self, values, using):
        """The rows of make(values) on database using, as tuples (none for no values: the
        queries here select by a list of ids)."""
        values = list(values)
        if not values:
            return []
        return self.rows(values, self.compiled_for(values, using), using)

    def compiled_for(self, values, using):
        key = (using, tuple(type(value) for value in values))
        compiled = self.compiled.get(key)
        if compiled is None:
            compiled = self.compile(values, using)
            with self.lock:
                self.compiled[key] = compiled
        return compiled

    def rows(self, values, compiled, using):
        params = list(compiled.params)
        for (adapt, positions), value in zip(compiled.places, values, strict=True):
            param = value if adapt is None else adapt(value)
            for position in positions:
                params[position] = param
        connection = connections[using]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        if not compiled.converters:
            return rows
        return [convert(row, compiled.converters, connection) for row in rows]

    def compile(self, values, using):
        connection = connections[using]
        stand_ins = [stand_in(value, n) for n, value in enumerate(values)]
        compiler = self.make(stand_ins).query.get_compiler(using=using)
        sql, params = compiler.as_sql()
        params = tuple(params)
        places = []
        for value in stand_ins:
            adapt = adapter(value, connection)
            param = value if adapt is None else adapt(value)
            positions = tuple(n for n, given in enumerate(params) if given == param)
            if not positions:
                raise ValueError(f"a value given is not in the query: {sql}")
            places.append((adapt, positions))
        converters = compiler.get_converters([column for column, _, _ in compiler.select])
        return Compiled(
            sql, params, tuple(places), converters, compiler.select, compiler.klass_info
        )


class CompiledWindow(CompiledRows):
    """A CompiledRows of a long list read a window at a time: the ORM writes a slice's bounds
    into the SQL itself, so they are added here as LIMIT and OFFSET values (PostgreSQL and
    SQLite both take them as parameters). make(values) is the list's queryset, unsliced."""

    def window(self, values, start, stop, using):
        """The rows of make(values) from position start up to stop."""
        values = [*values, stop - start, start]
        return self.rows(values, self.compiled_for(values, using), using)

    def compile(self, values, using):
        compiled = super().compile(values[:-2], using)
        limit, offset = len(compiled.params), len(compiled.params) + 1
        return Compiled(
            f"{compiled.sql} LIMIT %s OFFSET %s",
            (*compiled.params, 0, 0),
            (*compiled.places, (None, (limit,)), (None, (offset,))),
            compiled.converters,
            compiled.select,
            compiled.klass_info,
        )


class CompiledObjects(CompiledRows):
    """A CompiledRows of a query of model instances: the instances, with those it
    select_related(), made from the rows as Django's ModelIterable makes them."""

    def __call__(self, values, using):
        values = list(values)
        compiled = self.compiled_for(values, using)
        info, select = compiled.klass_info, compiled.select
        start, end = info["select_fields"][0], info["select_fields"][-1] + 1
        columns = [column.target.attname for column, _, _ in select[start:end]]
        populators = get_related_populators(info, select, using)
        instances = []
        for row in self.rows(values, compiled, using):
            instance = info["model"].from_db(using, columns, row[start:end])
            for populator in populators:
                populator.populate(row, instance)
            instances.append(instance)
        return instances


def convert(row, converters, connection):
    row = list(row)
    for position, (functions, expression) in converters.items():
        value = row[position]
        for function in functions:
            value = function(value, expression, connection)
        row[position] = value
    return tuple(row)
