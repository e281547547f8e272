"""Whole pages for anonymous readers, stored under the release, the generation and the address.

A view wrapped in cache_page_for_readers may have its pages cached. PageCacheMiddleware looks
a page up under its key, ``page:<release>:<generation>:<address>``, before sessions, CSRF and
routing run, and stores the page on its way out with the headers every middleware added. The
generation is read before the page is rendered, and every committed change to what pages show
drops it (pagecache.generation, pagecache.writes), so there is nothing to declare and nothing
to invalidate: a page stored under an old generation is simply never asked for again. A page
also expires at the next scheduled change that no write announces (a post going live or
down, a breaking flag running out). Logged-in users and previews neither get nor fill it.

Each worker keeps the pages of the current generation it served lately in memory too (up to
NEWSROOM_PAGE_MEMORY_BYTES, least recently used first out), so a hit costs one small round
trip to the cache (the generation).
"""

import gzip
import hashlib
import time
from collections import OrderedDict
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.http import HttpResponse, QueryDict
from django.middleware.gzip import re_accepts_gzip as ACCEPTS_GZIP
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
from django.utils.module_loading import import_string

from . import generation, release

# The only query parameter a cached page may read; any other (utm_*, fbclid, ...) is dropped
# before the view runs, so it cannot change the page and is left out of the key.
PAGE_PARAMETER = "page"
# Headers that belong to one encoding of the body; a hit sets them for the one it sends.
PER_ENCODING_HEADERS = {"content-encoding", "content-length", "etag", "x-page-cache"}
CONDITIONAL_HEADERS = frozenset(
    ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE")
)


@dataclass(frozen=True)
class Entry:
    """A cached page: both encodings of its body, so a hit never compresses."""

    expires_at: float  # Unix time: the cache lifetime or the next scheduled change
    headers: dict  # as the middleware set them, without PER_ENCODING_HEADERS
    etag: str
    content: bytes
    compressed: bytes

    @property
    def size(self):
        return len(self.content) + len(self.compressed)


class Memory:
    """This worker's copies of the current generation's pages, bounded by bytes (LRU)."""

    def __init__(self):
        self.generation = None
        self.entries = OrderedDict()
        self.size = 0

    def get(self, key, generation):
        if generation != self.generation:
            self.clear(generation)
            return None
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
        return entry

    def put(self, key, generation, entry):
        limit = settings.NEWSROOM_PAGE_MEMORY_BYTES
        if generation != self.generation or entry.size > limit:
            return
        old = self.entries.pop(key, None)
        self.size += entry.size - (old.size if old else 0)
        self.entries[key] = entry
        while self.size > limit:
            _, evicted = self.entries.popitem(last=False)
            self.size -= evicted.size

    def clear(self, generation=None):
        self.generation = generation
        self.entries.clear()
        self.size = 0


memory = Memory()


def page_number(request):
    """The page number this address asks for ("" for the first page), or None when it is not
    written the one way we write it (page=2, never page=02 or page=x), which bypasses the
    cache: otherwise endless spellings of one page could fill it."""
    values = request.GET.getlist(PAGE_PARAMETER)
    if not values or values == ["1"]:
        return ""
    value = values[0]
    if len(values) > 1 or not value.isdigit() or value.startswith("0") or len(value) > 12:
        return None
    return value


def page_key(request, generation):
    number = page_number(request)
    if number is None:
        return None
    address = f"{request.scheme}://{request.get_host()}{request.path}?{number}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"page:{release.current}:{generation}:{digest}"


