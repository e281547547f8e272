"""Fragments of pages kept by what they show: a post's card, rendered once by each worker for
as long as what the card is made of stays the same, on every page that shows it.

A fragment is rendered from model instances only, and its key is a digest of everything
loaded on them: each field's value, and the same of every related object loaded with them
(select_related, prefetch_related), besides the release (code and settings), the language, the
time zone and the script prefix, and whatever else the caller passes in. So a change to any
of it, however it was made (admin, ORM, raw SQL, another server), gives another key; no
fragment is ever dropped, it is simply not asked for again. Nothing else reaches the template
(no request, no context of the page): a template that reads a field the instance did not load
would make a query for it, so a render runs with queries refused, and one that tries is
rendered again with them allowed and not kept (logged once), rather than kept under a key
that does not hold what it shows. Nor may it read the clock ({% now %}, timesince): the
caller passes the moment in, as the footer does its year (tests/test_fragments.py checks the
templates).

Each worker keeps at most NEWSROOM_FRAGMENT_MEMORY_ENTRIES fragments and
NEWSROOM_FRAGMENT_MEMORY_BYTES of them (least recently used out first).
"""

import hashlib
import logging
import threading
from collections import OrderedDict
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import Enum
from urllib.parse import urlsplit
from uuid import UUID

from django.conf import settings
from django.db import connections
from django.db.models import Model
from django.db.models.fields.files import FieldFile
from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf
from django.utils import timezone, translation

from . import release

logger = logging.getLogger(__name__)


class QueryRefused(Exception):
    pass


class Fragments:
    def __init__(self):
        self.entries = OrderedDict()  # key: (fragment, its size in bytes)
        self.bytes = 0
        self.warned = set()
        self.lock = threading.Lock()  # runserver serves in threads

    def render(self, template_name, instances, **context):
        """The template rendered with instances and context (plain values), kept."""
        return self.keep(
            template_name,
            lambda: render_to_string(template_name, {**instances, **context}),
            instances,
            context,
        )

    def render_rows(self, template_name, rows, build, context):
        """The template rendered with build() (its model instances, made from rows and nothing
        else) and context (plain values), kept under rows themselves: plain values as the
        database gave them, cheaper to digest than the instances they make (blog.cards)."""
        return self.keep(
            template_name,
            lambda: render_to_string(template_name, {**build(), **context}),
            {},
            context,
            rows,
        )

    def keep(self, name, make, instances, context, rows=()):
        """make(), kept under name, what instances (each a model instance, a list of them or
        None) loaded, context holds and rows (plain values) hold; make may read nothing else
        (no query, no request)."""
        key = fragment_key(name, instances, context, rows)
        if key is None:
            self.warn(name, "was given what cannot be told apart by its value")
            return make()
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
                return entry[0]
        guard = refusing_queries()
        try:
            with guard:
                value = make()
        except QueryRefused:
            pass
        if guard.refused:
            self.warn(name, f"read what its instances did not load ({guard.refused})")
            value = make()
            # What this render loaded is on the instances now, and a digest settle() took
            # before it would not say so: other fragments kept by them walk them again.
            unsettle(instances.values())
            return value
        size = size_of(value)
        with self.lock:
            if key not in self.entries:
                self.entries[key] = (value, size)
                self.bytes += size
            while self.entries and (
                len(self.entries) > settings.NEWSROOM_FRAGMENT_MEMORY_ENTRIES
                or self.bytes > settings.NEWSROOM_FRAGMENT_MEMORY_BYTES
            ):
                self.bytes -= self.entries.popitem(last=False)[1][1]
        return value

    def warn(self, name, why):
        if name not in self.warned:
            self.warned.add(name)
            logger.warning("fragment %s %s; not kept", name, why)

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.bytes = 0
        self.warned.clear()


def size_of(value):
    """About the bytes a kept value holds: its length for HTML, its repr's for data
    (live.structured_data keeps an update's JSON-LD as a dict)."""
    return len(value if isinstance(value, str) else repr(value)) + 100


class SiteAddress:
    """The request as a kept fragment may see it: build_absolute_uri() and nothing else (no
    user, no parameters, no session). For a path (from reverse(), static(), a file's url) or a
    full address, what it gives depends only on the scheme and host the reader asked, its
    origin, which the fragment is kept by besides (blog_tags.post_head)."""

    def __init__(self, request):
        self._request = request
        self.origin = request.build_absolute_uri("/")

    def build_absolute_uri(self, location):
        address = urlsplit(location)
        if not (location.startswith("/") or (address.scheme and address.netloc)):
            raise ValueError(f"a kept fragment asked for a relative address: {location}")
        return self._request.build_absolute_uri(location)


class refusing_queries:
    """No database query, on any connection, while inside; refused notes the first one tried,
    even if the template swallowed the exception (an {% if %} operator counts any error as
    False)."""

    refused = None

    def refuse(self, execute, sql, params, many, context):
        self.refused = self.refused or sql
        raise QueryRefused(sql)

    def __enter__(self):
        self.wrappers = [c.execute_wrapper(self.refuse) for c in connections.all()]
        for wrapper in self.wrappers:
            wrapper.__enter__()

    def __exit__(self, *exc_info):
        for wrapper in reversed(self.wrappers):
            wrapper.__exit__(*exc_info)


