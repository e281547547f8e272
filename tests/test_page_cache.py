import gzip
import time
from datetime import timedelta
from unittest import mock

from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client, TestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from blog import cache as page_cache_module
from blog.models import LostVersionBump, Post
from blog.near_cache import near_cache

from .builders import make_author, make_blog, make_post
from .test_admin import post_form


def closed_port_redis(ignore_exceptions):
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
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
        # Versions bumped by a save are otherwise not trusted for a second (SETTLE_NS).
        self.enterContext(mock.patch.object(page_cache_module, "SETTLE_NS", 0))
        self.reader = Client()
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

    def admin_post(self, url, data):
        with self.captureOnCommitCallbacks(execute=True):
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

    def test_editing_a_post_rebuilds_exactly_the_pages_that_show_it(self):
        untouched = [self.match.get_absolute_url(), "/blogs/" + self.sport.slug + "/"]
        untouched += ["/tags/parks/", "/tags/goals/", self.bob.get_absolute_url()]
        shows_it = ["/", self.bridge.get_absolute_url(), self.city.get_absolute_url()]
        shows_it += ["/tags/roads/", self.ann.get_absolute_url(), self.park.get_absolute_url()]
        self.warm(*untouched, *shows_it)
        self.edit_post(self.bridge, headline="Bridge reopens")
        for path in shows_it:
            self.assertRebuilt(path, "Bridge reopens")
        for path in untouched:
            self.assertCached(path)

    def test_publishing_a_draft_rebuilds_its_lists(self):
        draft = make_post(
            blog=self.sport, headline="Late goal", status=Post.Status.DRAFT, published_at=None
        )
        self.warm("/", self.sport.get_absolute_url(), self.city.get_absolute_url())
        self.act("publish_now", draft)
        self.assertRebuilt("/", "Late goal")
        self.assertRebuilt(self.sport.get_absolute_url(), "Late goal")
        self.assertCached(self.city.get_absolute_url())

    def test_unpublishing_a_post_takes_it_off_every_cached_page(self):
        self.warm("/", self.match.get_absolute_url(), self.city.get_absolute_url())
        self.act("unpublish", self.match)
        self.assertNotContains(self.reader.get("/"), "Match")
        self.assertEqual(self.reader.get(self.match.get_absolute_url()).status_code, 404)
        self.assertCached(self.city.get_absolute_url())

    def test_deleting_a_post_takes_it_off_every_cached_page(self):
        self.warm("/", "/tags/goals/", self.city.get_absolute_url())
        url = reverse("admin:blog_post_delete", args=[self.match.pk])
        self.admin_post(url, {"post": "yes"})
        self.assertNotContains(self.reader.get("/"), "Match")
        self.assertNotContains(self.reader.get("/tags/goals/"), "Match")
        self.assertCached(self.city.get_absolute_url())

    def test_renaming_an_author_rebuilds_pages_with_their_byline(self):
        self.warm("/", self.bridge.get_absolute_url(), self.match.get_absolute_url())
        url = reverse("admin:blog_author_change", args=[self.ann.pk])
        self.admin_post(url, {"name": "Ann Smith", "slug": self.ann.slug, "bio": ""})
        self.assertRebuilt("/", "Ann Smith")
        self.assertRebuilt(self.bridge.get_absolute_url(), "Ann Smith")
        self.assertCached(self.match.get_absolute_url())

    def test_renaming_a_tag_rebuilds_the_pages_that_show_it(self):
        roads = Tag.objects.get(name="Roads")
        self.warm("/tags/roads/", self.bridge.get_absolute_url(), "/", "/tags/goals/")
        url = reverse("admin:taggit_tag_change", args=[roads.pk])
        inline = {
            "taggit_taggeditem_items-TOTAL_FORMS": 0,
            "taggit_taggeditem_items-INITIAL_FORMS": 0,
        }
        self.admin_post(url, {"name": "Streets", "slug": "roads", **inline})
        self.assertRebuilt("/tags/roads/", "Streets")
        self.assertRebuilt(self.bridge.get_absolute_url(), "Streets")
        self.assertCached("/")  # cards do not show tags
        self.assertCached("/tags/goals/")

    def test_changing_a_blogs_about_text_rebuilds_only_that_blogs_pages(self):
        self.warm(self.sport.get_absolute_url(), self.match.get_absolute_url(), "/")
        url = reverse("admin:blog_blog_change", args=[self.sport.pk])
        data = {"name": "Sport", "slug": self.sport.slug, "tagline": self.sport.tagline}
        self.admin_post(url, {**data, "about": "Every result, every weekend."})
        self.assertRebuilt(self.sport.get_absolute_url(), "Every result, every weekend.")
        self.assertRebuilt(self.match.get_absolute_url(), "Every result, every weekend.")
        self.assertCached("/")

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

    def test_editing_a_draft_throws_nothing_away(self):
        draft = make_post(blog=self.city, status=Post.Status.DRAFT, published_at=None)
        self.warm("/", self.city.get_absolute_url())
        self.act("flag_breaking", draft)
        self.assertCached("/")
        self.assertCached(self.city.get_absolute_url())


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

    def test_a_cache_hit_is_one_cache_round_trip_before_sessions_and_routing(self):
        self.read("/")
        self.read("/")
        pages = page_cache_module.caches["pages"]
        with (
            mock.patch.object(pages, "get_many", wraps=pages.get_many) as get_many,
            mock.patch("django.urls.resolvers.URLResolver.resolve") as resolve,
            mock.patch.object(
                page_cache_module.page_cache, "call", wraps=page_cache_module.page_cache.call
            ) as call,
        ):
            hit = self.read("/")
        self.assertEqual(hit["X-Page-Cache"], "hit")
        self.assertEqual(call.call_count, 1)
        self.assertEqual(get_many.call_count, 1)
        resolve.assert_not_called()

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
        pages = page_cache_module.caches["pages"]
        with mock.patch.object(pages, "get_many") as get_many:
            self.reader.get("/static/css/site.css")
        get_many.assert_not_called()

    def test_campaign_parameters_share_the_cached_page(self):
        self.read("/")
        self.assertCached("/?utm_source=newsletter")

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
        page_cache_module.page_cache.paused_until = 0
        page_cache_module.page_cache.failed = False

    def test_a_change_saved_while_redis_is_down_is_written_when_it_is_back(self):
        self.warm("/", self.bridge.get_absolute_url(), self.sport.get_absolute_url())
        with self.settings(CACHES=self.caches_down), self.assertLogs("blog.cache", "WARNING"):
            self.edit_post(self.bridge, headline="Bridge edited during the outage")
        kept = LostVersionBump.objects.count()
        self.assertGreater(kept, 0)
        # A replay while Redis is still unreachable keeps the rows as they are.
        with self.settings(CACHES=self.caches_down), self.assertLogs("blog.cache", "WARNING"):
            page_cache_module.page_cache.paused_until = 0
            near_cache.chore()
        self.assertEqual(LostVersionBump.objects.count(), kept)
        # The process that saw the outage stops (a deploy) before Redis is back; another
        # worker's near-cache thread runs its chore and writes the kept bumps.
        page_cache_module.page_cache.paused_until = 0
        page_cache_module.page_cache.failed = False
        near_cache.chore()
        self.assertFalse(LostVersionBump.objects.exists())
        self.assertRebuilt("/", "Bridge edited during the outage")
        self.assertRebuilt(self.bridge.get_absolute_url(), "Bridge edited during the outage")
        self.assertCached(self.sport.get_absolute_url())

    def test_pages_keep_coming_uncached_while_redis_is_down_then_caching_resumes(self):
        self.warm("/")
        caches_down = self.caches_down
        with self.settings(CACHES=caches_down), self.assertLogs("blog.cache", "WARNING"):
            self.assertRebuilt("/", "Bridge")
            self.edit_post(self.bridge, headline="Bridge edited during the outage")
            self.assertEqual(self.reader.get("/readyz").status_code, 503)
            self.assertContains(self.reader.get("/"), "Bridge edited during the outage")
        page_cache_module.page_cache.paused_until = 0
        # The bump lost in the outage: the page cached before it must not come back.
        self.assertRebuilt("/", "Bridge edited during the outage")
        self.warm("/")
