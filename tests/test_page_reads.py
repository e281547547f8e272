"""After a bump, a cached page whose reads the database answers with the same rows is served
again without rendering; any read that differs, however the change was made, renders it
(pagecache.reads)."""

from dataclasses import replace
from datetime import timedelta

from django.core.cache import caches
from django.db import connection
from django.test import RequestFactory, TestCase
from django.utils import timezone

from blog.models import Post
from pagecache import pages, reads

from .builders import make_post
from .test_page_cache import PageCacheTestCase


class ServedAgainUnrenderedTests(PageCacheTestCase):
    def raw_sql(self, sql, params=()):
        with self.committed(), connection.cursor() as cursor:
            cursor.execute(sql, params)

    def test_a_save_another_blog_shows_nowhere_leaves_this_blogs_post_page_as_it_was(self):
        self.warm(self.match.get_absolute_url(), self.bridge.get_absolute_url())
        self.edit_post(self.park, headline="Park reopens")
        self.assertServedAgain(self.match.get_absolute_url())
        # The bridge's page lists the park's post among the blog's latest: it changed.
        self.assertRebuilt(self.bridge.get_absolute_url(), "Park reopens")

    def test_a_raw_sql_change_to_the_navigation_renders_a_page_that_read_it_from_memory(self):
        # The first page reads the blogs for the navigation; the second uses what this worker
        # kept of them (pagecache.kept), and must count those reads as its own.
        self.warm(self.bridge.get_absolute_url(), self.match.get_absolute_url())
        self.raw_sql("UPDATE blog_blog SET name = %s WHERE id = %s", ["City Desk", self.city.pk])
        self.assertRebuilt(self.match.get_absolute_url(), "City Desk")

    def test_scheduling_a_post_renders_pages_so_they_expire_when_it_goes_live(self):
        self.warm(self.bridge.get_absolute_url(), self.match.get_absolute_url())
        going_live = timezone.now() + timedelta(minutes=10)
        with self.committed():
            make_post(blog=self.sport, headline="Kick-off", published_at=going_live)
        response = self.assertRebuilt(self.match.get_absolute_url())
        self.assertNotContains(response, "Kick-off")
        seconds_left = int(response["Cache-Control"].split("s-maxage=")[1].split(",")[0])
        self.assertLessEqual(seconds_left, 600)

    def test_a_reader_revalidating_a_page_served_again_gets_304_and_the_log_says_so(self):
        etag = self.read(self.match.get_absolute_url())["ETag"]
        self.edit_post(self.park, headline="Park reopens")
        with self.assertLogs("ops.request", "INFO") as logs:
            response = self.reader.get(
                self.match.get_absolute_url(), headers={"If-None-Match": etag}
            )
        self.assertEqual(response.status_code, 304)
        (record,) = logs.records
        self.assertEqual(record.cache, "revalidated")

    def test_a_page_past_its_expiry_is_rendered_not_served_again(self):
        self.warm(self.match.get_absolute_url())
        environ = RequestFactory().get(self.match.get_absolute_url()).environ
        stored_key = pages.reads_key(pages.page_key(environ, "any generation"))
        stored_reads, entry = caches["pages"].get(stored_key)
        caches["pages"].set(stored_key, (stored_reads, replace(entry, expires_at=0)))
        self.raw_sql("UPDATE blog_post SET headline = headline WHERE id = %s", [self.park.pk])
        self.assertRebuilt(self.match.get_absolute_url())


class RecordingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.post = make_post(headline="Flood warning")

    def test_each_select_and_the_rows_it_gave_are_noted_and_read_the_same_until_a_row_changes(
        self,
    ):
        with reads.recorded() as recording:
            list(Post.objects.filter(pk=self.post.pk).values_list("headline"))
            Post.objects.count()
        noted = recording.frozen()
        self.assertEqual(len(noted), 2)
        self.assertTrue(reads.read_the_same(noted))
        Post.objects.filter(pk=self.post.pk).update(headline="Flood warning lifted")
        self.assertFalse(reads.read_the_same(noted))

    def test_a_statement_that_is_not_a_select_cannot_be_run_again_to_check(self):
        with reads.recorded() as recording:
            Post.objects.count()
            Post.objects.filter(pk=self.post.pk).update(headline="Edited while rendering")
        self.assertIsNone(recording.frozen())

    def test_rows_that_cannot_be_told_apart_by_their_repr_cannot_be_checked(self):
        with reads.recorded() as recording, connection.cursor() as cursor:
            cursor.execute("SELECT %s", [b"x"])
            cursor.execute("SELECT 1")
            rows = cursor.fetchall()
            self.assertEqual(rows, [(1,)])
        self.assertIsNotNone(recording.frozen())
        with reads.recorded() as recording:
            list(Post.objects.filter(pk=self.post.pk).values_list("headline", flat=True))
            recording.reads[-1].add([(object(),)])
        self.assertIsNone(recording.frozen())

    def test_reads_inside_a_kept_value_count_for_the_page_around_it(self):
        with reads.recorded() as page:
            with reads.recorded():
                Post.objects.count()
            Post.objects.exists()
        self.assertEqual(len(page.frozen()), 2)
        with reads.recorded() as page:
            reads.include(None)  # a kept value whose reads could not be noted
        self.assertIsNone(page.frozen())
