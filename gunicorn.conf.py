"""gunicorn settings for Newsroom: `gunicorn -c gunicorn.conf.py newsroom.wsgi`.

Every value can be changed with the environment variable named beside it.
"""

import gc
import logging
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: CPU-bound page rendering, one request per worker at a time.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 2
# Restart each worker after a while (at different times), so a slow leak cannot grow.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "10000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "1000"))
# Load the application once, in the master, and fork workers from it: a worker that restarts
# after max_requests is ready at once, instead of after a second of imports while requests
# queue for it. Code is loaded at start only, so a new release needs a restart, not a HUP.
preload_app = os.environ.get("GUNICORN_PRELOAD", "1") == "1"
# Trust X-Forwarded-Proto and friends only from the proxy in front.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# gunicorn 27's control socket defaults to one path a user, shared by every gunicorn that user
# runs on the host; it is off unless given a path of its own (signals do the same work).
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
else:
    control_socket_disable = True
errorlog = "-"
loglevel = os.environ.get("NEWSROOM_LOG_LEVEL", "info").lower()
# Django already logs one JSON line a request (ops.logs); set GUNICORN_ACCESS_LOG=- to add
# gunicorn's own, also JSON, with the request time in microseconds.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
access_log_format = (
    '{"remote": "%(h)s", "method": "%(m)s", "path": "%(U)s", "status": %(s)s, '
    '"bytes": "%(B)s", "duration_us": %(D)s, "request_id": "%({x-request-id}o)s"}'
)


def on_starting(server):
    # Without Redis each worker has its own local-memory cache, and a version bump in one
    # worker would not reach the others' cached pages: page caching goes off.
    if not os.environ.get("REDIS_URL") and server.cfg.workers > 1:
        os.environ["NEWSROOM_PAGE_CACHE_SECONDS"] = "0"
        if server.cfg.preload_app:  # the settings are loaded already; workers fork from here
            from django.conf import settings

            settings.NEWSROOM_PAGE_CACHE_SECONDS = 0
        logging.getLogger("gunicorn.error").warning(
            "REDIS_URL is not set: page caching is off with %s workers", server.cfg.workers
        )


def pre_fork(server, worker):
    # Move everything the master loaded into the collector's permanent generation, as the
    # gc docs advise before a fork: a worker then never walks (and so copies) the master's
    # objects, and a worker leaving after max_requests exits in ~70 ms instead of ~250 ms,
    # which with two workers often left none to answer for a moment (make bench's p99).
    gc.freeze()


def post_worker_init(worker):
    # Before this worker accepts a request, import the page cache's Redis client and open its
    # connection: otherwise its first cached page takes 30-180 ms instead of under one.
    from django.conf import settings

    if settings.NEWSROOM_PAGE_CACHE_SECONDS:
        from pagecache import generation

        generation.current()
