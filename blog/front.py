"""Page-cache hits answered in front of Django.

A worker's near cache (blog/near_cache.py) holds pages it knows to be current. For those,
building Django's request, sending its request signals and passing the middleware chain costs
more than the answer itself, so this WSGI wrapper answers them from the WSGI environ, with the
headers, body and log line PageCacheMiddleware's hit would give. It hands everything else to
Django: anything but GET, requests with a session cookie or a conditional header (Django
answers those, 304s included), addresses this process has not served through Django yet (so
their host has been checked), and pages not held current in memory.
"""

import time
from types import SimpleNamespace

from django.conf import settings

from ops.logs import log_request, request_id

from .cache import ACCEPTS_GZIP, CONDITIONAL_HEADERS, PAGE_KEYS, public_cache_control, raw_address
from .near_cache import near_cache


class CachedPagesFirst:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        started = time.perf_counter()
        if (
            environ.get("REQUEST_METHOD") == "GET"
            and near_cache.live
            and settings.SESSION_COOKIE_NAME not in environ.get("HTTP_COOKIE", "")
            and CONDITIONAL_HEADERS.isdisjoint(environ)
        ):
            known = PAGE_KEYS.get(raw_address(environ))
            entry = near_cache.get(known[0]) if known else None
            if entry is not None and time.time() < entry[0]:
                return self.answer(environ, start_response, entry, known[1], started)
        return self.application(environ, start_response)

    def answer(self, environ, start_response, entry, path, started):
        expires_at, _, headers, etag, content, compressed = entry
        if ACCEPTS_GZIP.search(environ.get("HTTP_ACCEPT_ENCODING", "")):
            body, encoding = compressed, [("Content-Encoding", "gzip")]
            etag = "W/" + etag  # as GZipMiddleware marks a compressed page
        else:
            body, encoding = content, []
        request = SimpleNamespace(id=request_id(environ), META=environ)
        start_response(
            "200 OK",
            [
                # Stored without the per-encoding headers (cache.PER_ENCODING_HEADERS); the
                # time left is counted again, as set_public_headers() does for Django's hit.
                *(
                    (name, value)
                    for name, value in headers.items()
                    if name.lower() != "cache-control"
                ),
                ("Cache-Control", public_cache_control(expires_at)),
                *encoding,
                ("ETag", etag),
                ("Content-Length", str(len(body))),
                ("X-Page-Cache", "hit"),
                ("X-Request-ID", request.id),
            ],
        )
        log_request("GET", path, 200, started, request)
        return [body]
