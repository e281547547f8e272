"""The generation: one token in the page cache that names the state of everything pages show.

Every cached page is stored under the generation that was current when its rendering began
(pagecache.pages). A bump deletes the token; the next reader makes a new random one. So a
page read before a change committed is stored under a token that no reader asks for after
the bump, and no page can outlive a change. A bump is a DELETE, which Redis accepts even
when it is full (``maxmemory`` reached refuses only writes that add memory), and it is tried
even while the page cache pauses after an error. The tokens are random, never counted, so an
evicted or lost token cannot come back and revive old pages; and each token names the Redis
server process (its run_id) that it was made on, so a Redis restarted from a snapshot or an
append-only file, which brings back the token and the pages of its time, has them all
refused: a token from another run of Redis is deleted when read.

Each process also listens for bumps (Listener): every bump is published on a channel after
the token is deleted, and a process that is subscribed keeps the token it last read until it
hears one, so a page hit costs no round trip to Redis. A process that is not subscribed
(starting, or its subscription dropped, as when Redis restarts) reads the token from Redis on
every request, as before; so does any process where PAGE_CACHE_LISTEN is off. A page stored
elsewhere can be served for the moment the bump's message takes to arrive (well under a
millisecond on one network); a bump made by the same process is heard before it returns.
"""

import contextlib
import logging
import os
import secrets
import threading
import time
from typing import NamedTuple

import redis
from django.conf import settings
from django.core.cache import caches

logger = logging.getLogger(__name__)

KEY = "generation"
PAGES_OF = "pages-of:"
CHANNEL = "generation-bumps"
# A listener pings Redis this often; a token it keeps is used only while Redis answered
# within CONTACT_SECONDS; one that lost its subscription subscribes again after a second.
PING_SECONDS = 0.5
CONTACT_SECONDS = 1.5
RESUBSCRIBE_SECONDS = 1
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
        except Exception as error:  # Redis errors arrive wrapped in several exception types.
            if is_out_of_memory(error):
                # Redis answers, but refuses what would add memory: deletes still go through.
                logger.warning("page cache full; this page is not stored")
                return default
            logger.warning("page cache unavailable; serving uncached", exc_info=True)
            self.paused_until = time.monotonic() + PAUSE_AFTER_ERROR_SECONDS
            self.failed = True
            return default

    def drop_generation(self):
        """Delete the token, even while paused (a bump is tried whenever it is made), then the
        pages of the generation it named, so old generations do not fill Redis until they
        expire. True once the token is gone, False if the cache did not answer."""
        cache = caches["pages"]
        try:
            if not hasattr(cache, "client"):  # local memory: its own culling bounds it
                cache.delete(KEY)
                return True
            client = cache.client.get_client(write=True)
            old = client.getdel(cache.make_key(KEY))
            listener.forget()
            client.publish(cache.make_key(CHANNEL), "bump")
        except Exception:
            logger.warning("page cache unavailable; bump kept for later", exc_info=True)
            self.paused_until = time.monotonic() + PAUSE_AFTER_ERROR_SECONDS
            self.failed = True
            return False
        if old is not None:
            try:
                delete_pages(cache, client, cache.client.decode(old))
            except Exception:  # they expire in time anyway
                logger.warning("could not delete an old generation's pages", exc_info=True)
        return True


def is_shared():
    """Whether every process reads the same generation: the "pages" cache is Redis, not the
    local memory of one process."""
    return hasattr(caches["pages"], "client")


def pages_key(cache, token):
    """The set of the keys of a generation's pages (pagecache.pages notes each it stores)."""
    return cache.make_key(f"{PAGES_OF}{token}")


def note_page(key, token):
    """Note a stored page under its generation, for the bump that ends it to delete it."""

    def note(cache):
        if hasattr(cache, "client"):
            pages = pages_key(cache, token)
            client = cache.client.get_client(write=True)
            expires = settings.NEWSROOM_PAGE_CACHE_SECONDS + 60
            client.pipeline(transaction=False).sadd(pages, cache.make_key(key)).expire(
                pages, expires
            ).execute()

    store.run(note)


def delete_pages(cache, client, token):
    pages = pages_key(cache, token)
    keys = list(client.smembers(pages))
    for start in range(0, len(keys), 1000):
        client.unlink(*keys[start : start + 1000])
    client.unlink(pages)


def is_out_of_memory(error):
    while error is not None:
        if isinstance(error, redis.OutOfMemoryError):
            return True
        error = error.__cause__
    return False


store = Store()
FAILED = object()


def current():
    """The current generation token, or None while the page cache is unavailable (or full)."""
    token, heard = listener.token()
    if token is not None:
        return token
    token = store.run(read_token)
    if token is None:
        store.run(lambda cache: cache.add(KEY, f"{server_run(cache)}.{secrets.token_hex(8)}", None))
        token = store.call("get", KEY)
    if token is not None:
        listener.remember(token, heard)
    return token


