import gc
import gzip
import os
import runpy
import time
from datetime import timedelta
from io import StringIO
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

import redis
from django.conf import settings
from django.contrib.auth.models import User
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, RequestFactory, SimpleTestCase, TestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

import blog.views
from blog.models import Post
from pagecache import generation, pages, release
from pagecache.models import LostBump
from pagecache.pages import Entry, Memory

from .builders import make_author, make_blog, make_post
from .readers import ReaderClient
from .servers import PagesOnOwnRedis, closed_port, start_redis
from .test_admin import post_form


def closed_port_redis(ignore_exceptions):
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        "OPTIONS": {"IGNORE_EXCEPTIONS": ignore_exceptions, "SOCKET_CONNECT_TIMEOUT": 0.2},
    }


@override_settings(NEWSROOM_PAGE_CACHE_SECONDS=3600)
class PageCacheTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.city, cls.sport = make_blog(name="City"), make_blog(name="Sport")
        cls.ann, cls.bob, cls.cy = (make_author(name=name) for name in ["Ann", "Bob", "Cy"])
        cls.bridge = make_post(blog=cls.city, headline="Bridge", authors=[cls.ann], tags=["Roads"])
        cls.park = make_post(blog=cls.city, headline="Park", authors=[cls.bob], tags=["Parks"])
        cls.match = make_post(blog=cls.sport, headline="Match", authors=[cls.cy], tags=["Goals"])
        cls.editor = User.objects.create_superuser("editor")

    def setUp(self):
        self.reader = ReaderClient()
        self.client.force_login(self.editor)

    def read(self, path):
        response = self.reader.get(path)
        self.assertEqual(response.status_code, 200, path)
        return response

    def warm(self, *paths):
        for path in paths:
            self.read(path)
            self.assertCached(path)

    def assertCached(self, path):
        with self.assertNumQueries(0):
            response = self.read(path)
        self.assertEqual(response["X-Page-Cache"], "hit", path)

    def assertRebuilt(self, path, text=None):
        response = self.read(path)
        self.assertEqual(response["X-Page-Cache"], "miss", path)
        if text:
            self.assertContains(response, text)
        return response

    def assertServedAgain(self, path):
        """The page as cached before the bump, after the database answered its reads with the
        same rows (pagecache.reads): its queries run again, no template is rendered."""
        with self.assertTemplateNotUsed("base.html"):
            response = self.read(path)
        self.assertEqual(response["X-Page-Cache"], "revalidated", path)
        self.assertCached(path)
        return response

    def committed(self):
        """Run the bumps of the writes in the block, as a real commit would."""
        return self.captureOnCommitCallbacks(execute=True)

    def admin_post(self, url, data):
        with self.committed():
            response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)

    def act(self, action, *posts):
        self.admin_post(
            reverse("admin:blog_post_changelist"),
            {"action": action, "_selected_action": [post.pk for post in posts]},
        )

    def edit_post(self, post, **changes):
        byline = post.bylines.get()
        published_at = timezone.localtime(post.published_at)
        data = post_form(
            post.blog,
            byline.author,
            headline=post.headline,
            slug=post.slug,
            tags=", ".join(post.tags.names()),
            published_at_0=published_at.strftime("%Y-%m-%d"),
            published_at_1=published_at.strftime("%H:%M:%S"),
            opened_version=Post.objects.get(pk=post.pk).version,
            **{
                "bylines-INITIAL_FORMS": "1",
                "bylines-0-id": byline.pk,
                "bylines-0-post": post.pk,
            },
        )
        self.admin_post(reverse("admin:blog_post_change", args=[post.pk]), {**data, **changes})


