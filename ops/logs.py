"""JSON log lines: one a request, with a request id that every other line of the request shares."""

import logging
import re
import time
import uuid
from contextvars import ContextVar

from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter as BaseJsonFormatter

from .proxy import client_ip

logger = logging.getLogger("ops.request")
current_request_id = ContextVar("current_request_id", default=None)
# An id from the proxy is kept only if it is short and plain, so it cannot forge log lines.
ACCEPTABLE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,128}\Z")


class JsonFormatter(BaseJsonFormatter):
    """One JSON object a line; leaves out the request object Django attaches to its own
    error lines (it would drag headers and cookies into the log)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("reserved_attrs", [*RESERVED_ATTRS, "request", "taskName"])
        kwargs.setdefault("timestamp", "time")
        super().__init__("%(levelname)s %(name)s %(message)s", *args, **kwargs)


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        request_id = current_request_id.get()
        if request_id:
            record.request_id = request_id
        return True


class WarningWithoutTraceback(logging.Filter):
    """Makes a record a WARNING without its traceback: for requests Django refuses with 400
    (a host not served, a body or form too big), which say nothing about our code and would
    otherwise flood the log with tracebacks at ERROR."""

    def filter(self, record):
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info = record.exc_text = None
        return True


class RequestLogMiddleware:
    """Gives each request an id (from X-Request-ID or new), returns it in the response and
    logs method, path, status and duration when the response is ready."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        request.id = request_id(request.META)
        token = current_request_id.set(request.id)
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request.id
            cache = response.get("X-Page-Cache", "bypass")
            log_request(request.method, request.path, response.status_code, started, request, cache)
            return response
        finally:
            current_request_id.reset(token)


def request_id(meta):
    """The proxy's X-Request-ID if it is acceptable, else a new id."""
    incoming = meta.get("HTTP_X_REQUEST_ID", "")
    return incoming if ACCEPTABLE_REQUEST_ID.match(incoming) else uuid.uuid4().hex


def log_request(method, path, status, started, request, cache="hit"):
    """The request's log line; request needs only .id and .META. cache is how the page cache
    answered: "miss" (rendered and stored), "bypass" (not from the cache, not stored), "hit",
    the default, or "revalidated" (a page of an earlier generation whose reads gave the same
    rows, pagecache.reads); the WSGI front (pagecache.pages.CachedPagesFirst) logs the last two."""
    logger.log(
        logging.WARNING if status >= 500 else logging.INFO,
        "%s %s %s",
        method,
        path,
        status,
        extra={
            "method": method,
            "path": path,
            "status": status,
            "duration_ms": round((time.perf_counter() - started) * 1000, 2),
            "client": client_ip(request),
            "request_id": request.id,
            "cache": cache,
        },
    )