def is_personal(request):
    """Requests with a session (staff, previews) bypass the cache; the user is not loaded."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES or request.method not in (
        "GET",
        "HEAD",
    )


def is_cacheable(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
    )


def public_cache_control(expires_at):
    """Cache-Control for browsers (revalidate with ETag each time) and for a CDN (s-maxage),
    never past the next scheduled change."""
    remaining = max(0, int(min(expires_at - time.time(), 10**9)))
    shared = min(settings.NEWSROOM_CDN_MAX_AGE, remaining)
    stale = min(settings.NEWSROOM_CDN_STALE_WHILE_REVALIDATE, remaining - shared)
    return f"public, max-age=0, s-maxage={shared}, stale-while-revalidate={stale}"


def cache_page_for_readers(view):
    """Let the page cache keep this view's pages for anonymous readers (see the module
    docstring). The view sees no query parameter but the page number."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if is_personal(request):
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True)
            return response
        started_at = timezone.now()
        only_page = QueryDict(mutable=True)
        only_page.setlist(PAGE_PARAMETER, request.GET.getlist(PAGE_PARAMETER))
        request.GET = only_page
        response = view(request, *args, **kwargs)
        if hasattr(response, "render"):
            response.render()
        if not is_cacheable(response):
            return response
        next_change = import_string(settings.PAGE_CACHE_NEXT_CHANGE)(started_at)
        expires_at = min(time.time() + settings.NEWSROOM_PAGE_CACHE_SECONDS, next_change)
        etag = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
        response["ETag"] = etag
        response["Last-Modified"] = http_date()
        response["Cache-Control"] = public_cache_control(next_change)
        if settings.NEWSROOM_PAGE_CACHE_SECONDS and expires_at > time.time():
            response["X-Page-Cache"] = "miss"
            # The body as the view made it: GZipMiddleware may compress it on the way out.
            response.page_cache_entry = (expires_at, etag, response.content)
        return response

    return wrapper


def lookup(request, key, token):
    """The cached response for this key, gzipped if the client takes it, 304 if the client
    already has it; None if there is none."""
    entry = memory.get(key, token)
    if entry is None:
        entry = generation.store.call("get", key)
        if entry is None:
            return None
        memory.put(key, token, entry)
    if time.time() >= entry.expires_at:
        return None
    if ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
        response = HttpResponse(entry.compressed, headers=entry.headers)
        response["Content-Encoding"] = "gzip"
        response["ETag"] = "W/" + entry.etag  # as GZipMiddleware marks a compressed page
    else:
        response = HttpResponse(entry.content, headers=entry.headers)
        response["ETag"] = entry.etag
    response["Content-Length"] = len(response.content)
    response["Cache-Control"] = public_cache_control(entry.expires_at)
    response["X-Page-Cache"] = "hit"
    if CONDITIONAL_HEADERS.isdisjoint(request.META):
        return response
    return get_conditional_response(
        request,
        etag=response["ETag"],
        last_modified=parse_http_date_safe(response["Last-Modified"]),
        response=response,
    )


def store(key, token, response):
    expires_at, etag, content = response.page_cache_entry
    patch_vary_headers(response, ["Accept-Encoding"])
    # Cached pages are the same for every reader and hold no secret, so they need no padding
    # against BREACH.
    entry = Entry(
        expires_at=expires_at,
        headers={k: v for k, v in response.items() if k.lower() not in PER_ENCODING_HEADERS},
        etag=etag,
        content=content,
        compressed=gzip.compress(content, mtime=0),
    )
    timeout = max(1, int(expires_at - time.time()) + 1)
    if generation.store.call("set", key, entry, timeout, default=generation.FAILED) is None:
        memory.put(key, token, entry)


class PageCacheMiddleware:
    """Serves cached pages to anonymous readers first, before the security headers, sessions,
    CSRF, authentication and URL routing run: the headers those middleware added when the
    page was rendered are stored with it. Pages marked by cache_page_for_readers are stored
    here on their way out."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.skipped_prefixes = (settings.STATIC_URL, settings.MEDIA_URL)

    def __call__(self, request):
        if (
            not settings.NEWSROOM_PAGE_CACHE_SECONDS
            or is_personal(request)
            or request.path.startswith(self.skipped_prefixes)
        ):
            return self.get_response(request)
        # Read before anything the page shows is read: see pagecache.generation.
        token = generation.current()
        key = page_key(request, token) if token else None
        if key:
            cached = lookup(request, key, token)
            if cached is not None:
                return cached
        response = self.get_response(request)
        if key and hasattr(response, "page_cache_entry") and response.status_code == 200:
            store(key, token, response)
        return response