class PageCacheTests(PageCacheTestCase):
    def test_a_cached_page_runs_no_queries_and_is_the_same_page(self):
        first = self.read("/")
        with self.assertNumQueries(0):
            second = self.read("/")
        self.assertEqual(second["X-Page-Cache"], "hit")
        self.assertEqual(first.content, second.content)
        self.assertEqual(first["ETag"], second["ETag"])

    def test_editing_a_post_rebuilds_every_page_that_shows_it(self):
        shows_it = ["/", self.bridge.get_absolute_url(), self.city.get_absolute_url()]
        shows_it += ["/tags/roads/", self.ann.get_absolute_url(), self.park.get_absolute_url()]
        self.warm(*shows_it, self.match.get_absolute_url())
        self.edit_post(self.bridge, headline="Bridge reopens")
        for path in shows_it:
            self.assertRebuilt(path, "Bridge reopens")
        # A page that does not show it reads the same rows as before: served again, unrendered.
        self.assertServedAgain(self.match.get_absolute_url())

    def test_publishing_a_draft_rebuilds_its_lists(self):
        draft = make_post(
            blog=self.sport, headline="Late goal", status=Post.Status.DRAFT, published_at=None
        )
        self.warm("/", self.sport.get_absolute_url())
        self.act("publish_now", draft)
        self.assertRebuilt("/", "Late goal")
        self.assertRebuilt(self.sport.get_absolute_url(), "Late goal")

    def test_unpublishing_a_post_takes_it_off_every_cached_page(self):
        self.warm("/", self.match.get_absolute_url())
        self.act("unpublish", self.match)
        self.assertNotContains(self.reader.get("/"), "Match")
        self.assertEqual(self.reader.get(self.match.get_absolute_url()).status_code, 404)

    def test_deleting_a_post_takes_it_off_every_cached_page(self):
        self.warm("/", "/tags/goals/")
        url = reverse("admin:blog_post_delete", args=[self.match.pk])
        self.admin_post(url, {"post": "yes"})
        self.assertNotContains(self.reader.get("/"), "Match")
        self.assertNotContains(self.reader.get("/tags/goals/"), "Match")

    def test_renaming_an_author_rebuilds_pages_with_their_byline(self):
        self.warm("/", self.bridge.get_absolute_url())
        url = reverse("admin:blog_author_change", args=[self.ann.pk])
        self.admin_post(url, {"name": "Ann Smith", "slug": self.ann.slug, "bio": ""})
        self.assertRebuilt("/", "Ann Smith")
        self.assertRebuilt(self.bridge.get_absolute_url(), "Ann Smith")

    def test_renaming_a_tag_rebuilds_the_pages_that_show_it(self):
        roads = Tag.objects.get(name="Roads")
        self.warm("/tags/roads/", self.bridge.get_absolute_url())
        url = reverse("admin:taggit_tag_change", args=[roads.pk])
        inline = {
            "taggit_taggeditem_items-TOTAL_FORMS": 0,
            "taggit_taggeditem_items-INITIAL_FORMS": 0,
        }
        self.admin_post(url, {"name": "Streets", "slug": "roads", **inline})
        self.assertRebuilt("/tags/roads/", "Streets")
        self.assertRebuilt(self.bridge.get_absolute_url(), "Streets")

    def test_changing_a_blogs_about_text_rebuilds_its_pages_and_archives(self):
        archive = f"{self.sport.get_absolute_url()}archive/"
        month = f"{archive}{self.match.published_at:%Y/%-m}/"
        self.warm(self.sport.get_absolute_url(), self.match.get_absolute_url(), archive, month)
        url = reverse("admin:blog_blog_change", args=[self.sport.pk])
        data = {"name": "Sport", "slug": self.sport.slug, "tagline": self.sport.tagline}
        self.admin_post(url, {**data, "about": "Every result, every weekend."})
        for path in [self.sport.get_absolute_url(), self.match.get_absolute_url(), archive, month]:
            self.assertRebuilt(path, "Every result, every weekend.")

    def test_renaming_a_blog_rebuilds_every_page_because_the_navigation_shows_it(self):
        self.warm(self.bridge.get_absolute_url(), "/tags/goals/")
        url = reverse("admin:blog_blog_change", args=[self.sport.pk])
        data = {"name": "Sport Desk", "slug": self.sport.slug, "tagline": "", "about": ""}
        self.admin_post(url, data)
        self.assertRebuilt(self.bridge.get_absolute_url(), "Sport Desk")
        self.assertRebuilt("/tags/goals/", "Sport Desk")

    def test_flagging_breaking_news_rebuilds_every_page_with_the_banner(self):
        self.warm(self.bridge.get_absolute_url(), "/tags/parks/")
        self.act("flag_breaking", self.match)
        self.assertRebuilt(self.bridge.get_absolute_url(), "Breaking News")
        self.assertRebuilt("/tags/parks/", "Breaking News")
        self.act("clear_breaking", self.match)
        self.assertNotContains(self.reader.get("/tags/parks/"), "Breaking News")


