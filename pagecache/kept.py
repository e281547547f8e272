"""What many pages read besides their own content (the banner, the navigation, a blog's newest
posts, the pins, the running live coverage), read once a generation by each worker.

A value is kept under the generation the request read (pagecache.generation) and until the
next scheduled change (PAGE_CACHE_NEXT_CHANGE), exactly as a cached page is: every write that
changes what readers see drops the generation, and with it everything kept here, so nothing
kept can outlive a change. The generation is read as a page-cache miss reads it, before the
value, and also for requests the page cache never stores (pages for staff, previews, the page
cache turned off), as long as it is shared between processes (Redis). With a cache of one
process (local memory: development, tests), only requests the page cache is for, whose
generation the front read, keep values; the others read them every time.
"""

import threading

from django.conf import settings
from django.utils import timezone, translation
from django.utils.module_loading import import_string

from . import generation, pages, reads

_MISSING = object()


class Kept(threading.local):
    """This worker's values for one generation (per thread: runserver serves in threads)."""

    def __init__(self):
        self.token = None
        self.since = None  # when the first value of the generation began to be read
        self.until = 0.0  # Unix time: the next scheduled change after since
        self.until_reads = None  # the reads that found it (pagecache.reads)
        self.values = {}  # {name: (value, the reads that made it)}

    def holds(self, token, moment):
        """Whether what is kept is of this generation and holds at moment (a datetime)."""
        return (
            token is not None
            and token == self.token
            and self.since <= moment
            and moment.timestamp() < self.until
        )

    def start(self, token, since):
        """Keep values of the generation token from since on, until the next scheduled
        change."""
        self.token, self.since, self.values = token, since, {}
        with reads.recorded() as recording:
            self.until = import_string(settings.PAGE_CACHE_NEXT_CHANGE)(since)
        self.until_reads = recording.frozen()


kept = Kept()


def generation_of(request):
    """The generation values read for this request are kept under, or None (keep nothing)."""
    if request is None:
        return None
    environ = request.environ
    token = environ.get(pages.GENERATION)
    if token is None and generation.is_shared():
        token = environ[pages.GENERATION + ".kept"] = environ.get(pages.GENERATION + ".kept") or (
            generation.current()
        )
    return token


def once_a_generation(request, name, read):
    """read(), read once a request and, while the generation lasts, once a worker (apart for
    each language and time zone, which queries may read: months are the site's months)."""
    name = (name, translation.get_language(), timezone.get_current_timezone_name())
    per_request = request.__dict__.setdefault("kept_values", {}) if request is not None else {}
    value = per_request.get(name, _MISSING)
    if value is not _MISSING:
        return value
    token = generation_of(request)
    if kept.holds(token, timezone.now()) and name in kept.values:
        value, value_reads = kept.values[name]
        reads.include(value_reads)  # a page showing it read what it was made of
    else:
        started_at = timezone.now()
        with reads.recorded() as recording:
            value = read()
        if token is not None:
            if not kept.holds(token, started_at):
                kept.start(token, started_at)
            kept.values[name] = (value, recording.frozen())
    per_request[name] = value
    return value


def next_change_after(request, moment):
    """When a page rendered from the database as it was at moment may next change with
    nothing saved (PAGE_CACHE_NEXT_CHANGE): the moment kept for the request's generation
    when the generation was first read before moment (no scheduled change lies between the
    two), else read, and kept for the values to come. A page-cache miss asks this: two
    queries saved on every miss but the first of each worker and generation."""
    token = generation_of(request)
    if not kept.holds(token, moment):
        if token is None:
            return import_string(settings.PAGE_CACHE_NEXT_CHANGE)(moment)
        kept.start(token, moment)  # its reads are the current render's as they are made
    else:
        reads.include(kept.until_reads)
    return kept.until


def forget():
    """Drop every kept value (tests)."""
    kept.__init__()