class Listener:
    """This process's subscription to the bumps, and the token it read since the last bump it
    heard. The token is kept only while subscribed and in touch with Redis (it answers a ping
    every PING_SECONDS), and only if no bump was heard between reading it and keeping it;
    anything amiss with the subscription forgets it."""

    def __init__(self):
        self.lock = threading.Lock()
        self.kept = None  # the token, while subscribed
        self.heard = 0  # bumps heard, and subscriptions made or lost
        self.subscribed = False
        self.contact = 0.0  # when Redis last answered on the subscription (monotonic)
        self.thread = None  # (process id, the "pages" cache's server, a mark of the thread)

    def token(self):
        """(the kept token or None, what to pass to remember() with a token read now)."""
        if not settings.PAGE_CACHE_LISTEN:
            return None, None
        with self.lock:
            if self.thread is None or self.thread[:2] != (os.getpid(), pages_server()):
                self.start()
            if self.kept is not None and time.monotonic() - self.contact > CONTACT_SECONDS:
                self.kept = None
            return self.kept, self.heard

    def remember(self, token, heard):
        with self.lock:
            if self.subscribed and heard == self.heard:
                self.kept = token

    def forget(self):
        with self.lock:
            self.kept = None
            self.heard += 1

    def start(self):
        """Listen in a thread of this process (a forked worker starts its own)."""
        self.kept, self.subscribed = None, False
        self.heard += 1
        cache = caches["pages"]
        if not hasattr(cache, "client"):  # local memory: one process, every bump is its own
            self.thread = (os.getpid(), pages_server(), None)
            return
        self.thread = me = (os.getpid(), pages_server(), object())
        threading.Thread(
            target=self.listen,
            args=(cache, cache.make_key(CHANNEL), me),
            name="page-cache-bumps",
            daemon=True,
        ).start()

    def listen(self, cache, channel, me):
        while self.thread is me:
            pubsub = None
            try:
                pubsub = cache.client.get_client(write=False).pubsub()
                pubsub.subscribe(channel)
                ping_at = 0
                while self.thread is me:
                    if time.monotonic() >= ping_at:
                        pubsub.ping()
                        ping_at = time.monotonic() + PING_SECONDS
                    message = pubsub.get_message(timeout=PING_SECONDS)
                    with self.lock:
                        if message is not None:
                            self.contact = time.monotonic()
                            if message["type"] == "subscribe":
                                self.subscribed = True
                            if message["type"] in ("subscribe", "message"):
                                self.kept = None
                                self.heard += 1
                        elif time.monotonic() - self.contact > CONTACT_SECONDS:
                            raise TimeoutError("Redis did not answer a ping")
            except Exception:
                if self.thread is me:  # not stopped on purpose
                    logger.info("page cache: not hearing bumps; reading the generation each time")
            finally:
                with self.lock:
                    self.kept, self.subscribed = None, False
                    self.heard += 1
                if pubsub is not None:
                    with contextlib.suppress(Exception):  # Redis may have dropped it already
                        pubsub.close()
            time.sleep(RESUBSCRIBE_SECONDS)

    def stop(self):
        """Stop listening; the thread ends within PING_SECONDS."""
        with self.lock:
            self.thread, self.kept, self.subscribed = None, None, False
            self.heard += 1


def pages_server():
    """The "pages" cache's server and key prefix, as configured now."""
    config = settings.CACHES["pages"]
    return (config.get("LOCATION"), config.get("KEY_PREFIX"), config.get("VERSION"))


listener = Listener()


class HeldConnection(NamedTuple):
    cache: object  # the "pages" cache it was opened for
    pid: int  # the process that opened it: a forked worker opens its own
    connection: redis.Connection
    key: str  # KEY as the cache names it in Redis
    run_id: str  # the Redis server process it is connected to


def server_run(cache):
    """The run of the cache server that tokens are made on now: Redis's run_id, new at each
    start; "local" for a local-memory cache (development and tests)."""
    held = getattr(_held, "connection", None)
    if held is not None and held.cache is cache and held.pid == os.getpid():
        return held.run_id
    return (
        "local"
        if not hasattr(cache, "client")
        else redis_run_id(cache.client.get_client(write=True))
    )


def redis_run_id(client_or_connection):
    if isinstance(client_or_connection, redis.Connection):
        client_or_connection.send_command("INFO", "server")
        info = client_or_connection.read_response()
        info = info.decode() if isinstance(info, bytes) else info
        return next(
            line.split(":", 1)[1].strip()
            for line in info.splitlines()
            if line.startswith("run_id:")
        )
    return client_or_connection.info("server")["run_id"]


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
        held = _held.connection = hold_connection(cache)
    for attempt in (1, 2):  # a connection Redis closed (a restart) is opened again once
        try:
            held.connection.send_command("GET", held.key)
            value = held.connection.read_response()
            break
        except redis.ConnectionError:
            held.connection.disconnect()
            if attempt == 2:
                raise
            held = _held.connection = hold_connection(cache)
    if value is None:
        return None
    token = cache.client.decode(value)
    if not token.startswith(f"{held.run_id}."):
        # Made on an earlier run of Redis and brought back from its snapshot, with the pages
        # of its time: never current.
        logger.warning("page cache: dropping a generation from an earlier run of Redis")
        cache.delete(KEY)
        return None
    return token


def hold_connection(cache):
    connection = cache.client.get_client(write=False).connection_pool.make_connection()
    connection.connect()
    return HeldConnection(
        cache, os.getpid(), connection, cache.client.make_key(KEY), redis_run_id(connection)
    )


def bump():
    """Every cached page is out of date: drop the generation. Called after each commit that
    changed what pages show (pagecache.writes); if the cache cannot be told, the bump is kept
    in the database until it can."""
    from .models import LostBump

    if not store.drop_generation():
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
    if store.drop_generation():
        LostBump.objects.filter(pk__lte=newest).delete()
        logger.info("made the page-cache bump kept during a cache outage")