class EveryWriteIsSeenTests(PageCacheTestCase):
    """Writes that no admin code sees still reach the cache: the watch is on the connection."""

    def test_a_queryset_update_rebuilds_title_and_headline_together(self):
        path = self.bridge.get_absolute_url()
        self.warm(path)
        with self.committed():
            Post.objects.filter(pk=self.bridge.pk).update(headline="Bridge, updated in bulk")
        page = self.assertRebuilt(path).content.decode()
        self.assertIn("<title>Bridge, updated in bulk", page)
        self.assertIn("Bridge, updated in bulk</h1>", page)

    def test_a_raw_sql_write_rebuilds_pages(self):
        self.warm("/")
        with self.committed(), connection.cursor() as cursor:
            cursor.execute(
                "UPDATE blog_post SET headline = %s WHERE id = %s", ["Raw bridge", self.bridge.pk]
            )
        self.assertRebuilt("/", "Raw bridge")

    def test_a_management_command_rebuilds_pages(self):
        self.warm("/")
        with self.committed():
            call_command("load_demo", stdout=StringIO())
        self.assertRebuilt("/")

    def test_a_rolled_back_write_keeps_the_cache(self):
        self.warm("/")
        with self.committed(), transaction.atomic():
            Post.objects.filter(pk=self.bridge.pk).update(headline="Never saved")
            transaction.set_rollback(True)
        self.assertCached("/")

    def test_writes_to_sessions_and_logins_leave_the_cache_alone(self):
        self.warm("/")
        with self.committed():
            Client().force_login(self.editor)
        self.assertCached("/")

    def test_a_render_that_overlaps_a_commit_is_never_served_after_it(self):
        path = self.city.get_absolute_url()
        original = blog.views.cards

        def commit_an_edit_while_the_page_renders(posts):
            with self.committed():
                Post.objects.filter(pk=self.bridge.pk).update(headline="Edited mid-render")
            return original(posts)

        with mock.patch.object(blog.views, "cards", commit_an_edit_while_the_page_renders):
            self.read(path)  # rendered from rows read on both sides of the commit
        self.assertRebuilt(path, "Edited mid-render")
        self.assertCached(path)


