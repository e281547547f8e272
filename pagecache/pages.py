"""Whole pages for anonymous readers, stored under the release, the generation and the address.

A view wrapped in cache_page_for_readers may have its pages cached. Every request first
passes CachedPagesFirst, a WSGI middleware in front of Django (newsroom/wsgi.py): it reads
the generation and looks the page up under its key, ``page:<release>:<generation>:<address>``;
a hit is answered there, with the headers every middleware added when the page was stored.
On a miss, PageCacheMiddleware stores the page on its way out, under the generation read
before the view ran. Every committed change to what pages show drops the generation
(pagecache.generation, pagecache.writes), so there is nothing to declare and nothing to
invalidate: a page stored under an old generation is simply never asked for again. A page
also expires at the next scheduled change that no write announces (a post going live or
down, a breaking flag running out). Logged-in users and previews neither get nor fill it.

Each worker keeps the pages of the current generation it served lately in memory too (up to
NEWSROOM_PAGE_MEMORY_BYTES, least recently used first out), so a hit costs one small round
trip to the cache (the generation).
"""

import gzip
import hashlib
import logging
import time
from collections import OrderedDict
from dataclasses import dataclass
from functools import wraps
from types import SimpleNamespace

from django.conf import settings
from django.core.handlers.wsgi import get_path_info
from django.http import HttpResponse, QueryDict
from django.middleware.gzip import re_accepts_gzip as ACCEPTS_GZIP
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
from django.utils.module_loading import import_string

from ops.logs import log_request, request_id

from . import generation, release

logger = logging.getLogger(__name__)

# The only query parameter a cached page may read; any other (utm_*, fbclid, ...) is dropped
# before the view runs, so it cannot change the page and is left out of the key.
PAGE_PARAMETER = "page"
# Headers that belong to one encoding of the body or one moment; a hit sets them afresh.
PER_HIT_HEADERS = {"content-encoding", "content-length", "etag", "x-page-cache", "cache-control"}
# Where the WSGI front notes the generation it read, for the page to be stored under.
GENERATION = "pagecache.generation"
CONDITIONAL_HEADERS = frozenset(
    ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE")
)


@dataclass(frozen=True)
class Entry:
    """A cached page: both encodings of its body, so a hit never compresses."""

    expires_at: float  # Unix time: the cache lifetime or the next scheduled change
    headers: tuple  # (name, value) as the middleware set them, without PER_HIT_HEADERS
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


def page_number(query_string):
    """The page number an address asks for ("" for the first page), or None when it is not
    written the one way we write it (page=2, never page=02 or page=x), which bypasses the
    cache: otherwise endless spellings of one page could fill it."""
    if not query_string:
        return ""
    values = QueryDict(query_string).getlist(PAGE_PARAMETER)
    if not values or values == ["1"]:
        return ""
    value = values[0]
    if len(values) > 1 or not value.isdigit() or value.startswith("0") or len(value) > 12:
        return None
    return value


def scheme(environ):
    """http or https, as django.http.HttpRequest.scheme decides it (behind a proxy, from
    SECURE_PROXY_SSL_HEADER)."""
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        value = environ.get(header)
        if value is not None:
            return "https" if value.split(",", 1)[0].strip() == secure_value else "http"
    return environ.get("wsgi.url_scheme", "http")


def raw_host(environ):
    """The host as the request gives it, before Django checks it: Django's
    HttpRequest._get_raw_host. A page is stored only after Django accepted its host."""
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in environ:
        return environ["HTTP_X_FORWARDED_HOST"]
    if "HTTP_HOST" in environ:
        return environ["HTTP_HOST"]
    host, port = environ.get("SERVER_NAME", ""), str(environ.get("SERVER_PORT", ""))
    return host if port == ("443" if scheme(environ) == "https" else "80") else f"{host}:{port}"


def page_key(environ, generation):
    """The key of the page a request asks for: release, generation and address (scheme, host,
    path and page number; nothing else a reader sends), or None if it is never cached."""
    number = page_number(environ.get("QUERY_STRING", ""))
    if number is None:
        return None
    path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
    address = f"{scheme(environ)}://{raw_host(environ)}{path}?{number}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"page:{release.current}:{generation}:{digest}"


