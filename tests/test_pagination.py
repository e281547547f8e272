from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from blog.models import Post

from .builders import make_author, make_blog, make_post


class PaginationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.blog = make_blog()
        cls.author = make_author()
        for _ in range(25):
            make_post(blog=cls.blog, authors=[cls.author], tags=["Weather"])

    def list_pages(self):
        archive = f"/archive/{Post.objects.latest('published_at').published_at.year}/"
        return [
            "/",
            self.blog.get_absolute_url(),
            self.author.get_absolute_url(),
            "/tags/weather/",
            archive,
        ]

    def test_second_page_shows_the_rest(self):
        for path in self.list_pages():
            response = self.client.get(path, {"page": 2})
            self.assertEqual(response.status_code, 200, path)
            self.assertEqual(len(response.context["object_list"]), 5, path)

    def test_home_shows_twenty_posts_a_page(self):
        self.assertEqual(len(self.client.get("/").context["object_list"]), 20)

    def test_bad_page_numbers_answer_404_never_500(self):
        for path in self.list_pages():
            for page in ["0", "-1", "abc", "3", "99999999999999999999", "1.5", "", "last"]:
                with self.subTest(path=path, page=page):
                    response = self.client.get(path, {"page": page})
                    expected = 200 if page == "" else 404
                    self.assertEqual(response.status_code, expected)

    def test_list_pages_never_count_the_whole_table(self):
        for path in self.list_pages():
            with CaptureQueriesContext(connection) as queries:
                self.client.get(path, {"page": 2})
            # The blog's archive box counts a year of posts by month; nothing counts the list.
            counts = [
                q["sql"] for q in queries if "COUNT(" in q["sql"] and "GROUP BY" not in q["sql"]
            ]
            self.assertEqual(counts, [], path)

    def test_pages_link_newer_and_older_pages(self):
        first = self.client.get("/")
        self.assertContains(first, 'rel="next"')
        self.assertNotContains(first, 'rel="prev"')
        self.assertContains(first, "Page 1")
        last = self.client.get("/", {"page": 2})
        self.assertContains(last, 'rel="prev"')
        self.assertNotContains(last, 'rel="next"')