class KeyTests(PageCacheTestCase):
    def test_a_new_release_never_serves_the_old_releases_pages(self):
        self.warm("/")
        with mock.patch.object(release, "current", "next-release"):
            self.assertRebuilt("/")
            self.assertCached("/")

    def test_the_release_is_a_digest_of_code_packages_and_settings(self):
        self.assertRegex(release.current, r"^[0-9a-f]{16}$")
        with override_settings(NEWSROOM_RELEASE="abc123"):
            given = release.compute()
            with override_settings(NEWSROOM_RELEASE="abc124"):
                self.assertNotEqual(release.compute(), given)
        self.assertNotEqual(given, release.current)

    def test_unknown_parameters_share_the_page_and_store_nothing_new(self):
        self.read("/")
        for query in ["?x=1", "?x=2", "?utm_source=newsletter", "?fbclid=abc&x=3"]:
            self.assertCached("/" + query)
        self.assertEqual(len(pages.memory.entries), 1)

    def test_a_view_sees_only_the_page_number(self):
        make_post(blog=self.city, headline="Older", published_at=timezone.now() - timedelta(days=9))
        for number in range(25):
            make_post(blog=self.city, headline=f"Filler {number}")
        second = self.read("/?page=2&q=Filler&x=1")
        self.assertContains(second, "Older")
        self.assertEqual(second.content, self.read("/?page=2").content)
        self.assertCached("/?page=2")
        self.assertEqual(self.read("/?page=1")["X-Page-Cache"], "miss")
        self.assertCached("/")  # page=1 and no page are one page

    def test_odd_spellings_of_a_page_number_are_never_stored(self):
        for query in ["?page=01", "?page=001", "?page=2&page=3"]:
            response = self.reader.get("/" + query)
            self.assertNotEqual(response.get("X-Page-Cache"), "hit")
        self.assertEqual(len(pages.memory.entries), 0)

    def test_bad_page_numbers_still_answer_404(self):
        self.assertEqual(self.reader.get("/?page=abc").status_code, 404)
        self.assertEqual(self.reader.get("/?page=999").status_code, 404)


class AddressTests(SimpleTestCase):
    """The front keys a page by the scheme and host Django would see, before Django runs."""

    requests = [
        {},
        {"HTTP_HOST": "example.com:8443"},
        {"HTTP_X_FORWARDED_PROTO": "https"},
        {"HTTP_X_FORWARDED_PROTO": "https, http"},
        {"HTTP_X_FORWARDED_PROTO": "http"},
        {"HTTP_X_FORWARDED_HOST": "news.example.com", "HTTP_X_FORWARDED_PROTO": "https"},
        {"wsgi.url_scheme": "https"},
    ]

    def test_scheme_and_host_are_the_ones_django_sees(self):
        for behind_proxy in (False, True):
            proxy = {
                "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https")
                if behind_proxy
                else None,
                "USE_X_FORWARDED_HOST": behind_proxy,
                "ALLOWED_HOSTS": ["*"],
            }
            for extra in self.requests:
                with self.subTest(behind_proxy=behind_proxy, **extra), self.settings(**proxy):
                    request = RequestFactory().get("/", **extra)
                    self.assertEqual(pages.scheme(request.environ), request.scheme)
                    self.assertEqual(pages.raw_host(request.environ), request.get_host())


class MemoryTests(SimpleTestCase):
    @staticmethod
    def entry(size):
        return Entry(float("inf"), (), '"e"', b"x" * size, b"")

    def test_memory_is_bounded_by_bytes_and_drops_the_least_recently_used(self):
        memory = Memory()
        with self.settings(NEWSROOM_PAGE_MEMORY_BYTES=250):
            memory.get("a", "g1")
            memory.put("a", "g1", self.entry(100))
            memory.put("b", "g1", self.entry(100))
            memory.get("a", "g1")  # a is now the most recently used
            memory.put("c", "g1", self.entry(100))
            memory.put("huge", "g1", self.entry(1000))  # larger than the whole memory
        self.assertEqual(list(memory.entries), ["a", "c"])
        self.assertEqual(memory.size, 200)

    def test_memory_holds_only_the_current_generation(self):
        memory = Memory()
        memory.get("a", "g1")
        memory.put("a", "g1", self.entry(10))
        self.assertIsNone(memory.get("a", "g2"))
        memory.put("a", "g1", self.entry(10))  # a late store of the old generation
        self.assertEqual(memory.size, 0)


