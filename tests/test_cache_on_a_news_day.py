"""The page cache on the day a story breaks: editors save drafts every few seconds, readers
keep their cached pages; configuration changes and Redis restarts never bring back old
pages."""

import os
import subprocess
import sys
import time
from unittest import mock

import redis
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test import SimpleTestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from blog.models import Post
from pagecache import generation, release
from pagecache.models import LostBump

from .builders import make_post
from .readers import ReaderClient
from .servers import PagesOnOwnRedis
from .test_page_cache import PageCacheTestCase


class DraftSavesTests(PageCacheTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.draft = make_post(
            blog=cls.city, headline="Embargoed", status=Post.Status.DRAFT, published_at=None
        )

    def test_an_editor_saving_a_draft_over_and_over_keeps_every_cached_page(self):
        paths = ["/", self.city.get_absolute_url(), self.bridge.get_absolute_url()]
        self.warm(*paths)
        for take in range(3):
            with self.committed():
                self.draft.headline = f"Embargoed, take {take}"
                self.draft.save()
                self.draft.tags.add("Roads")
            for path in paths:
                self.assertCached(path)

    def test_publishing_the_draft_rebuilds_the_pages_that_show_it(self):
        self.warm("/")
        with self.committed():
            self.client.post(
                reverse("admin:blog_post_changelist"),
                {"action": "publish_now", "_selected_action": [self.draft.pk]},
            )
        self.assertRebuilt("/", "Embargoed")


class ConfigurationTests(PageCacheTestCase):
    def restarted_with(self, **changed):
        """As if the app servers restarted with a new configuration: the release is computed
        from the settings they start with."""
        overridden = override_settings(**changed)
        overridden.enable()
        self.addCleanup(overridden.disable)
        patched = mock.patch.object(release, "current", release.compute())
        patched.start()
        self.addCleanup(patched.stop)
        self.reader = ReaderClient()  # middleware reads its settings when it starts

    def test_every_setting_that_changes_pages_makes_a_new_release(self):
        for name, value in [
            ("SECURE_SSL_REDIRECT", not settings.SECURE_SSL_REDIRECT),
            ("ALLOWED_HOSTS", ["news.example.org"]),
            ("NEWSROOM_SITE_NAME", "Kestrel Bay News"),
            ("MEDIA_URL", "https://media.example.org/"),
        ]:
            with self.subTest(name), override_settings(**{name: value}):
                self.assertNotEqual(release.compute(), release.current)

    def test_the_release_is_the_same_in_every_process_with_the_same_configuration(self):
        program = (
            "import django; django.setup(); from pagecache import release; print(release.current)"
        )
        releases = {
            subprocess.run(
                [sys.executable, "-c", program],
                env={**os.environ, "PYTHONHASHSEED": seed},
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            for seed in ("1", "2")
        }
        self.assertEqual(len(releases), 1, releases)

    def test_turning_on_the_https_redirect_redirects_pages_cached_over_http(self):
        self.warm("/")
        self.restarted_with(SECURE_SSL_REDIRECT=True)
        response = self.reader.get("/")
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response["Location"], "https://testserver/")

    def test_a_host_removed_from_the_allowed_hosts_gets_no_cached_page(self):
        self.warm("/")
        self.restarted_with(ALLOWED_HOSTS=["news.example.org"])
        self.assertEqual(self.reader.get("/").status_code, 400)


class RedisRestartTests(PagesOnOwnRedis, PageCacheTestCase):
    redis_options = {"save": "3600 1"}

    def test_a_redis_restarted_from_an_old_snapshot_never_serves_its_pages(self):
        self.warm("/")
        with self.redis.client() as client:
            client.save()  # the snapshot holds the generation and the page as they are now
        with self.committed():
            Post.objects.filter(pk=self.bridge.pk).update(headline="Bridge, after the snapshot")
        self.redis.restart(crash=True)  # back from the snapshot: old generation, old page
        with self.redis.client() as client:
            self.assertIsNotNone(client.get(caches["pages"].make_key(generation.KEY)))
        with self.assertLogs("pagecache", "WARNING"):
            self.assertRebuilt("/", "Bridge, after the snapshot")
        self.assertCached("/")


class FullRedisTests(PagesOnOwnRedis, PageCacheTestCase):
    redis_options = {"policy": "noeviction"}

    def fill(self):
        """Make Redis full as it is: its memory limit just under what it holds, so every
        write that adds memory is refused (and the test writes nothing to get there)."""
        with self.redis.client() as client:
            used = client.info("memory")["used_memory"]
            client.config_set("maxmemory", used - 64 * 1024)
            with self.assertRaises(redis.exceptions.OutOfMemoryError):
                client.set("one more", b"x" * 1000)

    def test_a_page_a_full_redis_refuses_neither_pauses_the_cache_nor_keeps_a_bump_back(self):
        self.warm("/")
        self.fill()
        with self.assertLogs("pagecache", "WARNING") as logs:
            self.read(self.park.get_absolute_url())  # rendered, and refused by Redis
        self.assertIn("page cache full", logs.output[0])
        self.assertEqual(generation.store.paused_until, 0)
        with self.committed():  # an edit right after: its bump must reach Redis at once
            Post.objects.filter(pk=self.bridge.pk).update(headline="Bridge, Redis full")
        self.assertFalse(LostBump.objects.exists())
        self.assertContains(self.read("/"), "Bridge, Redis full")

    def test_a_bump_is_tried_even_while_the_cache_pauses_after_an_error(self):
        self.warm("/")
        generation.store.paused_until = time.monotonic() + 60  # as after a Redis error
        with self.committed():
            Post.objects.filter(pk=self.bridge.pk).update(headline="Bridge, while paused")
        with self.redis.client() as client:
            self.assertIsNone(client.get(caches["pages"].make_key(generation.KEY)))
        self.assertFalse(LostBump.objects.exists())


class DevelopmentServerTests(SimpleTestCase):
    def page_cache_seconds(self, **environ):
        program = (
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.NEWSROOM_PAGE_CACHE_SECONDS)"
        )
        unset = ("REDIS_URL", "NEWSROOM_PAGE_CACHE_SECONDS")
        base = {name: value for name, value in os.environ.items() if name not in unset}
        return subprocess.run(
            [sys.executable, "-c", program],
            env={**base, **environ},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()

    def test_without_redis_no_process_caches_pages_another_process_cannot_drop(self):
        # make run: runserver and manage.py shell would each have a local-memory cache.
        self.assertEqual(self.page_cache_seconds(), "0")

    def test_with_redis_pages_are_cached(self):
        self.assertEqual(self.page_cache_seconds(REDIS_URL="redis://127.0.0.1:1/0"), "3600")


class OldGenerationsTests(PagesOnOwnRedis, PageCacheTestCase):
    def test_a_bump_deletes_the_pages_of_the_generation_it_ends(self):
        paths = ["/", self.city.get_absolute_url(), self.bridge.get_absolute_url()]
        for take in range(5):
            self.warm(*paths)
            with self.committed():
                Post.objects.filter(pk=self.bridge.pk).update(headline=f"Bridge, take {take}")
        self.warm(*paths)
        with self.redis.client() as client:
            pages = [key for key in client.keys("*") if b":page:" in key]
        self.assertEqual(len(pages), len(paths))


class SiteStateTests(PageCacheTestCase):
    """The banner and the blogs every page shows are read once a generation, not once a page."""

    def queries_to_render(self, path):
        with CaptureQueriesContext(connection) as queries:
            self.assertRebuilt(path)
        return len(queries)

    def test_a_second_page_of_the_same_generation_reads_no_banner_or_blogs(self):
        first = self.queries_to_render(self.city.get_absolute_url())
        self.read("/")  # any page: the state is read once
        again = self.queries_to_render(self.sport.get_absolute_url())
        # The first read the banner, the blogs, the posts whose coverage runs (Live badges) and
        # when they next change on their own (scheduled posts, then the desk's pins).
        self.assertEqual(again, first - 5)

    def test_a_new_breaking_story_is_on_the_next_page_rendered(self):
        self.read("/")
        with self.committed():
            Post.objects.filter(pk=self.match.pk).update(is_breaking=True)
        page = self.assertRebuilt(self.city.get_absolute_url())
        self.assertContains(page, "Breaking News")
        self.assertContains(page, "Match")
