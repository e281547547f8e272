"""Rows read by queries compiled once (blog.rows): the cards of list pages, a post page's byline,
tags and corrections, a live post's updates."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from blog.cards import BLOG_COLUMNS, POST_COLUMNS, card_rows
from blog.models import Correction, Post
from blog.rows import CompiledRows
from live.models import Coverage, Update
from live.pages import updates_of

from .builders import make_author, make_blog, make_post
from .readers import ReaderClient


class CompiledRowsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.blog = make_blog(name="City")
        cls.posts = [make_post(blog=cls.blog, headline=f"Story {n}") for n in range(3)]

    def test_the_rows_are_those_the_orm_reads_converted_as_it_converts_them(self):
        ids = [post.pk for post in self.posts]
        orm = Post.objects.filter(pk__in=ids).latest_first()
        orm = orm.values_list(*POST_COLUMNS, *(f"blog__{column}" for column in BLOG_COLUMNS))
        rows = card_rows(ids, "default")
        self.assertEqual(rows, list(orm))
        published_at = rows[0][POST_COLUMNS.index("published_at")]
        self.assertIsNotNone(published_at.tzinfo)  # SQLite's text, made an aware datetime

    def test_the_query_is_compiled_once_for_each_number_of_values(self):
        rows = CompiledRows(lambda ids: Post.objects.filter(pk__in=ids).values_list("headline"))
        first, second, third = (post.pk for post in self.posts)
        self.assertEqual(rows([first], "default"), [("Story 0",)])
        self.assertEqual(rows([third], "default"), [("Story 2",)])
        self.assertEqual(sorted(rows([second, first], "default")), [("Story 0",), ("Story 1",)])
        self.assertEqual(len(rows.compiled), 2)
        self.assertEqual(rows([], "default"), [])

    def test_a_value_the_query_uses_twice_is_refused(self):
        rows = CompiledRows(
            lambda ids: Post.objects.filter(pk__in=ids, blog_id__in=ids).values_list("pk")
        )
        with self.assertRaisesMessage(ValueError, "each value must stand once"):
            rows([self.posts[0].pk], "default")


class PostPageRowsTests(TestCase):
    def test_byline_tags_and_corrections_come_in_their_order_in_one_query_each(self):
        ann, bob = make_author(name="Ann"), make_author(name="Bob")
        post = make_post(headline="Storm", authors=[bob, ann], tags=["Weather", "Roads"])
        Correction.objects.create(post=post, text="The river is the Avon.")
        Correction.objects.create(post=post, text="It was Tuesday.")
        reader = ReaderClient()
        reader.get(post.get_absolute_url())
        with CaptureQueriesContext(connection) as queries:
            page = reader.get(post.get_absolute_url()).content.decode()
        for table in ("blog_byline", "blog_taggedpost", "blog_correction"):
            with self.subTest(table):
                self.assertEqual(sum(table in q["sql"] for q in queries), 1)
        self.assertIn('<p class="sign-off">— Bob and Ann</p>', page)
        self.assertLess(page.index('rel="tag">Roads<'), page.index('rel="tag">Weather<'))
        self.assertLess(page.index("It was Tuesday."), page.index("The river is the Avon."))


class LiveUpdateRowsTests(TestCase):
    def test_updates_after_a_cursor_come_newest_first_with_their_authors_by_name(self):
        post = make_post(headline="Storm live")
        Coverage.objects.create(post=post)
        first, second, third = (
            Update.objects.create(post=post, body=f"Update {n}") for n in range(3)
        )
        third.authors.set([make_author(name="Zoe"), make_author(name="Al")])
        self.assertEqual([u.pk for u in updates_of(post)], [third.pk, second.pk, first.pk])
        newer = updates_of(post, after=first.pk)
        self.assertEqual([u.pk for u in newer], [third.pk, second.pk])
        self.assertEqual([a.name for a in newer[0].byline_authors], ["Al", "Zoe"])
        self.assertEqual(newer[1].byline_authors, [])