class ScheduledChangeTests(PageCacheTestCase):
    def test_no_page_outlives_the_next_scheduled_post(self):
        goes_live = timezone.now() + timedelta(seconds=1.2)
        make_post(blog=self.city, headline="On the hour", published_at=goes_live)
        response = self.read("/")
        self.assertNotContains(response, "On the hour")
        self.assertIn("s-maxage=1,", response["Cache-Control"])
        self.assertCached("/")
        time.sleep(max(0, (goes_live - timezone.now()).total_seconds()) + 0.05)
        self.assertRebuilt("/", "On the hour")

    def test_breaking_banner_ends_on_time_on_cached_pages(self):
        ends = timezone.now() + timedelta(seconds=1.2)
        make_post(blog=self.city, headline="Storm", is_breaking=True, breaking_until=ends)
        self.assertContains(self.read("/tags/goals/"), "Breaking News")
        self.assertCached("/tags/goals/")
        time.sleep(max(0, (ends - timezone.now()).total_seconds()) + 0.05)
        self.assertNotContains(self.read("/tags/goals/"), "Breaking News")

    def test_cache_control_is_bounded_by_the_next_unpublish_at_time(self):
        make_post(
            blog=self.city,
            headline="Taken down soon",
            unpublish_at=timezone.now() + timedelta(seconds=20),
        )
        with self.settings(NEWSROOM_CDN_MAX_AGE=60, NEWSROOM_CDN_STALE_WHILE_REVALIDATE=60):
            response = self.read("/")
        self.assertContains(response, "Taken down soon")
        self.assertIn("s-maxage=19", response["Cache-Control"])

    def test_cache_control_never_reaches_past_the_next_scheduled_change(self):
        make_post(blog=self.city, published_at=timezone.now() + timedelta(seconds=20))
        with self.settings(NEWSROOM_CDN_MAX_AGE=60, NEWSROOM_CDN_STALE_WHILE_REVALIDATE=60):
            cache_control = self.read("/")["Cache-Control"]
        self.assertIn("s-maxage=19", cache_control)
        self.assertIn("stale-while-revalidate=0", cache_control)


