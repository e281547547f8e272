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
that does not hold what it shows.

Each worker keeps NEWSROOM_FRAGMENT_MEMORY_ENTRIES fragments (least recently used out first).
"""

import hashlib
import logging
import threading
from collections import OrderedDict

from django.conf import settings
from django.db import connections
from django.db.models import Model
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils import timezone, translation

from . import release

logger = logging.getLogger(__name__)


class QueryRefused(Exception):
    pass


def refuse_queries(execute, sql, params, many, context):
    raise QueryRefused(sql)


class Fragments:
    def __init__(self):
        self.entries = OrderedDict()
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

    def keep(self, name, make, instances, context):
        """make(), kept under name and what instances loaded and context holds; make may read
        nothing else (no query, no request)."""
        key = fragment_key(name, instances, context)
        with self.lock:
            value = self.entries.get(key)
            if value is not None:
                self.entries.move_to_end(key)
                return value
        try:
            with refusing_queries():
                value = make()
        except QueryRefused as refused:
            if name not in self.warned:
                self.warned.add(name)
                logger.warning(
                    "fragment %s read what its instances did not load (%s); not kept", name, refused
                )
            return make()
        with self.lock:
            self.entries[key] = value
            while len(self.entries) > settings.NEWSROOM_FRAGMENT_MEMORY_ENTRIES:
                self.entries.popitem(last=False)
        return value

    def clear(self):
        self.entries.clear()
        self.warned.clear()


class refusing_queries:
    """No database query, on any connection, while inside."""

    def __enter__(self):
        self.wrappers = [c.execute_wrapper(refuse_queries) for c in connections.all()]
        for wrapper in self.wrappers:
            wrapper.__enter__()

    def __exit__(self, *exc_info):
        for wrapper in reversed(self.wrappers):
            wrapper.__exit__(*exc_info)


def fragment_key(name, instances, context):
    digest = hashlib.blake2b(digest_size=20)
    for part in (
        release.current,
        name,
        translation.get_language(),
        timezone.get_current_timezone_name(),
        get_script_prefix(),
        repr(sorted(context.items())),
    ):
        digest.update(repr(part).encode())
    seen = set()
    for name, instance in sorted(instances.items()):
        digest.update(name.encode())
        add_loaded(digest, instance, seen)
    return digest.hexdigest()


def add_loaded(digest, instance, seen):
    """Everything loaded on instance, and on the objects loaded with it, into digest."""
    if id(instance) in seen:
        digest.update(b"<seen>")
        return
    seen.add(id(instance))
    digest.update(f"<{type(instance).__qualname__}".encode())
    for name, value in sorted(instance.__dict__.items()):
        if not name.startswith("_") and not isinstance(value, Model):
            digest.update(f"{name}={value!r};".encode())
    for name, related in sorted(instance._state.fields_cache.items()):
        digest.update(f"{name}:".encode())
        if related is None:
            digest.update(b"None")
        else:
            add_loaded(digest, related, seen)
    for name, queryset in sorted(getattr(instance, "_prefetched_objects_cache", {}).items()):
        digest.update(f"{name}[".encode())
        for related in queryset:
            add_loaded(digest, related, seen)
        digest.update(b"]")
    digest.update(b">")


fragments = Fragments()
