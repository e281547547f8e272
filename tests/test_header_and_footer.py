from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.test import TestCase
from django.utils import timezone

from .builders import make_author, make_blog, make_post


class HeaderAndFooterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.climate = make_blog(name="Climate Desk")
        cls.politics = make_blog(name="Politics Live")
        cls.author = make_author()
        cls.post = make_post(blog=cls.climate, authors=[cls.author], tags=["Floods"])

    def pages(self):
        return [
            "/",
            self.climate.get_absolute_url(),
            self.post.get_absolute_url(),
            "/tags/floods/",
            self.author.get_absolute_url(),
            "/archive/",
            "/search/?q=floods",
        ]

    def test_every_page_links_a_favicon_and_shows_the_site_mark_beside_the_name(self):
        for path in self.pages():
            with self.subTest(path=path):
                response = self.client.get(path)
                self.assertContains(response, f'<link rel="icon" href="{static("favicon.ico")}"')
                self.assertContains(
                    response,
                    f'<link rel="icon" href="{static("img/logo.svg")}" type="image/svg+xml">',
                )
                self.assertContains(
                    response, f'<img class="site-mark" src="{static("img/logo.svg")}"'
                )
        self.assertIsNotNone(finders.find("favicon.ico"))
        self.assertIsNotNone(finders.find("img/logo.svg"))

    def test_favicon_ico_at_the_root_redirects_to_the_static_icon(self):
        response = self.client.get("/favicon.ico")
        self.assertRedirects(response, static("favicon.ico"), fetch_redirect_response=False)

    def test_footer_links_every_blog_the_archive_search_feeds_and_sitemap(self):
        for path in self.pages():
            with self.subTest(path=path):
                footer = (
                    self.client.get(path).content.decode().split('<footer class="site-footer">')[1]
                )
                for href in [
                    self.climate.get_absolute_url(),
                    self.politics.get_absolute_url(),
                    "/archive/",
                    "/search/",
                    "/feeds/rss/",
                    "/feeds/atom/",
                    "/sitemap.xml",
                ]:
                    self.assertIn(f'href="{href}"', footer)
                self.assertIn(f"© {timezone.now():%Y} Newsroom", footer)
