"""The database says which writes readers may see; only those drop cached pages.

Each test counts the bumps the connection makes (pagecache.writes), whatever form the write
takes: the ORM, raw SQL the old statement-reading watch missed, the driver's own calls.
"""

import unittest
from unittest import mock

from django.core.signals import request_finished
from django.db import connection, transaction
from django.test import TestCase, TransactionTestCase

from blog.models import Correction, Post
from pagecache.writes import watched_tables

from .builders import make_author, make_post

on_postgresql = unittest.skipUnless(connection.vendor == "postgresql", "PostgreSQL statement")
on_sqlite = unittest.skipUnless(connection.vendor == "sqlite", "SQLite driver call")


class BumpCounting:
    def setUp(self):
        patcher = mock.patch("pagecache.writes.bump")
        self.bump = patcher.start()
        self.addCleanup(patcher.stop)

    def bumps_of(self, write):
        """Bumps made once write() has committed (test cases run in a transaction that never
        commits; captureOnCommitCallbacks runs what a commit would)."""
        self.bump.reset_mock()
        with self.captureOnCommitCallbacks(execute=True):
            write()
        return self.bump.call_count


class WhatReadersSeeTests(BumpCounting, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.live = make_post(headline="Live story")
        cls.draft = make_post(blog=cls.live.blog, status=Post.Status.DRAFT, published_at=None)
        cls.author = make_author()
        cls.live.tags.add("weather")  # a tag that exists: a new one is a row readers may see

    def test_saving_a_draft_keeps_cached_pages(self):
        def edit_the_draft():
            self.draft.headline = "Still a draft"
            self.draft.save()
            self.draft.tags.add("weather")
            Correction.objects.create(post=self.draft, text="Not yet public.")
            self.draft.bylines.create(author=self.author, position=0)

        self.assertEqual(self.bumps_of(edit_the_draft), 0)

    def test_deleting_a_draft_keeps_cached_pages(self):
        self.assertEqual(self.bumps_of(self.draft.delete), 0)

    def test_submitting_a_draft_for_review_keeps_cached_pages(self):
        def submit():
            Post.objects.filter(pk=self.draft.pk).update(status=Post.Status.SUBMITTED)

        self.assertEqual(self.bumps_of(submit), 0)

    def test_publishing_a_draft_drops_cached_pages(self):
        def publish():
            self.draft.status = Post.Status.PUBLISHED
            self.draft.published_at = self.live.published_at
            self.draft.save()

        self.assertEqual(self.bumps_of(publish), 1)

    def test_unpublishing_a_live_post_drops_cached_pages(self):
        def unpublish():
            Post.objects.filter(pk=self.live.pk).update(status=Post.Status.DRAFT)

        self.assertEqual(self.bumps_of(unpublish), 1)

    def test_editing_a_live_post_or_its_tags_or_corrections_drops_cached_pages(self):
        for write in (
            lambda: Post.objects.filter(pk=self.live.pk).update(headline="New"),
            lambda: self.live.tags.add("seen"),
            lambda: Correction.objects.create(post=self.live, text="Fixed a name."),
            lambda: self.live.bylines.create(author=self.author, position=0),
        ):
            with self.subTest(write=write):
                self.assertEqual(self.bumps_of(write), 1)

    def test_a_blog_or_author_change_drops_cached_pages(self):
        def rename():
            self.author.name = "Renamed"
            self.author.save()

        self.assertEqual(self.bumps_of(rename), 1)

    def test_a_transaction_of_many_writes_bumps_once(self):
        def many():
            with transaction.atomic():
                for n in range(5):
                    Post.objects.filter(pk=self.live.pk).update(headline=f"Take {n}")

        self.assertEqual(self.bumps_of(many), 1)

    def test_a_rolled_back_write_drops_nothing(self):
        def rolled_back():
            with transaction.atomic():
                Post.objects.filter(pk=self.live.pk).update(headline="Never saved")
                transaction.set_rollback(True)

        self.assertEqual(self.bumps_of(rolled_back), 0)


class RawWritesTests(BumpCounting, TestCase):
    """SQL the old regex did not see: each form changes the live post's headline."""

    @classmethod
    def setUpTestData(cls):
        cls.live = make_post(headline="Live story")

    def execute(self, sql, params=()):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)

    def assertBumps(self, sql, params=()):
        self.assertEqual(self.bumps_of(lambda: self.execute(sql, params)), 1)

    def test_a_comment_before_the_update(self):
        self.assertBumps(
            "/* fix */ -- typo\n UPDATE blog_post SET headline = 'x' WHERE id = %s", [self.live.pk]
        )

    @on_postgresql
    def test_explain_analyze_update(self):
        self.assertBumps(
            "EXPLAIN ANALYZE UPDATE blog_post SET headline = 'x' WHERE id = %s", [self.live.pk]
        )

    @on_postgresql
    def test_merge(self):
        self.assertBumps(
            "MERGE INTO blog_post p USING (SELECT %s::bigint AS id) s ON p.id = s.id "
            "WHEN MATCHED THEN UPDATE SET headline = 'merged'",
            [self.live.pk],
        )

    @on_postgresql
    def test_a_do_block(self):
        self.assertBumps(
            f"DO $$ BEGIN UPDATE blog_post SET headline = 'done' WHERE id = {self.live.pk}; END $$"
        )

    @on_postgresql
    def test_two_statements_in_one_call(self):
        self.assertBumps(
            f"SELECT 1; UPDATE blog_post SET headline = 'second' WHERE id = {self.live.pk}"
        )

    @on_postgresql
    def test_a_select_of_a_function_that_writes(self):
        self.execute(
            "CREATE FUNCTION pg_temp.retitle(post integer) RETURNS void LANGUAGE sql AS "
            "$$ UPDATE blog_post SET headline = 'by function' WHERE id = post $$"
        )
        self.assertBumps("SELECT pg_temp.retitle(%s)", [self.live.pk])

    @on_postgresql
    def test_psycopg_callproc_and_copy_bump_by_the_next_statement(self):
        self.execute(
            "CREATE FUNCTION retitle(post integer) RETURNS void LANGUAGE sql AS "
            "$$ UPDATE blog_post SET headline = 'by callproc' WHERE id = post $$"
        )

        def by_callproc():
            with connection.cursor() as cursor:
                cursor.callproc("retitle", [self.live.pk])
            Post.objects.exists()  # or the commit, or the end of the request

        def by_copy():
            with (
                connection.cursor() as cursor,
                cursor.copy("COPY taggit_tag (name, slug) FROM STDIN") as copy,
            ):
                copy.write_row(("Copied", "copied"))
            Post.objects.exists()

        self.assertEqual(self.bumps_of(by_callproc), 1)
        self.assertEqual(self.bumps_of(by_copy), 1)

    @on_postgresql
    def test_truncate(self):
        self.assertBumps("TRUNCATE blog_correction")