class WhoGetsCachedPagesTests(PageCacheTestCase):
    def test_staff_neither_get_nor_fill_the_cache(self):
        staff_page = self.client.get("/")
        self.assertNotIn("X-Page-Cache", staff_page)
        self.assertIn("private", staff_page["Cache-Control"])
        self.assertEqual(self.read("/")["X-Page-Cache"], "miss")
        self.assertNotIn("X-Page-Cache", self.client.get("/"))

    def test_previews_are_never_cached(self):
        draft = make_post(blog=self.city, status=Post.Status.DRAFT, published_at=None)
        preview = self.client.get(draft.get_absolute_url())
        self.assertContains(preview, "Preview, not public")
        self.assertIn("no-store", preview["Cache-Control"])
        self.assertEqual(self.reader.get(draft.get_absolute_url()).status_code, 404)

    def test_a_cache_hit_carries_every_security_header_and_runs_no_queries(self):
        path = self.bridge.get_absolute_url()
        self.reader.get(path, secure=True)
        with self.assertNumQueries(0):
            hit = self.reader.get(path, secure=True)
        self.assertEqual(hit["X-Page-Cache"], "hit")
        self.assertIn("default-src 'none'", hit["Content-Security-Policy"])
        self.assertNotIn("unsafe-inline", hit["Content-Security-Policy"])
        self.assertIn("max-age=", hit["Strict-Transport-Security"])
        self.assertIn("camera=()", hit["Permissions-Policy"])
        self.assertEqual(hit["X-Content-Type-Options"], "nosniff")
        self.assertEqual(hit["Referrer-Policy"], "strict-origin-when-cross-origin")
        self.assertEqual(hit["X-Frame-Options"], "DENY")

    def test_a_cache_hit_is_one_cache_round_trip_before_django_sees_the_request(self):
        self.read("/")
        with (
            mock.patch("django.test.client.ClientHandler.__call__") as django,
            mock.patch.object(generation.store, "run", wraps=generation.store.run) as cache_calls,
        ):
            hit = self.read("/")
        self.assertEqual(hit["X-Page-Cache"], "hit")
        self.assertEqual([c.args for c in cache_calls.call_args_list], [(generation.read_token,)])
        django.assert_not_called()

    def test_a_failing_front_leaves_the_answer_to_django(self):
        self.read("/")
        with (
            mock.patch.object(pages.memory, "get", side_effect=RuntimeError("broken")),
            self.assertLogs("pagecache", "ERROR"),
        ):
            page = self.read("/")
        self.assertContains(page, "Bridge")

    def test_a_page_stored_for_a_gzip_reader_is_the_same_page_for_every_reader(self):
        gzip_reader = {"Accept-Encoding": "gzip"}
        first = self.reader.get("/", headers=gzip_reader)
        self.assertEqual(first["X-Page-Cache"], "miss")
        plain = self.read("/")
        self.assertEqual(plain["X-Page-Cache"], "hit")
        self.assertNotIn("Content-Encoding", plain)
        self.assertEqual(plain.content, gzip.decompress(first.content))
        hit = self.reader.get("/", headers=gzip_reader)
        self.assertEqual(gzip.decompress(hit.content), plain.content)

    def test_a_hit_is_gzipped_for_readers_that_accept_it_and_304_when_they_have_it(self):
        plain = self.read("/")
        gzip_reader = {"Accept-Encoding": "gzip, deflate, br"}
        hit = self.reader.get("/", headers=gzip_reader)
        self.assertEqual(hit["X-Page-Cache"], "hit")
        self.assertEqual(hit["Content-Encoding"], "gzip")
        self.assertEqual(gzip.decompress(hit.content), plain.content)
        self.assertIn("Accept-Encoding", hit["Vary"])
        self.assertNotEqual(hit["ETag"], plain["ETag"])
        again = self.reader.get("/", headers={**gzip_reader, "If-None-Match": hit["ETag"]})
        self.assertEqual(again.status_code, 304)
        self.assertEqual(again.content, b"")

    def test_static_files_never_touch_the_page_cache(self):
        with mock.patch.object(generation.store, "run") as cache_calls:
            self.reader.get("/static/css/site.css")
        cache_calls.assert_not_called()

    def test_cdn_headers_and_conditional_get(self):
        response = self.read("/")
        self.assertIn("s-maxage=", response["Cache-Control"])
        self.assertIn("stale-while-revalidate=", response["Cache-Control"])
        self.assertIn("Last-Modified", response)
        again = self.reader.get("/", headers={"If-None-Match": response["ETag"]})
        self.assertEqual(again.status_code, 304)


class RedisOutageTests(PageCacheTestCase):
    caches_down = {
        **settings.CACHES,
        "default": closed_port_redis(True),
        "pages": closed_port_redis(False),
    }

    def tearDown(self):
        generation.store.paused_until = 0
        generation.store.failed = False

    def test_a_change_saved_while_redis_is_down_is_made_when_it_is_back(self):
        self.warm("/", self.bridge.get_absolute_url())
        with self.settings(CACHES=self.caches_down), self.assertLogs("pagecache", "WARNING"):
            self.edit_post(self.bridge, headline="Bridge edited during the outage")
            self.assertEqual(LostBump.objects.count(), 1)
            # Still down: /readyz, which load balancers poll, tries and keeps the bump.
            generation.store.paused_until = 0
            self.assertEqual(self.reader.get("/readyz").status_code, 503)
        self.assertEqual(LostBump.objects.count(), 1)
        # The process that saw the outage stops before Redis is back; another one's readiness
        # probe makes the kept bump.
        generation.store.paused_until = 0
        generation.store.failed = False
        self.assertEqual(self.reader.get("/readyz").status_code, 200)
        self.assertFalse(LostBump.objects.exists())
        self.assertRebuilt("/", "Bridge edited during the outage")
        self.assertRebuilt(self.bridge.get_absolute_url(), "Bridge edited during the outage")

    def test_pages_come_uncached_and_never_from_memory_while_redis_is_down(self):
        self.warm("/")
        with self.settings(CACHES=self.caches_down), self.assertLogs("pagecache", "WARNING"):
            self.assertRebuilt("/", "Bridge")
            self.edit_post(self.bridge, headline="Bridge edited during the outage")
            self.assertContains(self.reader.get("/"), "Bridge edited during the outage")
        generation.store.paused_until = 0
        # The bump lost in the outage: the page cached before it must not come back.
        self.assertRebuilt("/", "Bridge edited during the outage")
        self.warm("/")


