"""The generation: one token in the page cache that names the state of everything pages show.

Every cached page is stored under the generation that was current when its rendering began
(pagecache.pages). A bump deletes the token; the next reader makes a new random one. So a
page read before a change committed is stored under a token that no reader asks for after
the bump, and no page can outlive a change. A bump is a DELETE, which Redis accepts even
when it is full (``maxmemory`` reached refuses only writes that add memory). The tokens are
random, never counted, so an evicted or lost token cannot come back and revive old pages.
"""

import logging
import os
import secrets
import threading
import time
from typing import NamedTuple

import redis
from django.core.cache import caches

logger = logging.getLogger(__name__)

KEY = "generation"
# After a cache error the page cache is left alone this long, then tried again.
PAUSE_AFTER_ERROR_SECONDS = 5


class Store:
    """The "pages" cache, minding outages: errors are logged, the site serves uncached for a
    while, and bumps that could not be made are kept in the database and made once the cache
    answers again."""

    def __init__(self):
        self.paused_until = 0.0
        self.failed = False  # an error was seen: make the kept bumps once the cache answers

    def call(self, method, *args, default=None):
        return self.run(lambda cache: getattr(cache, method)(*args), default)

    def run(self, operation, default=None):
        """operation(the "pages" cache), or default while the cache is paused or failing."""
        if time.monotonic() < self.paused_until:
            return default
        if self.failed:  # the cache is back: first make the bumps it missed
            self.failed = False
            replay_lost_bumps()
            if time.monotonic() < self.paused_until:
                return default
        try:
            return operation(caches["pages"])
        except Exception:  # Redis errors arrive wrapped in several exception types.
            logger.warning("page cache unavailable; serving uncached", exc_info=True)
            self.paused_until = time.monotonic() + PAUSE_AFTER_ERROR_SECONDS
            self.failed = True
            return default


store = Store()
FAILED = object()


def current():
    """The current generation token, or None while the page cache is unavailable."""
    token = store.run(read_token)
    if token is None:
        store.call("add", KEY, secrets.token_hex(8), None)
        token = store.call("get", KEY)
    return token


class HeldConnection(NamedTuple):
    cache: object  # the "pages" cache it was opened for
    pid: int  # the process that opened it: a forked worker opens its own
    connection: redis.Connection
    key: str  # KEY as the cache names it in Redis


_held = threading.local()


def read_token(cache):
    """The token, read on a Redis connection this thread keeps for it: every page hit asks, and
    the client's pool and retry wrappers would cost twice the round trip itself. Other caches
    (local memory in development and tests) are asked the usual way."""
    if not hasattr(cache, "client"):
        return cache.get(KEY)
    held = getattr(_held, "connection", None)
    if held is None or held.cache is not cache or held.pid != os.getpid():
        if held is not None and held.pid == os.getpid():
            held.connection.disconnect()
        pool = cache.client.get_client(write=False).connection_pool
        held = _held.connection = HeldConnection(
            cache, os.getpid(), pool.make_connection(), cache.client.make_key(KEY)
        )
    connection, key = held.connection, held.key
    for attempt in (1, 2):  # a connection Redis closed (a restart) is opened again once
        try:
            connection.send_command("GET", key)
            value = connection.read_response()
            break
        except redis.ConnectionError:
            connection.disconnect()
            if attempt == 2:
                raise
    return None if value is None else cache.client.decode(value)


def bump():
    """Every cached page is out of date: drop the generation. Called after each commit that
    changed what pages show (pagecache.writes); if the cache cannot be told, the bump is kept
    in the database until it can."""
    from .models import LostBump

    if store.call("delete", KEY, default=FAILED) is FAILED:
        LostBump.objects.create()


def replay_lost_bumps():
    """Make the bumps kept during an outage. Called when a process sees the cache answer again
    after an error, and by /readyz, which load balancers ask every few seconds, so
    a bump lost by a process that then stopped is made all the same."""
    from .models import LostBump

    try:
        newest = LostBump.objects.order_by("-pk").values_list("pk", flat=True).first()
    except Exception:  # the database is down too: the next call tries again
        logger.warning("could not read lost page-cache bumps", exc_info=True)
        store.failed = True
        return
    if newest is None:
        return
    if store.call("delete", KEY, default=FAILED) is not FAILED:
        LostBump.objects.filter(pk__lte=newest).delete()
        logger.info("made the page-cache bump kept during a cache outage")
