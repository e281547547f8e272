"""Full-page cache for anonymous readers that is never stale.

Every cached page remembers the version of each thing it shows: "post:12", "blog:3",
"author:7", "tag:5", the lists "list:home", "list:blog:3", "list:tag:5", "list:author:7",
a blog's "latest:3" sidebar, and on every page "breaking" (the banner) and "blogs" (the
navigation). Views name what they show with depends_on(); the admin, after it saves, bumps
the versions of what it changed (blog/versions.py). A page is served from the cache only while
every version it recorded is unchanged, so exactly the pages that show a change are rebuilt
and the rest stay cached. No page outlives the next scheduled change (a post going live, a
breaking flag running out), which nothing announces. Logged-in users and previews neither
get nor fill the cache. With Redis, each worker also keeps the pages it served lately in
memory, kept current by the bumps Redis publishes (blog/near_cache.py).
"""

import gzip
import hashlib
import logging
import time
from functools import partial, wraps

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip as ACCEPTS_GZIP
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import http_date, parse_http_date_safe

from .models import LostVersionBump
from .near_cache import CHANNEL, near_cache
from .site_state import site_state

logger = logging.getLogger(__name__)

EVERY_PAGE = ("breaking", "blogs")
# Query parameters that never change a page (campaign tags) are left out of its cache key.
IGNORED_PARAMETERS = ("utm_", "fbclid", "gclid", "mc_")
# A page is stored only if none of its versions changed within this time before its
# rendering began: a render that read rows just before a save is not stored as new. It also
# absorbs clock differences between app servers.
SETTLE_NS = 1_000_000_000
# Part of every page key: a release that changes what an entry holds moves it on, so app
# servers of two releases, side by side during a rolling deploy, never read each other's pages.
ENTRY_FORMAT = 2
# After a Redis error the page cache is left alone this long, then tried again.
PAUSE_AFTER_ERROR_SECONDS = 5


class PageCache:
    """The "pages" cache, minding Redis outages: errors are logged and the site serves
    uncached. Version bumps that cannot be written are kept in the database
    (LostVersionBump) and written once Redis answers again."""

    def __init__(self):
        self.paused_until = 0.0
        self.failed = False  # an error was seen: replay lost bumps once Redis answers

    def call(self, method, *args, default=None):
        if time.monotonic() < self.paused_until:
            return default
        if self.failed:  # the last call failed: first write the bumps Redis missed
            self.failed = False
            replay_lost_bumps()
            if time.monotonic() < self.paused_until:
                return default
        cache = caches["pages"]
        operation = partial(publish, cache) if method == "publish" else getattr(cache, method)
        try:
            result = operation(*args)
        except Exception:  # Redis errors arrive wrapped in several exception types.
            logger.warning("page cache unavailable; serving uncached", exc_info=True)
            self.paused_until = time.monotonic() + PAUSE_AFTER_ERROR_SECONDS
            self.failed = True
            return default
        return result


page_cache = PageCache()
FAILED = object()


def publish(cache, version_keys):
    """Tell every worker's near cache (blog/near_cache.py) that these versions moved on."""
    if hasattr(cache, "client"):  # Redis; a local-memory cache has no other worker to tell
        cache.client.get_client(write=True).publish(CHANNEL, " ".join(version_keys))


def write_versions(keys, keep_if_lost=True):
    """Write bumped versions to Redis and announce them; keep them in the database if
    Redis cannot take them, to be written when it can (replay_lost_bumps)."""
    near_cache.forget(keys)
    if (
        page_cache.call("set_many", keys, None, default=FAILED) is FAILED
        or page_cache.call("publish", list(keys), default=FAILED) is FAILED
    ):
        if keep_if_lost:
            LostVersionBump.objects.bulk_create(LostVersionBump(key=key) for key in keys)
        return False
    return True


