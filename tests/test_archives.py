from datetime import UTC, datetime, timedelta

from django.core.exceptions import ValidationError
from django.test import TestCase
from django.utils import timezone

from blog.models import Post

from .builders import make_blog, make_post
from .pages import card_headlines


def moment(year, month, day=15):
    return datetime(year, month, day, 12, 0, tzinfo=UTC)


class ArchiveTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.climate = make_blog(name="Climate Desk", slug="climate")
        cls.politics = make_blog(name="Politics Live", slug="politics")
        cls.march = [
            make_post(blog=cls.climate, headline=f"March story {n}", published_at=moment(2024, 3))
            for n in range(3)
        ]
        cls.april = make_post(
            blog=cls.climate, headline="April story", published_at=moment(2024, 4)
        )
        cls.old = make_post(blog=cls.politics, headline="Old vote", published_at=moment(2023, 11))
        cls.draft = make_post(
            blog=cls.climate,
            headline="March draft",
            status=Post.Status.DRAFT,
            published_at=moment(2024, 3),
        )
        cls.embargoed = make_post(
            blog=cls.climate,
            headline="Future story",
            published_at=timezone.now() + timedelta(days=1),
        )

    def test_site_archive_lists_years_and_months_with_counts_of_public_posts(self):
        response = self.client.get("/archive/")
        years = response.context["years"]
        self.assertEqual([(year["year"], year["count"]) for year in years], [(2024, 4), (2023, 1)])
        self.assertEqual(
            [(row["month"].month, row["count"]) for row in years[0]["months"]], [(4, 1), (3, 3)]
        )
        self.assertContains(
            response,
            '<a href="/archive/2024/3/">March</a> <span class="muted">(3)</span>',
            html=True,
        )
        self.assertContains(response, '<a href="/archive/2023/">2023</a>', html=True)

    def test_month_page_lists_that_months_public_posts(self):
        response = self.client.get("/archive/2024/3/")
        self.assertEqual(
            sorted(card_headlines(response)), ["March story 0", "March story 1", "March story 2"]
        )
        self.assertContains(response, "<h1>March 2024</h1>", html=True)

    def test_year_page_lists_that_years_posts(self):
        response = self.client.get("/archive/2024/")
        self.assertEqual(len(card_headlines(response)), 4)
        self.assertNotContains(response, "Old vote")

    def test_blog_archive_holds_only_that_blogs_posts(self):
        response = self.client.get("/blogs/politics/archive/")
        self.assertEqual([year["year"] for year in response.context["years"]], [2023])
        self.assertContains(response, 'href="/blogs/politics/archive/2023/11/"')
        month = self.client.get("/blogs/climate/archive/2023/11/")
        self.assertEqual(month.status_code, 404)
        self.assertContains(self.client.get("/blogs/politics/archive/2023/11/"), "Old vote")

    def test_blog_pages_link_their_archive_in_the_sidebar(self):
        response = self.client.get("/blogs/climate/")
        self.assertContains(
            response, '<a href="/blogs/climate/archive/2024/3/">March 2024</a>', html=True
        )
        self.assertContains(response, 'href="/blogs/climate/archive/"')

    def test_every_page_links_the_archive_in_the_footer(self):
        for url in ["/", "/blogs/climate/", self.april.get_absolute_url(), "/archive/2024/3/"]:
            with self.subTest(url=url):
                self.assertContains(
                    self.client.get(url), '<a href="/archive/">Archive</a>', html=True
                )

    def test_empty_or_impossible_months_are_not_found(self):
        for url in [
            "/archive/2024/13/",
            "/archive/2024/0/",
            "/archive/0/",
            "/archive/2024/01/",
            "/archive/02024/",
            "/blogs/nope/archive/2024/007/",
            "/archive/99999/1/",
            "/archive/2022/1/",
            "/blogs/nope/archive/",
        ]:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 404)

    def test_archive_is_not_a_post_slug(self):
        post = Post(blog=self.climate, headline="Archive", slug="archive", body="x")
        with self.assertRaises(ValidationError) as raised:
            post.full_clean()
        self.assertIn("slug", raised.exception.message_dict)

    def test_months_follow_the_site_time_zone(self):
        make_post(
            blog=self.politics,
            headline="New Year",
            published_at=moment(2022, 12, 31).replace(hour=23, minute=30),
        )
        with self.settings(TIME_ZONE="Asia/Tokyo"):
            response = self.client.get("/archive/2023/1/")
        self.assertContains(response, "New Year")