def is_for_the_cache(environ):
    """Anonymous GET and HEAD requests for pages. A request with a session (staff, previews)
    is not, even before its session is loaded; nor is a file or a health probe
    (PAGE_CACHE_SKIPPED_PREFIXES)."""
    return (
        settings.NEWSROOM_PAGE_CACHE_SECONDS
        and environ.get("REQUEST_METHOD", "").upper() in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in environ.get("HTTP_COOKIE", "")
        and not environ.get("PATH_INFO", "").startswith(settings.PAGE_CACHE_SKIPPED_PREFIXES)
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
        if not is_for_the_cache(request.environ):
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


def cached_answer(environ):
    """The cached page a request asks for, as (status, headers, body), or None. The WSGI front
    below asks this before Django sees the request; it also notes the generation it read in
    the environ, for PageCacheMiddleware to store the page under if Django renders it."""
    if not is_for_the_cache(environ):
        return None
    # Read before anything the page shows is read: see pagecache.generation.
    token = environ[GENERATION] = generation.current()
    key = page_key(environ, token) if token else None
    if not key:
        return None
    entry = memory.get(key, token)
    if entry is None:
        entry = generation.store.call("get", key)
        if entry is None:
            return None
        memory.put(key, token, entry)
    if time.time() >= entry.expires_at:
        return None
    if ACCEPTS_GZIP.search(environ.get("HTTP_ACCEPT_ENCODING", "")):
        body, etag = entry.compressed, "W/" + entry.etag  # as GZipMiddleware marks it
        headers = [*entry.headers, ("Content-Encoding", "gzip")]
    else:
        body, etag, headers = entry.content, entry.etag, list(entry.headers)
    headers += [
        ("Cache-Control", public_cache_control(entry.expires_at)),
        ("ETag", etag),
        ("Content-Length", str(len(body))),
        ("X-Page-Cache", "hit"),
    ]
    if not CONDITIONAL_HEADERS.isdisjoint(environ):
        return conditional_answer(environ, headers, body)
    return "200 OK", headers, b"" if environ["REQUEST_METHOD"].upper() == "HEAD" else body


def conditional_answer(environ, headers, body):
    """304 (or 412) if the reader's copy is current, by Django's own rules."""
    response = HttpResponse(body, headers=dict(headers))
    request = SimpleNamespace(META=environ, method=environ["REQUEST_METHOD"].upper())
    response = get_conditional_response(
        request,
        etag=response["ETag"],
        last_modified=parse_http_date_safe(response["Last-Modified"]),
        response=response,
    )
    if request.method == "HEAD":
        response.content = b""
    return (
        f"{response.status_code} {response.reason_phrase}",
        list(response.items()),
        response.content,
    )


class CachedPagesFirst:
    """WSGI middleware, outermost: answers cache hits before Django builds a request, sends
    its request signals or runs any middleware, with the headers those middleware added when
    the page was stored, and one log line as ops.logs writes for every request. Everything
    else goes to Django."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        return self.answer(environ, start_response) or self.application(environ, start_response)

    def answer(self, environ, start_response):
        """The cached page's body, its status and headers given to start_response; or None."""
        started = time.perf_counter()
        try:
            answer = cached_answer(environ)
        except Exception:  # outside Django's error handling: let Django answer instead
            logger.exception("page cache front failed; answering through Django")
            return None
        if answer is None:
            return None
        status, headers, body = answer
        request = SimpleNamespace(id=request_id(environ), META=environ)
        start_response(status, [*headers, ("X-Request-ID", request.id)])
        method, path = environ["REQUEST_METHOD"], get_path_info(environ)
        log_request(method, path, int(status[:3]), started, request)
        return [body]


def store(key, token, response):
    expires_at, etag, content = response.page_cache_entry
    patch_vary_headers(response, ["Accept-Encoding"])
    # Cached pages are the same for every reader and hold no secret, so they need no padding
    # against BREACH.
    entry = Entry(
        expires_at=expires_at,
        headers=tuple((k, v) for k, v in response.items() if k.lower() not in PER_HIT_HEADERS),
        etag=etag,
        content=content,
        compressed=gzip.compress(content, mtime=0),
    )
    timeout = max(1, int(expires_at - time.time()) + 1)
    if generation.store.call("set", key, entry, timeout, default=generation.FAILED) is None:
        memory.put(key, token, entry)


class PageCacheMiddleware:
    """Stores the pages of views marked by cache_page_for_readers, on their way out, under the
    generation the WSGI front read before Django saw the request (CachedPagesFirst, installed
    in newsroom/wsgi.py). Without the front (Django's test client), it reads the generation
    itself, still before any view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        environ = request.environ
        if GENERATION not in environ:
            environ[GENERATION] = generation.current() if is_for_the_cache(environ) else None
        response = self.get_response(request)
        token = environ[GENERATION]
        if token and hasattr(response, "page_cache_entry") and response.status_code == 200:
            key = page_key(environ, token)
            if key:
                store(key, token, response)
        return response
