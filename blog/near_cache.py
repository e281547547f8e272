"""Cached pages kept in each worker's memory as well, so that most hits need no round trip
to Redis.

A page in Redis is served only while every version it recorded is current (blog/cache.py).
Each worker also keeps the pages it served lately and a copy of the versions they recorded.
Every bump is published on a Redis channel after it is written, and a thread in each worker
listens and drops the bumped versions from its copy, so a page is served from memory only
while its versions are all in the copy and equal; anything else is read from Redis as before.

The copy is trusted only while the subscription is live: it is emptied whenever the thread
subscribes, resubscribes or loses Redis (a dead connection is noticed within a few seconds by
pings). A bump made in a worker drops its own copies at once; one made on another app server
arrives as fast as Redis delivers the message, in about a millisecond.

The same messages keep a few values read from the database for every page current in each
worker's memory (memo): what the whole site shows, such as the breaking-news banner and the
blogs in the navigation. A value is kept until a version it watches is bumped, until a time
given with it, or until the subscription is lost, whichever comes first.
"""

import logging
import os
import threading
import time

import redis
from django.conf import settings
from django.db import connections

logger = logging.getLogger(__name__)

CHANNEL = "newsroom:page-versions"
RETRY_SECONDS = 1
# How often, while subscribed, the listening thread runs its chore (blog/cache.py sets it to
# writing the bumps kept during a Redis outage); also on every (re)subscription.
CHORE_SECONDS = 5
# The copy of versions is started again when it holds this many a kept page.
VERSIONS_PER_PAGE = 20


class NearCache:
    def __init__(self):
        self.lock = threading.Lock()
        self.pages = {}  # page key -> the entry stored in Redis
        self.versions = {}  # version key -> value, as read from Redis and not bumped since
        self.memos = {}  # name -> (value, kept until this Unix time, watched version keys)
        self.generation = 0  # moves on with every message and every (re)subscription
        self.live = False
        self.pid = None
        self.stopping = threading.Event()
        self.chore = None

    @property
    def enabled(self):
        # The thread also runs its chore when no pages are kept (NEWSROOM_PAGE_NEAR_CACHE_PAGES=0).
        return bool(settings.REDIS_URL)

    def start(self):
        """Listen for bumps in this process (gunicorn forks workers after import), once."""
        if self.pid == os.getpid() or not self.enabled:
            return
        with self.lock:
            if self.pid == os.getpid():
                return
            self.pid = os.getpid()
            self.stopping = threading.Event()
            self._reset(live=False)
        threading.Thread(
            target=self.listen, args=(self.stopping,), name="page-versions", daemon=True
        ).start()

    def stop(self):
        """Stop listening (tests); hits go to Redis."""
        self.stopping.set()
        self.pid = None
        self.reset(live=False)

    def listen(self, stopping):
        while not stopping.is_set():
            try:
                client = redis.Redis.from_url(
                    settings.REDIS_URL,
                    socket_connect_timeout=0.5,
                    socket_timeout=2,
                    health_check_interval=2,
                )
                pubsub = client.pubsub()
                pubsub.subscribe(CHANNEL)
                chore_due = float("inf")
                while not stopping.is_set():
                    message = pubsub.get_message(timeout=1)
                    if self.live and time.monotonic() >= chore_due:
                        self.run_chore()
                        chore_due = time.monotonic() + CHORE_SECONDS
                    if message is None or stopping.is_set():
                        continue
                    if message["type"] == "subscribe":
                        self.reset(live=True)
                        chore_due = 0
                    elif message["type"] == "message":
                        self.forget(message["data"].decode().split())
                pubsub.close()
            except Exception:  # any Redis or socket error: serve from Redis until back
                if stopping.is_set():
                    return
                if self.live:
                    logger.warning("page version messages lost; hits go to Redis", exc_info=True)
                self.reset(live=False)
                time.sleep(RETRY_SECONDS)

    def run_chore(self):
        if self.chore is None:
            return
        try:
            self.chore()
        except Exception:  # e.g. the database is down too: try again next time
            logger.warning("near-cache chore failed", exc_info=True)
        finally:
            connections.close_all()  # this thread's own; no idle connection a worker

    def reset(self, live):
        with self.lock:
            self._reset(live)

    def _reset(self, live):
        self.pages.clear()
        self.versions.clear()
        self.memos.clear()
        self.generation += 1
        self.live = live

    def forget(self, version_keys):
        with self.lock:
            for key in version_keys:
                self.versions.pop(key, None)
            if self.memos:
                bumped = set(version_keys)
                for name, (_, _, watched) in list(self.memos.items()):
                    if not bumped.isdisjoint(watched):
                        del self.memos[name]
            self.generation += 1

    def get(self, key):
        """The entry for this page key if it and every version it recorded are held here."""
        if not self.live:
            return None
        entry = self.pages.get(key)
        if entry is None:
            return None
        versions = self.versions
        for version_key, value in entry[1].items():
            if versions.get(version_key) != value:
                return None
        return entry

    def memo(self, name, watches, read):
        """read()'s value, kept in this worker while the subscription is live, until the time
        read() gives with it (a Unix time) and until any of the version keys in `watches` is
        bumped. read() returns (value, kept_until)."""
        self.start()
        kept = self.memos.get(name)
        if kept is not None and self.live and time.time() < kept[1]:
            return kept[0]
        generation = self.generation
        value, kept_until = read()
        with self.lock:
            # A bump heard while reading may have been read or not: the value is not kept.
            if self.live and generation == self.generation:
                self.memos[name] = (value, kept_until, frozenset(watches))
        return value

    def remember(self, key, entry, generation):
        """Keep a page and the versions it was checked against in Redis, unless a bump was
        heard since the check began (generation is self.generation from before it)."""
        limit = settings.NEWSROOM_PAGE_NEAR_CACHE_PAGES
        with self.lock:
            if not self.live or not limit or generation != self.generation:
                return
            if len(self.pages) >= limit:
                del self.pages[next(iter(self.pages))]
            if len(self.versions) >= limit * VERSIONS_PER_PAGE:
                # Evicted pages leave their versions behind; start the copy again rather than
                # let it grow (pages whose versions are dropped are checked in Redis again).
                self.versions.clear()
            self.pages[key] = entry
            self.versions.update(entry[1])


near_cache = NearCache()
