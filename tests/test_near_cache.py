"""Pages kept in each worker's memory, current through Redis messages (blog/near_cache.py).
These tests need the Redis of these machines (127.0.0.1:6379); CI has it."""

import os
import time
import unittest
from datetime import timedelta
from unittest import mock

import redis
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from blog import cache as page_cache_module
from blog.models import Post
from blog.near_cache import CHANNEL, near_cache
from blog.site_state import newest_posts, site_state

from .builders import make_post
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
class LiveNearCacheTestCase(PageCacheTestCase):
    """A worker subscribed to version bumps on an empty Redis."""

    def setUp(self):
        super().setUp()
        redis.Redis.from_url(REDIS_URL).flushdb()
        near_cache.start()
        self.addCleanup(near_cache.stop)
        wait_for(lambda: near_cache.live)


class NearCacheTests(LiveNearCacheTestCase):
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


@override_settings(NEWSROOM_PAGE_CACHE_SECONDS=0)
class SiteStateTests(LiveNearCacheTestCase):
    """The banner, the navigation and the next scheduled change are read once per worker and
    kept while nothing they show changes (blog/site_state.py), even with no page cache."""

    def test_it_is_read_once_and_then_kept(self):
        with self.assertNumQueries(3):  # banner, blogs, next scheduled change
            first = site_state()
        with self.assertNumQueries(0):
            self.assertIs(site_state(), first)
        self.assertEqual([blog.name for blog in first.blogs], ["City", "Sport"])

    def test_without_the_subscription_it_is_read_every_time(self):
        near_cache.reset(live=False)
        for _ in range(2):
            with self.assertNumQueries(3):
                site_state()

    def test_breaking_news_flagged_in_this_worker_shows_on_the_next_page(self):
        self.assertNotContains(self.read("/"), "Breaking News")
        self.act("flag_breaking", self.bridge)
        self.assertContains(self.read("/"), "Breaking News")

    def test_breaking_news_flagged_on_another_app_server_shows_once_redis_tells(self):
        self.read("/")
        Post.objects.filter(pk=self.match.pk).update(is_breaking=True)
        self.assertNotContains(self.read("/"), "Breaking News")  # nobody told this worker yet
        redis.Redis.from_url(REDIS_URL).publish(CHANNEL, "v:breaking")
        wait_for(lambda: "site" not in near_cache.memos)
        self.assertContains(self.read("/"), "Breaking News")

    def test_a_renamed_blog_shows_in_the_navigation_at_once(self):
        self.read("/")
        self.admin_post(
            reverse("admin:blog_blog_change", args=[self.sport.pk]),
            {"name": "Sport and Leisure", "slug": self.sport.slug, "tagline": "", "about": ""},
        )
        self.assertContains(self.read("/"), "Sport and Leisure")

    def test_it_is_read_again_when_a_scheduled_post_goes_live(self):
        goes_live = timezone.now() + timedelta(seconds=1)
        make_post(blog=self.city, headline="Scheduled", published_at=goes_live)
        near_cache.reset(live=True)  # as after a bump of "list:home"
        self.assertNotContains(self.read("/"), "Scheduled")
        self.assertAlmostEqual(site_state().next_change_at, goes_live.timestamp(), places=3)
        time.sleep(max(0, goes_live.timestamp() - time.time()) + 0.05)
        with self.assertNumQueries(3):
            site_state()
        self.assertContains(self.read("/"), "Scheduled")

    def test_a_blogs_archive_box_is_kept_until_its_posts_change(self):
        url = self.city.get_absolute_url()
        self.assertContains(self.read(url), '<span class="muted">(2)</span>', html=True)
        with self.assertNumQueries(3):  # the blog, its posts' ids and card keys; no counts
            self.read(url)
        self.act("unpublish", self.park)
        self.assertContains(self.read(url), '<span class="muted">(1)</span>', html=True)

    def test_latest_posts_are_kept_until_one_of_them_changes(self):
        url = self.bridge.get_absolute_url()
        self.assertContains(self.read(url), ">Park</a>")
        with self.assertNumQueries(0):
            newest_posts(None, self.city)
        self.edit_post(self.park, headline="Park reopens")
        self.assertContains(self.read(url), ">Park reopens</a>")