def replay_lost_bumps():
    """Write the bumps kept while Redis was unreachable, as new bumps. Called by a process
    when Redis answers after an error, and every few seconds by every worker's near-cache
    thread, so a bump lost by a process that then stopped is written all the same."""
    lost = list(LostVersionBump.objects.values_list("pk", "key"))
    if not lost:
        return
    # Rows stay until written; another worker may write the same ones, which only bumps twice.
    if write_versions({key: time.time_ns() for _, key in lost}, keep_if_lost=False):
        LostVersionBump.objects.filter(pk__in=[pk for pk, _ in lost]).delete()
        logger.info("wrote %s page-cache versions kept during a Redis outage", len(lost))


near_cache.chore = replay_lost_bumps


def depends_on(request, *names):
    """Record that the page being rendered shows these things (see the module docstring)."""
    if hasattr(request, "page_versions"):
        request.page_versions.update(names)


def bump(*names):
    """Mark these things changed, once the current transaction commits."""
    keys = {f"v:{name}": time.time_ns() for name in names}
    if keys:
        transaction.on_commit(lambda: write_versions(keys))


# Address -> (page key, path) for the addresses this process served lately: hashing an
# address and checking its host are worth doing once. Only addresses whose host passed the
# check are here, so blog/front.py may answer them without Django.
PAGE_KEYS = {}
PAGE_KEYS_LIMIT = 10_000


def raw_address(environ):
    """What decides a request's page key, as its WSGI environ holds it: scheme (also as a
    proxy forwards it), host (also as a proxy forwards it), path and query string."""
    return (
        environ.get("wsgi.url_scheme"),
        environ.get("HTTP_X_FORWARDED_PROTO"),
        environ.get("HTTP_HOST"),
        environ.get("HTTP_X_FORWARDED_HOST"),
        environ.get("SERVER_NAME"),
        environ.get("SERVER_PORT"),
        environ.get("SCRIPT_NAME", ""),
        environ.get("PATH_INFO", ""),
        environ.get("QUERY_STRING", ""),
    )


def page_key(request):
    address = raw_address(request.META)
    known = PAGE_KEYS.get(address)
    if known is None:
        known = (new_page_key(request), request.path)
        if len(PAGE_KEYS) >= PAGE_KEYS_LIMIT:
            PAGE_KEYS.clear()
        PAGE_KEYS[address] = known
    return known[0]


def new_page_key(request):
    parameters = sorted(
        (name, value)
        for name, values in request.GET.lists()
        if not name.startswith(IGNORED_PARAMETERS)
        for value in values
    )
    address = f"{request.scheme}://{request.get_host()}{request.path}?{parameters}"
    return f"page:{ENTRY_FORMAT}:" + hashlib.sha256(address.encode()).hexdigest()


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


def set_public_headers(response, expires_at):
    response["Cache-Control"] = public_cache_control(expires_at)


def public_cache_control(expires_at):
    """Cache-Control for browsers (revalidate with ETag each time) and for a CDN (s-maxage),
    never past the next scheduled change."""
    remaining = max(0, int(min(expires_at - time.time(), 10**9)))
    shared = min(settings.NEWSROOM_CDN_MAX_AGE, remaining)
    stale = min(settings.NEWSROOM_CDN_STALE_WHILE_REVALIDATE, remaining - shared)
    return f"public, max-age=0, s-maxage={shared}, stale-while-revalidate={stale}"


def cache_page_for_readers(view):
    """Mark an anonymous reader's page for the page cache (see the module docstring); the
    PageCacheMiddleware stores it on its way out, with the headers every middleware added."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if is_personal(request):
            response = view(request, *args, **kwargs)
            patch_cache_control(response, private=True)
            return response
        started_ns = time.time_ns()
        request.page_versions = set(EVERY_PAGE)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render"):
            response.render()
        if not is_cacheable(response):
            return response
        now = time.time()
        next_change = site_state(request).next_change_at or float("inf")
        etag = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
        response["ETag"] = etag
        response["Last-Modified"] = http_date(now)
        set_public_headers(response, next_change)
        expires_at = min(now + settings.NEWSROOM_PAGE_CACHE_SECONDS, next_change)
        if settings.NEWSROOM_PAGE_CACHE_SECONDS and expires_at > now:
            response["X-Page-Cache"] = "miss"
            response.page_cache_entry = PendingEntry(
                request.page_versions, started_ns, expires_at, etag, response.content
            )
        return response

    return wrapper


class PendingEntry:
    """A page rendered for the cache, waiting for the middleware's headers."""

    def __init__(self, names, started_ns, expires_at, etag, content):
        self.names, self.started_ns, self.expires_at = names, started_ns, expires_at
        self.etag, self.content = etag, content


