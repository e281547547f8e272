"""Rows read by queries compiled once (blog.rows): the ids and cards of list pages, a post page's
byline, tags and corrections, a live post's updates."""

from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.db.models import Q
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from taggit.models import Tag

from blog.cards import BLOG_COLUMNS, POST_COLUMNS, card_rows
from blog.models import Author, Blog, Correction, Post
from blog.post_lists import BY_AUTHOR, EVERY_BLOG, IN_BLOG, WITH_TAG, PublishedIds, with_slug
from blog.post_page import post_at, published_post_at
from blog.rows import CompiledRows
from live.models import Coverage, Update
from live.pages import updates_of

from .builders import make_author, make_blog, make_post, make_user
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

    def test_a_value_the_query_uses_twice_is_sent_in_both_places(self):
        rows = CompiledRows(
            lambda values: (
                Post.objects.filter(Q(headline=values[0]) | Q(standfirst=values[0]))
                .order_by("headline")
                .values_list("headline")
            )
        )
        Post.objects.filter(pk=self.posts[2].pk).update(standfirst="Story 0")
        self.assertEqual(rows(["Story 0"], "default"), [("Story 0",), ("Story 2",)])
        self.assertEqual(rows(["Story 1"], "default"), [("Story 1",)])

    def test_strings_and_times_stand_in_as_ids_do_converted_as_the_orm_converts_them(self):
        rows = CompiledRows(
            lambda values: (
                Post.objects.published(now=values[1]).filter(slug=values[0]).values_list("headline")
            )
        )
        post = self.posts[1]
        self.assertEqual(rows([post.slug, timezone.now()], "default"), [("Story 1",)])
        before = post.published_at - timedelta(seconds=1)
        self.assertEqual(rows([post.slug, before], "default"), [])  # not yet published then
        self.assertEqual(rows(["no-such-post", timezone.now()], "default"), [])
        self.assertEqual(len(rows.compiled), 1)

    def test_a_value_of_a_kind_that_changes_the_sql_is_refused(self):
        rows = CompiledRows(lambda values: Post.objects.filter(is_breaking=values[0]))
        with self.assertRaisesMessage(TypeError, "a flag changes the SQL"):
            rows([True], "default")


class PostAtAddressTests(TestCase):
    """blog.post_page.post_at(): a reader's post comes from a query compiled once, and is the
    post Post.objects.visible_to() gives, with its blog and coverage loaded."""

    @classmethod
    def setUpTestData(cls):
        cls.blog = make_blog(name="City")
        cls.live = make_post(blog=cls.blog, headline="Live")
        cls.draft = make_post(blog=cls.blog, headline="Draft", status=Post.Status.DRAFT)
        cls.scheduled = make_post(
            blog=cls.blog, headline="Soon", published_at=timezone.now() + timedelta(hours=1)
        )
        cls.taken_down = make_post(
            blog=cls.blog, headline="Gone", unpublish_at=timezone.now() - timedelta(minutes=1)
        )
        Coverage.objects.create(post=cls.live)

    def test_a_reader_finds_only_the_published_post_with_its_blog_and_coverage(self):
        reader = AnonymousUser()
        found = post_at(self.blog.slug, self.live.slug, reader)
        self.assertEqual(found, self.live)
        with self.assertNumQueries(0):
            self.assertEqual((found.blog.name, found.coverage.post_id), ("City", self.live.pk))
        for hidden in (self.draft, self.scheduled, self.taken_down):
            with self.subTest(hidden.headline):
                self.assertIsNone(post_at(self.blog.slug, hidden.slug, reader))
        self.assertIsNone(post_at("elsewhere", self.live.slug, reader))
        self.assertEqual(len(published_post_at.compiled), 1)

    def test_a_post_without_coverage_has_none(self):
        post = make_post(blog=self.blog, headline="Plain")
        found = post_at(self.blog.slug, post.slug, AnonymousUser())
        with self.assertNumQueries(0):
            self.assertIsNone(getattr(found, "coverage", None))

    def test_an_editor_finds_drafts_as_visible_to_has_it(self):
        editor = make_user("editor", "Editors")
        self.assertEqual(post_at(self.blog.slug, self.draft.slug, editor), self.draft)


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


class ListIdsTests(TestCase):
    """blog.post_lists: the home, blog, tag and author pages read a window of their published
    posts' ids, and the blog, tag or author by its slug, as the ORM would."""

    @classmethod
    def setUpTestData(cls):
        now = timezone.now()
        cls.city, cls.sport = make_blog(name="City"), make_blog(name="Sport")
        cls.ann = make_author(name="Ann")
        cls.posts = [
            make_post(
                blog=(cls.city, cls.sport)[n % 2],
                authors=[cls.ann] if n % 3 else [],
                tags=["Weather"] if n % 4 else ["Roads"],
                published_at=now - timedelta(hours=n),
            )
            for n in range(12)
        ]
        # in no list: a draft, a post to come, one taken down
        make_post(blog=cls.city, authors=[cls.ann], tags=["Weather"], status=Post.Status.DRAFT)
        make_post(blog=cls.city, tags=["Weather"], published_at=now + timedelta(hours=1))
        make_post(blog=cls.city, tags=["Weather"], unpublish_at=now - timedelta(minutes=1))

    def test_each_window_holds_the_ids_the_orm_gives_for_that_slice(self):
        weather = Tag.objects.get(slug="weather")
        lists = [
            (EVERY_BLOG, (), Post.objects.all()),
            (IN_BLOG, (self.city.pk,), Post.objects.filter(blog=self.city)),
            (WITH_TAG, (weather.pk,), Post.objects.filter(tags=weather)),
            (BY_AUTHOR, (self.ann.pk,), Post.objects.filter(bylines__author=self.ann)),
        ]
        for query, values, posts in lists:
            expected = list(posts.published().latest_first().values_list("pk", flat=True))
            self.assertGreaterEqual(len(expected), 3)
            for start, stop in ((0, 3), (2, 5), (len(expected) - 1, len(expected) + 3)):
                with self.subTest(query=query, start=start):
                    ids = PublishedIds(query, *values).window(start, stop)
                    self.assertEqual(ids, expected[start:stop])
        self.assertEqual(PublishedIds(IN_BLOG, self.city.pk).window(20, 40), [])

    def test_a_blog_tag_or_author_is_found_by_its_slug(self):
        self.assertEqual(with_slug(Blog, self.sport.slug), self.sport)
        self.assertEqual(with_slug(Tag, "roads"), Tag.objects.get(slug="roads"))
        self.assertEqual(with_slug(Author, self.ann.slug).name, "Ann")
        self.assertIsNone(with_slug(Blog, "no-such-blog"))