@override_settings(PAGE_CACHE_LISTEN=False)
class RedisConnectionTests(PagesOnOwnRedis, PageCacheTestCase):
    """Without a subscription to the bumps, each hit reads the generation on a connection the
    worker keeps open for it."""

    def test_hits_survive_redis_closing_the_connection(self):
        self.warm("/")
        connection = generation._held.connection.connection
        address = "{}:{}".format(*connection._sock.getsockname())
        with self.redis.client() as client:
            client.client_kill_filter(_type=None, addr=address)
        with self.assertNoLogs("pagecache", "WARNING"):
            self.assertCached("/")

    def test_a_gunicorn_worker_connects_before_its_first_request(self):
        held = vars(generation._held).pop("connection", None)
        if held is not None:
            held.connection.disconnect()
        config = runpy.run_path(str(Path(settings.BASE_DIR) / "gunicorn.conf.py"))
        with self.settings(NEWSROOM_PAGE_CACHE_SECONDS=3600):
            config["post_worker_init"](worker=None)
        self.assertIsNotNone(generation._held.connection.connection._sock)

    def test_a_bump_reaches_the_next_hit(self):
        self.warm("/")
        with self.committed():
            Post.objects.filter(pk=self.bridge.pk).update(headline="Bridge, edited")
        self.assertRebuilt("/", "Bridge, edited")


class HearingBumpsTests(PagesOnOwnRedis, PageCacheTestCase):
    """A process subscribed to the bumps keeps the generation until it hears one: a hit asks
    Redis nothing, and a bump made by any process, or a lost subscription, ends that."""

    def setUp(self):
        super().setUp()
        generation.listener.stop()
        self.addCleanup(generation.listener.stop)

    def wait_until_subscribed(self):
        generation.listener.token()  # starts the listener for this server
        for _ in range(100):
            if generation.listener.subscribed:
                return
            time.sleep(0.02)
        self.fail("the listener did not subscribe")

    def gets(self):
        with self.redis.client() as client:
            return client.info("commandstats").get("cmdstat_get", {}).get("calls", 0)

    def bump_as_another_process_would(self, publish=True):
        cache = caches["pages"]
        with self.redis.client() as client:
            client.getdel(cache.make_key(generation.KEY))
            if publish:
                client.publish(cache.make_key(generation.CHANNEL), "bump")

    def test_a_hit_asks_redis_nothing_while_the_generation_is_kept(self):
        self.wait_until_subscribed()
        self.warm("/")
        gets = self.gets()
        for _ in range(5):
            self.assertCached("/")
        self.assertEqual(self.gets(), gets)

    def test_a_bump_made_by_another_process_is_heard_before_the_next_hit(self):
        self.wait_until_subscribed()
        self.warm("/")
        self.bump_as_another_process_would()
        # Redis pushes the message to the subscription at once; allow the thread a moment.
        deadline = time.monotonic() + 1
        while generation.listener.kept is not None and time.monotonic() < deadline:
            time.sleep(0.005)
        self.assertServedAgain("/")  # the bump was heard: the old page was not a hit

    def test_a_bump_made_here_is_heard_before_it_returns(self):
        self.wait_until_subscribed()
        self.warm("/")
        with self.committed():
            Post.objects.filter(pk=self.bridge.pk).update(headline="Bridge, edited")
        self.assertRebuilt("/", "Bridge, edited")

    def test_a_lost_subscription_reads_the_generation_from_redis_again(self):
        self.wait_until_subscribed()
        self.warm("/")
        heard = generation.listener.heard
        with self.redis.client() as client:
            client.execute_command("CLIENT", "KILL", "TYPE", "pubsub")
        for _ in range(100):
            if generation.listener.heard != heard:
                break
            time.sleep(0.01)
        # A bump no subscriber heard (made while the subscription was down) still counts.
        self.bump_as_another_process_would(publish=False)
        self.assertServedAgain("/")  # the bump was heard: the old page was not a hit
        self.wait_until_subscribed()
        self.warm("/")

    def test_a_kept_generation_is_not_used_when_redis_stops_answering(self):
        self.wait_until_subscribed()
        self.warm("/")
        generation.listener.contact -= generation.CONTACT_SECONDS + 1
        gets = self.gets()
        self.assertCached("/")  # the same generation, read from Redis this time
        self.assertEqual(self.gets(), gets + 1)