class CommittedWritesTests(BumpCounting, TransactionTestCase):
    """Real commits, outside any test transaction."""

    def setUp(self):
        self.live = make_post(headline="Live story")
        super().setUp()

    def test_an_autocommit_write_bumps_at_once(self):
        Post.objects.filter(pk=self.live.pk).update(headline="Autocommitted")
        self.assertEqual(self.bump.call_count, 1)

    def test_a_write_under_manual_transactions_bumps_at_commit(self):
        transaction.set_autocommit(False)
        try:
            Post.objects.filter(pk=self.live.pk).update(headline="Manual")
            self.assertEqual(self.bump.call_count, 0)
            transaction.commit()
        finally:
            transaction.set_autocommit(True)
        self.assertEqual(self.bump.call_count, 1)

    def test_a_failing_on_commit_callback_cannot_drop_the_bump(self):
        def fail():
            raise RuntimeError("a callback registered before the write")

        with self.assertRaises(RuntimeError), transaction.atomic():
            transaction.on_commit(fail)
            Post.objects.filter(pk=self.live.pk).update(headline="Committed")
        self.assertEqual(self.bump.call_count, 1)
        self.live.refresh_from_db()
        self.assertEqual(self.live.headline, "Committed")

    @on_sqlite
    def test_an_sqlite_executescript_bumps_by_the_next_statement(self):
        connection.connection.executescript(
            f"UPDATE blog_post SET headline = 'scripted' WHERE id = {self.live.pk};"
        )
        Post.objects.count()
        self.assertEqual(self.bump.call_count, 1)

    def test_a_write_on_the_driver_connection_bumps_by_the_end_of_the_request(self):
        cursor = connection.connection.cursor()
        cursor.execute(f"UPDATE blog_post SET headline = 'driver' WHERE id = {self.live.pk}")
        cursor.close()
        if connection.vendor == "sqlite":
            connection.connection.commit()
        request_finished.send(sender=self.__class__)
        self.assertEqual(self.bump.call_count, 1)


class TriggerTests(TestCase):
    def test_every_table_pages_may_show_has_the_triggers(self):
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT DISTINCT event_object_table FROM information_schema.triggers "
                    "WHERE trigger_name = 'pagecache_rows'"
                )
            else:
                cursor.execute(
                    "SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger' "
                    "AND name LIKE 'pagecache_%'"
                )
            triggered = {row[0] for row in cursor.fetchall()}
        tables = set(watched_tables(connection))
        self.assertIn("blog_post", tables)
        self.assertIn("taggit_tag", tables)
        self.assertNotIn("django_session", tables)
        self.assertEqual(tables - triggered, set())