def fragment_key(name, instances, context, rows=()):
    """A digest of everything the fragment may show, or None if something it was given cannot
    be told apart by its value (the fragment is then rendered and not kept)."""
    digest = hashlib.blake2b(digest_size=20)
    parts = (
        release.current,
        name,
        translation.get_language(),
        timezone.get_current_timezone_name(),
        get_script_prefix(),
        get_urlconf(),
        sorted(context.items()),
    )
    try:
        digest.update(plain_repr(parts).encode())
        digest.update(rows_repr(rows).encode())
        seen = set()
        for name, value in sorted(instances.items()):
            digest.update(f"{name}[".encode())
            for instance in [] if value is None else value if type(value) is list else [value]:
                if not isinstance(instance, Model):
                    raise NotKeyable(type(instance))
                add_loaded(digest, instance, seen)
            digest.update(b"]")
    except NotKeyable:
        return None
    return digest.hexdigest()


class NotKeyable(Exception):
    pass


# Values whose repr() is all they hold.
PLAIN = frozenset(
    (str, int, float, bool, type(None), bytes, Decimal, datetime, date, time, timedelta, UUID)
)


def plain_repr(value):
    kind = type(value)
    if kind in PLAIN or isinstance(value, (Enum, FieldFile)):
        return repr(value)
    if kind in (list, tuple) and not any(isinstance(item, Model) for item in value):
        return f"{kind.__name__}({','.join(plain_repr(item) for item in value)})"
    raise NotKeyable(kind)


def rows_repr(rows):
    """repr(rows), rows being tuples (or lists) of plain values to any depth; a flat walk, as a
    page of cards holds hundreds of values."""
    stack = [rows]
    while stack:
        value = stack.pop()
        kind = type(value)
        if kind is tuple or kind is list:
            stack.extend(value)
        elif kind not in PLAIN:
            raise NotKeyable(kind)
    return repr(rows)


def rows_digest(rows):
    """rows (as rows_repr() takes them) as a short string to key fragments by in their place:
    for rows that several fragments of a page are kept by, digested once."""
    return hashlib.blake2b(rows_repr(rows).encode(), digest_size=20).hexdigest()


SETTLED = "_fragments_settled"  # where settle() leaves an instance's digest


def settle(*instances):
    """Digest what each instance loaded (add_loaded()) once and for all, and leave the digest
    on it: fragments kept by it, or by what it was loaded with, take that digest in place of
    walking it again. Only for instances that nothing changes afterwards: a post page's post
    once its view has loaded it, what pagecache.kept keeps for a generation. Returns the
    first instance. One that cannot be told apart by its value is left as it was."""
    for instance in instances:
        digest = hashlib.blake2b(digest_size=20)
        try:
            add_loaded(digest, instance, set())
        except NotKeyable:
            continue
        instance.__dict__[SETTLED] = digest.hexdigest()
    return instances[0] if instances else None


def unsettle(values, seen=None):
    """Take settle()'s digest off every instance in values (instances or lists of them) and
    off the objects loaded with them."""
    seen = set() if seen is None else seen
    for value in values:
        for instance in value if type(value) in (list, tuple) else [value]:
            if not isinstance(instance, Model) or id(instance) in seen:
                continue
            seen.add(id(instance))
            instance.__dict__.pop(SETTLED, None)
            unsettle(instance.__dict__.values(), seen)
            unsettle(instance._state.fields_cache.values(), seen)
            prefetched = getattr(instance, "_prefetched_objects_cache", {}).values()
            unsettle([list(queryset) for queryset in prefetched], seen)  # their cache


def add_loaded(digest, instance, seen):
    """Everything loaded on instance, and on the objects loaded with it, into digest: its
    fields (and what it remembered: cached properties, attributes set on it), the related
    objects loaded with it (select_related, prefetch_related, Prefetch to_attr); for an
    instance settle() digested, that digest."""
    if id(instance) in seen:
        digest.update(b"<seen>")
        return
    seen.add(id(instance))
    settled = instance.__dict__.get(SETTLED)
    if settled is not None:
        digest.update(f"<settled {settled}>".encode())
        return
    plain, related = [type(instance).__qualname__], []
    for name, value in instance.__dict__.items():
        if name[0] == "_":
            continue
        if isinstance(value, Model):
            related.append((name, [value]))
        elif type(value) in (list, tuple) and value and isinstance(value[0], Model):
            related.append((name, value))
        else:
            plain.append((name, plain_repr(value)))
    digest.update(repr(plain).encode())
    related += [
        (name, [] if value is None else [value])
        for name, value in instance._state.fields_cache.items()
    ]
    related += [
        (name, queryset)
        for name, queryset in getattr(instance, "_prefetched_objects_cache", {}).items()
    ]
    for name, objects in related:
        digest.update(f"{name}[".encode())
        for related_instance in objects:
            if not isinstance(related_instance, Model):
                raise NotKeyable(type(related_instance))
            add_loaded(digest, related_instance, seen)
        digest.update(b"]")


fragments = Fragments()
