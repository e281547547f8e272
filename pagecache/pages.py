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

The address has one spelling a page: scheme, host (lowercase, no trailing dot, no default
port; Django is handed that spelling, so the links a page carries match its key), path and
page number. A host ALLOWED_HOSTS does not name one by one, a port the server is not reached
on or an odd page number are rendered but never stored (numbers padded with zeros in a path
are not found: blog/urls.py's number converter), so nothing a reader sends can store a page
twice: one page is at most one entry per scheme and per named host (with or without the
server's own port), both encodings in it.

Concurrent misses of one page render it once: the first takes a lock under the page's key
and, unless the page last stored for the address still reads the same rows (pagecache.reads:
then it is stored again under this generation, unrendered), renders it; the others wait in
the front, briefly, for the page to be stored under that same key, and answer it as a hit.
If nothing is stored (a 404, an error) or the wait runs
out, they render it themselves.

Each worker keeps the pages of the current generation it served lately in memory too (up to
NEWSROOM_PAGE_MEMORY_BYTES, least recently used first out), so a hit costs one small round
trip to the cache (the generation). Revalidation is by ETag: Last-Modified counts whole
seconds, which cannot tell apart two versions of a page made within one, so If-Modified-Since
never answers 304 for a cached page.
"""

import functools
import gzip
import hashlib
import logging
import time
from collections import OrderedDict
from dataclasses import dataclass
from functools import wraps
from types import SimpleNamespace

from django.conf import settings
from django.core.handlers.wsgi import WSGIRequest, get_path_info
from django.http import HttpResponse, QueryDict
from django.http.request import split_domain_port
from django.middleware.gzip import re_accepts_gzip as ACCEPTS_GZIP
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe

from ops.logs import log_request, request_id

from . import generation, kept, reads, release

logger = logging.getLogger(__name__)

# The only query parameter a cached page may read; any other (utm_*, fbclid, ...) is dropped
# before the view runs, so it cannot change the page and is left out of the key.
PAGE_PARAMETER = "page"
# Headers that belong to one encoding of the body or one moment; a hit sets them afresh.
PER_HIT_HEADERS = {"content-encoding", "content-length", "etag", "x-page-cache", "cache-control"}
# Where the WSGI front notes the generation it read, for the page to be stored under.
GENERATION = "pagecache.generation"
# Where use_canonical_host notes the host it settled on (None: pages never stored).
CANONICAL_HOST = "pagecache.host"
# Where the front notes the lock it took to render a page, for PageCacheMiddleware to release.
LOCK = "pagecache.lock"
CONDITIONAL_HEADERS = frozenset(
    ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE")
)
# A render holds its lock this long at most: longer than a render takes, short enough that a
# worker killed mid-render (or an error the middleware never saw) holds no one up for long.
LOCK_SECONDS = 5
# How long other misses of the page wait for it, and how often they look. A sync worker
# waits idle, which costs less than rendering the same page beside the first.
WAIT_SECONDS = 2
POLL_SECONDS = 0.01


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


def default_port(environ):
    return "443" if scheme(environ) == "https" else "80"


def host_header(environ):
    """The environ key Django reads the host from (HttpRequest._get_raw_host): X-Forwarded-Host
    only with USE_X_FORWARDED_HOST; None when there is no header to read."""
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in environ:
        return "HTTP_X_FORWARDED_HOST"
    return "HTTP_HOST" if "HTTP_HOST" in environ else None


def raw_host(environ):
    """The host as the request gives it, before Django checks it: Django's
    HttpRequest._get_raw_host. A page is stored only after Django accepted its host."""
    header = host_header(environ)
    if header:
        return environ[header]
    host, port = environ.get("SERVER_NAME", ""), str(environ.get("SERVER_PORT", ""))
    return host if port == default_port(environ) else f"{host}:{port}"


def named_hosts():
    """The hosts ALLOWED_HOSTS names one by one ("example.com" or ".example.com" names
    example.com), with Django's defaults under DEBUG. Only "*" or a leading dot let in any
    other, and endless names must not each store every page."""
    return hosts_named_by(tuple(settings.ALLOWED_HOSTS), settings.DEBUG)


@functools.lru_cache(maxsize=8)
def hosts_named_by(allowed, debug):
    if debug and not allowed:
        allowed = (".localhost", "127.0.0.1", "[::1]")
    return frozenset(host.lower().removeprefix(".") for host in allowed if host != "*")


def canonical_host(environ):
    """The request's host in the one spelling its pages are stored under: lowercase, no
    trailing dot, no port when it is the scheme's default, a port without leading zeros. None
    when its pages are never stored: a host not named in ALLOWED_HOSTS, or a port other than
    the one the server is reached on (SERVER_PORT: gunicorn's own, which a reader who reaches
    it directly, as the bench does, names), since Django accepts any port at all."""
    domain, port = split_domain_port(raw_host(environ))
    if not domain or domain not in named_hosts():
        return None
    # As a string: int() refuses numbers of thousands of digits, which anyone may send.
    port = (port.lstrip("0") or "0") if port else default_port(environ)
    if port == default_port(environ):
        return domain
    return f"{domain}:{port}" if port == str(environ.get("SERVER_PORT", "")) else None


def use_canonical_host(environ):
    """Hand Django the host in its canonical spelling: a page's links carry the host, so the
    page stored under a spelling must be the one rendered for it."""
    host = environ[CANONICAL_HOST] = canonical_host(environ)
    if host is not None and host != raw_host(environ):
        environ[host_header(environ) or "HTTP_HOST"] = host


def page_key(environ, generation):
    """The key of the page a request asks for: release, generation and address (scheme,
    canonical host, path and page number; nothing else a reader sends), or None if it is never
    cached (see the module docstring)."""
    number = page_number(environ.get("QUERY_STRING", ""))
    path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
    host = raw_host(environ)
    canonical = environ[CANONICAL_HOST] if CANONICAL_HOST in environ else canonical_host(environ)
    if number is None or host != canonical:
        return None
    address = f"{scheme(environ)}://{host}{path}?{number}"
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
        with reads.recorded() as page_reads:  # everything the page is made of
            # Asked first, so the shared data the view reads is kept from here on
            # (pagecache.kept).
            next_change = kept.next_change_after(request, started_at)
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
        if not is_cacheable(response):
            return response
        expires_at = min(time.time() + settings.NEWSROOM_PAGE_CACHE_SECONDS, next_change)
        etag = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
        response["ETag"] = etag
        response["Last-Modified"] = http_date()
        # Whole seconds cannot tell apart two versions made within one: only the ETag
        # revalidates, here (ConditionalGetMiddleware, on the way out) as in the front.
        request.META.pop("HTTP_IF_MODIFIED_SINCE", None)
        response["Cache-Control"] = public_cache_control(next_change)
        if settings.NEWSROOM_PAGE_CACHE_SECONDS and expires_at > time.time():
            response["X-Page-Cache"] = "miss"
            # The body as the view made it: GZipMiddleware may compress it on the way out.
            response.page_cache_entry = (expires_at, etag, response.content, page_reads.frozen())
        return response

    return wrapper


def cached_answer(environ):
    """The cached page a request asks for, as (status, headers, body, how it was answered:
    "hit" or "revalidated"), or None. The WSGI front below asks this before Django sees the
    request; it also notes the generation it read in the environ, for PageCacheMiddleware to
    store the page under if Django renders it."""
    if not is_for_the_cache(environ):
        return None
    use_canonical_host(environ)
    # Read before anything the page shows is read: see pagecache.generation.
    token = environ[GENERATION] = generation.current()
    key = page_key(environ, token) if token else None
    if not key:
        return None
    answered_as = "hit"
    entry = memory.get(key, token)
    if not is_fresh(entry):
        entry = generation.store.call("get", key)
        if not is_fresh(entry):
            entry = rendered_by_another(environ, key)
            if entry is None and LOCK in environ:  # this request is to render the page
                entry = still_the_same(key, token)
                if entry is None:
                    return None
                release_lock(environ)
                answered_as = "revalidated"
            elif entry is None:
                return None
        memory.put(key, token, entry)
    if ACCEPTS_GZIP.search(environ.get("HTTP_ACCEPT_ENCODING", "")):
        body, etag = entry.compressed, "W/" + entry.etag  # as GZipMiddleware marks it
        headers = [*entry.headers, ("Content-Encoding", "gzip")]
    else:
        body, etag, headers = entry.content, entry.etag, list(entry.headers)
    headers += [
        ("Cache-Control", public_cache_control(entry.expires_at)),
        ("ETag", etag),
        ("Content-Length", str(len(body))),
        ("X-Page-Cache", answered_as),
    ]
    if not CONDITIONAL_HEADERS.isdisjoint(environ):
        return (*conditional_answer(environ, headers, body), answered_as)
    body = b"" if environ["REQUEST_METHOD"].upper() == "HEAD" else body
    return "200 OK", headers, body, answered_as


def is_fresh(entry):
    return entry is not None and time.time() < entry.expires_at


def reads_key(key):
    """Where a page is stored with its reads (pagecache.reads): its key without the
    generation, so a later generation finds it."""
    _, release_digest, _, address = key.split(":")
    return f"reads:{release_digest}:{address}"


def still_the_same(key, token):
    """The page last stored for key's address, stored again under key's generation (token),
    if it has not expired and the database answers each of its reads with the same rows as
    when it was rendered; else None (render it)."""
    stored = generation.store.call("get", reads_key(key))
    if stored is None:
        return None
    page_reads, entry = stored
    if not is_fresh(entry):
        return None
    try:
        if not reads.read_the_same(page_reads):
            return None
    except Exception:  # the database failed: rendering will say so
        logger.warning("could not check a cached page's reads; rendering it", exc_info=True)
        return None
    keep(key, token, entry)
    return entry


def lock_key(key):
    return f"{key}:rendering"


def rendered_by_another(environ, key):
    """The page another request is rendering, once it is stored under the same key (so of the
    generation this request read, as a render of its own would be); None when this request is
    to render it: it took the lock, or the one rendering stored nothing or took too long."""
    lock = lock_key(key)
    taken = generation.store.call("add", lock, True, LOCK_SECONDS)
    if taken is None:  # the cache is paused or failing
        return None
    if taken:
        environ[LOCK] = lock
        return None
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
        found = generation.store.call("get_many", [key, lock])
        if found is None:
            return None
        if is_fresh(found.get(key)):
            return found[key]
        if lock not in found:  # rendered, and not stored: a 404, an error, a full cache
            return None
    return None


def release_lock(environ):
    """Let the misses waiting for this page go: it is stored, or will not be."""
    lock = environ.pop(LOCK, None)
    if lock:
        generation.store.call("delete", lock)


def conditional_answer(environ, headers, body):
    """304 (or 412) if the reader's copy is current, by Django's own rules, If-Modified-Since
    left out (see cache_page_for_readers)."""
    response = HttpResponse(body, headers=dict(headers))
    request = WSGIRequest({k: v for k, v in environ.items() if k != "HTTP_IF_MODIFIED_SINCE"})
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
        status, headers, body, answered_as = answer
        request = SimpleNamespace(id=request_id(environ), META=environ)
        start_response(status, [*headers, ("X-Request-ID", request.id)])
        method, path = environ["REQUEST_METHOD"], get_path_info(environ)
        log_request(method, path, int(status[:3]), started, request, answered_as)
        return [body]


def store(key, token, response):
    expires_at, etag, content, page_reads = response.page_cache_entry
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
    if keep(key, token, entry) and page_reads is not None:
        generation.store.call("set", reads_key(key), (page_reads, entry), seconds_left(entry))


def keep(key, token, entry):
    """Store entry under key (of the generation token), in the cache and this worker's memory,
    and note it under its generation; False if the cache failed."""
    stored = generation.store.call(
        "set", key, entry, seconds_left(entry), default=generation.FAILED
    )
    if stored is generation.FAILED:  # local memory answers None, django-redis True
        return False
    memory.put(key, token, entry)
    generation.note_page(key, token)
    return True


def seconds_left(entry):
    return max(1, int(entry.expires_at - time.time()) + 1)


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
            environ[GENERATION] = None
            if is_for_the_cache(environ):
                use_canonical_host(environ)
                environ[GENERATION] = generation.current()
        try:
            response = self.get_response(request)
            token = environ[GENERATION]
            if token and hasattr(response, "page_cache_entry") and response.status_code == 200:
                key = page_key(environ, token)
                if key:
                    store(key, token, response)
        finally:
            # Django turns a view's exception into a 500 response below; this also covers one
            # raised here. A worker killed mid-render leaves the lock to LOCK_SECONDS.
            release_lock(environ)
        return response