class FullRedisTests(PageCacheTestCase):
    """A Redis that has reached maxmemory with the noeviction policy refuses new pages, but a
    bump, which only deletes, still goes through."""

    # A Redis of the test's own, small, so filling it takes a few writes: FILLERS of FILLER
    # bytes (6.4 MB) at most, well past its 2 MB, so the test ends whatever Redis does.
    FILLER = b"x" * 100_000
    FILLERS = 64

    @classmethod
    def setUpClass(cls):
        cls.redis = start_redis(cls, maxmemory="2mb", policy="noeviction")
        super().setUpClass()

    def fill(self, client):
        """Write fillers until Redis refuses one for want of memory."""
        for filler in range(self.FILLERS):
            try:
                client.set(f"filler:{filler}", self.FILLER)
            except redis.exceptions.OutOfMemoryError as error:
                self.assertIn("maxmemory", str(error))
                return
        self.fail(f"Redis took {self.FILLERS} fillers of {len(self.FILLER)} bytes, never full")

    def test_a_bump_goes_through_a_full_redis(self):
        full = {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": self.redis.url,
            "OPTIONS": {"IGNORE_EXCEPTIONS": False},
        }
        with self.settings(CACHES={**settings.CACHES, "pages": full}):
            caches["pages"].clear()
            self.warm("/")
            self.fill(caches["pages"].client.get_client(write=True))
            self.edit_post(self.bridge, headline="Bridge edited with Redis full")
            self.assertFalse(LostBump.objects.exists())
            self.assertContains(self.read("/"), "Bridge edited with Redis full")
        generation.store.paused_until = 0
        generation.store.failed = False


class GunicornTests(SimpleTestCase):
    def test_several_workers_without_redis_cache_nothing_even_when_preloaded(self):
        config = runpy.run_path(str(Path(settings.BASE_DIR) / "gunicorn.conf.py"))
        self.assertTrue(config["preload_app"])
        server = SimpleNamespace(cfg=SimpleNamespace(workers=2, preload_app=True))
        environ = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
        with (
            mock.patch.dict(os.environ, environ, clear=True),
            self.settings(NEWSROOM_PAGE_CACHE_SECONDS=3600),
            self.assertLogs("gunicorn.error", "WARNING"),
        ):
            config["on_starting"](server)  # gunicorn calls it after preloading the app
            self.assertEqual(settings.NEWSROOM_PAGE_CACHE_SECONDS, 0)

    def test_workers_are_forked_from_a_frozen_heap(self):
        config = runpy.run_path(str(Path(settings.BASE_DIR) / "gunicorn.conf.py"))
        self.addCleanup(gc.unfreeze)
        config["pre_fork"](server=None, worker=None)
        self.assertGreater(gc.get_freeze_count(), 0)


class ReadmeTests(SimpleTestCase):
    def test_the_readme_says_how_the_cache_stays_right_in_one_screen(self):
        readme = (Path(settings.BASE_DIR) / "README.md").read_text()
        section = readme.split("## How the cache stays right", 1)[1].split("\n## ", 1)[0]
        self.assertLessEqual(len(section.strip().splitlines()), 50)
