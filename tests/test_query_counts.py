from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from .builders import image_upload, make_author, make_blog, make_post

MAX_QUERIES = 10


class QueryCountTests(TestCase):
    """Every page runs a small, fixed number of queries, however many posts, tags and authors."""

    @classmethod
    def setUpTestData(cls):
        cls.blog = make_blog()
        cls.author = make_author()
        cls.first_post = cls.add_posts(5)

    @classmethod
    def add_posts(cls, number):
        first = None
        for index in range(number):
            co_author = make_author()
            post = make_post(
                blog=cls.blog,
                authors=[cls.author, co_author],
                tags=["Weather", f"Topic {index}", f"Place {index}"],
                lead_image=image_upload(),
                lead_image_alt="A photo",
                is_breaking=index == 0,
            )
            first = first or post
        return first

    def pages(self):
        return [
            "/",
            self.blog.get_absolute_url(),
            self.first_post.get_absolute_url(),
            "/tags/weather/",
            self.author.get_absolute_url(),
            "/search/?q=headline",
            "/archive/",
            f"/archive/{self.first_post.published_at:%Y/%-m}/",
            f"{self.blog.get_absolute_url()}archive/",
            "/feeds/rss/",
            f"{self.blog.get_absolute_url()}feeds/atom/",
            "/sitemap-posts.xml",
            "/sitemap-news.xml",
        ]

    def count_queries(self, path):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(path)
        self.assertEqual(response.status_code, 200, path)
        return len(queries)

    def test_query_count_stays_flat_as_posts_tags_and_authors_grow(self):
        with_five = {path: self.count_queries(path) for path in self.pages()}
        self.add_posts(45)
        with_fifty = {path: self.count_queries(path) for path in self.pages()}
        self.assertEqual(with_five, with_fifty)
        for path, queries in with_fifty.items():
            self.assertLessEqual(queries, MAX_QUERIES, path)

    def test_list_pages_load_neither_post_bodies_nor_tags_for_their_cards(self):
        for path in ["/", self.blog.get_absolute_url(), self.author.get_absolute_url()]:
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get(path)
            self.assertContains(response, self.first_post.headline)
            sql = " ".join(query["sql"] for query in queries)
            self.assertNotIn('"body_html"', sql, path)
            self.assertNotIn("taggit_tag", sql, path)
