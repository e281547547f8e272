"""Pages kept in each worker's memory, current through Redis messages (blog/near_cache.py).
These tests need the Redis of these machines (127.0.0.1:6379); CI has it."""

import os
import time
import unittest
from unittest import mock

import redis
from django.conf import settings
from django.test import override_settings

from blog import cache as page_cache_module
from blog.models import Post
from blog.near_cache import CHANNEL, near_cache

from .test_page_cache import PageCacheTestCase

REDIS_URL = os.environ.get("NEWSROOM_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


def redis_is_up():
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.2).ping()
    except redis.RedisError:
        return False


def redis_caches():
    shared = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "newsroom-test",
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    }
    return {**settings.CACHES, "default": shared, "pages": shared}


def wait_for(condition, seconds=3):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.01)


@unittest.skipUnless(
    redis_is_up() or os.environ.get("CI"),
    f"needs Redis at {REDIS_URL} (set NEWSROOM_TEST_REDIS_URL)",
)
@override_settings(REDIS_URL=REDIS_URL, CACHES=redis_caches(), NEWSROOM_PAGE_NEAR_CACHE_PAGES=50)
class NearCacheTests(PageCacheTestCase):
    def setUp(self):
        super().setUp()
        redis.Redis.from_url(REDIS_URL).flushdb()
        near_cache.start()
        self.addCleanup(near_cache.stop)
        wait_for(lambda: near_cache.live)

    def test_a_hit_from_worker_memory_needs_no_redis_round_trip(self):
        self.assertRebuilt("/")
        pages = page_cache_module.caches["pages"]
        with mock.patch.object(pages, "get_many", wraps=pages.get_many) as get_many:
            self.assertCached("/")
        get_many.assert_not_called()

    def test_a_change_saved_on_another_app_server_reaches_this_worker(self):
        self.read("/")
        self.assertCached("/")
        # Another app server saves a headline, writes the version and publishes it.
        post = Post.objects.get(pk=self.bridge.pk)
        post.headline = "Bridge, from elsewhere"
        post.save()
        page_cache_module.caches["pages"].set("v:list:home", time.time_ns(), None)
        redis.Redis.from_url(REDIS_URL).publish(CHANNEL, "v:list:home")
        wait_for(lambda: "v:list:home" not in near_cache.versions)
        self.assertRebuilt("/", "Bridge, from elsewhere")

    def test_an_edit_in_this_worker_is_seen_at_once(self):
        self.read(self.bridge.get_absolute_url())
        self.edit_post(self.bridge, headline="Bridge edited here")
        self.assertRebuilt(self.bridge.get_absolute_url(), "Bridge edited here")

    def test_without_the_subscription_hits_are_checked_in_redis(self):
        self.read("/")
        near_cache.reset(live=False)
        pages = page_cache_module.caches["pages"]
        with mock.patch.object(pages, "get_many", wraps=pages.get_many) as get_many:
            self.assertCached("/")
        self.assertEqual(get_many.call_count, 1)

    def test_the_copy_of_versions_stays_bounded_as_pages_come_and_go(self):
        limit = settings.NEWSROOM_PAGE_NEAR_CACHE_PAGES
        for number in range(limit * 30):
            versions = {f"v:post:{number}": number}
            near_cache.remember(f"page:{number}", (0, versions), near_cache.generation)
        self.assertLessEqual(len(near_cache.pages), limit)
        self.assertLessEqual(len(near_cache.versions), limit * 20)