# Headers that belong to one encoding of the body; a hit sets them for the one it sends.
PER_ENCODING_HEADERS = {"content-encoding", "content-length", "etag", "x-page-cache"}
# A request with none of these gets the page itself, without asking get_conditional_response.
CONDITIONAL_HEADERS = frozenset(
    ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE")
)


def store(key, response):
    pending = response.page_cache_entry
    version_keys = [f"v:{name}" for name in sorted(pending.names)]
    generation = near_cache.generation
    versions = page_cache.call("get_many", version_keys, default=None)
    if versions is None:
        return
    missing = [k for k in version_keys if k not in versions]
    if missing:
        # Never bumped, or evicted: start it now, older than this render.
        for k in missing:
            page_cache.call("add", k, pending.started_ns - SETTLE_NS - 1, None)
        versions = page_cache.call("get_many", version_keys, default={})
    if len(versions) < len(version_keys) or max(versions.values()) >= (
        pending.started_ns - SETTLE_NS
    ):
        return
    patch_vary_headers(response, ["Accept-Encoding"])
    headers = {
        name: value for name, value in response.items() if name.lower() not in PER_ENCODING_HEADERS
    }
    # Both encodings are kept, so a hit never compresses. Cached pages are the same for every
    # reader and hold no secret, so they need no padding against BREACH.
    compressed = gzip.compress(pending.content, mtime=0)
    entry = (pending.expires_at, versions, headers, pending.etag, pending.content, compressed)
    if page_cache.call("set", key, entry, max(1, int(pending.expires_at - time.time()) + 1)):
        near_cache.remember(key, entry, generation)


# Page key -> the version keys its cached copy recorded, as this process last saw them, so
# that a hit reads the page and its current versions in one round trip. Only a hint: the
# versions themselves are always read from the cache, never remembered.
VERSION_KEYS = {}
VERSION_KEYS_LIMIT = 10_000


def checked_in_redis(key):
    """The entry for this key from Redis if every version it recorded is unchanged there."""
    generation = near_cache.generation
    hint = VERSION_KEYS.get(key, ())
    found = page_cache.call("get_many", [key, *hint], default={})
    entry = found.pop(key, None)
    if entry is None:
        return None
    versions = entry[1]
    if found.keys() != versions.keys():
        found = page_cache.call("get_many", list(versions), default={})
        if len(VERSION_KEYS) >= VERSION_KEYS_LIMIT:
            VERSION_KEYS.clear()
        VERSION_KEYS[key] = tuple(versions)
    if found != versions:
        return None
    near_cache.remember(key, entry, generation)
    return entry


def lookup(request, key):
    """The cached response for this key if every version it recorded is unchanged: gzipped
    if the client takes it, 304 if the client already has it."""
    entry = near_cache.get(key) or checked_in_redis(key)
    if entry is None:
        return None
    expires_at, versions, headers, etag, content, compressed = entry
    if time.time() >= expires_at:
        return None
    if ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
        response = HttpResponse(compressed, headers=headers)
        response["Content-Encoding"] = "gzip"
        response["ETag"] = "W/" + etag  # as GZipMiddleware marks a compressed page
    else:
        response = HttpResponse(content, headers=headers)
        response["ETag"] = etag
    response["Content-Length"] = len(response.content)
    set_public_headers(response, expires_at)
    response["X-Page-Cache"] = "hit"
    if not CONDITIONAL_HEADERS.intersection(request.META):
        return response
    return get_conditional_response(
        request,
        etag=response["ETag"],
        last_modified=parse_http_date_safe(response["Last-Modified"]),
        response=response,
    )


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
        near_cache.start()
        key = page_key(request)
        cached = lookup(request, key)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if hasattr(response, "page_cache_entry") and response.status_code == 200:
            store(key, response)
        return response
