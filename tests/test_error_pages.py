from django.db import OperationalError
from django.test import Client, RequestFactory, TestCase, override_settings

from blog.models import PostRedirect
from ops.errors import server_error

from .builders import make_blog, make_post
from .pages import page_head
from .test_health import database_down


class NotFoundPageTests(TestCase):
    """Pages that say an address has nothing (404, 410) look like every other page."""

    @classmethod
    def setUpTestData(cls):
        cls.blog = make_blog(name="Climate Desk")
        make_post(blog=cls.blog, headline="Storm warning", is_breaking=True)
        PostRedirect.remember(cls.blog.slug, "deleted-story", None)

    def test_not_found_and_gone_pages_have_the_layout_of_every_page(self):
        for path, status in [
            ("/no/such/page/", 404),
            (f"/blogs/{self.blog.slug}/no-such-post/", 404),
            (f"/blogs/{self.blog.slug}/deleted-story/", 410),
            ("/preview/no-such-token/", 404),
        ]:
            with self.subTest(path=path):
                response = self.client.get(path)
                self.assertEqual(response.status_code, status)
                content = response.content.decode()
                self.assertIn('<html lang="en-gb">', content)
                self.assertIn('<a href="#main">Skip to main content</a>', content)
                self.assertIn('<a href="#site-nav">Skip to navigation</a>', content)
                self.assertIn(">Climate Desk</a>", content)  # the navigation
                self.assertIn("Breaking News", content)
                self.assertIn("Storm warning", content)
                self.assertIn('<footer class="site-footer">', content)
                self.assertEqual(content.count("<h1"), 1)

    def test_not_found_page_is_not_indexed_and_names_no_canonical_address(self):
        head = page_head(self.client.get("/no/such/page/"))
        self.assertEqual(head.title, "Page not found – Newsroom")
        self.assertEqual(head.meta["robots"], ["noindex"])
        self.assertEqual(head.links["canonical"], [])

    def test_not_found_page_runs_the_queries_of_the_banner_its_live_badge_and_navigation(self):
        with self.assertNumQueries(3):
            response = self.client.get("/no/such/page/")
        self.assertContains(response, "Page not found", status_code=404)

    def test_not_found_page_while_the_database_is_down_is_the_plain_503_page(self):
        client = Client(raise_request_exception=False)
        with database_down(), self.assertLogs("django.request", "ERROR"):
            response = client.get("/no/such/page/")
        self.assertContains(response, "Temporarily unavailable", status_code=503)

    @override_settings(LANGUAGE_CODE="cy")
    def test_not_found_page_is_in_the_site_language(self):
        self.assertContains(self.client.get("/nope/"), '<html lang="cy">', status_code=404)


class ServerErrorPageTests(TestCase):
    """The 500 and 503 pages mirror the layout but read nothing from the database."""

    def render(self, exception):
        request = RequestFactory().get("/")
        try:
            raise exception
        except type(exception):
            with self.assertNumQueries(0):
                return server_error(request)

    @override_settings(NEWSROOM_SITE_NAME="Kestrel Gazette", LANGUAGE_CODE="en-gb")
    def test_error_pages_have_site_name_skip_link_language_and_style(self):
        for exception, status, heading in [
            (ValueError("bug"), 500, "Something went wrong"),
            (OperationalError("down"), 503, "Temporarily unavailable"),
        ]:
            with self.subTest(status=status):
                response = self.render(exception)
                self.assertEqual(response.status_code, status)
                content = response.content.decode()
                self.assertIn('<html lang="en-gb">', content)
                self.assertIn('<a href="#main">Skip to main content</a>', content)
                self.assertIn('<main id="main" tabindex="-1">', content)
                self.assertIn('<a class="site-name" href="/">Kestrel Gazette</a>', content)
                self.assertIn(f"<h1>{heading}</h1>", content)
                self.assertIn("css/site.css", content)
                self.assertIn('<footer class="site-footer">', content)
                # No navigation: it comes from the database.
                self.assertNotIn("site-nav", content)

    @override_settings(LANGUAGE_CODE="cy")
    def test_error_page_is_in_the_site_language(self):
        self.assertContains(self.render(ValueError("bug")), '<html lang="cy">', status_code=500)


@override_settings(NEWSROOM_SITE_NAME="Harbour News")
class BadRequestPageTests(TestCase):
    def test_a_rejected_host_gets_the_sites_own_name(self):
        with self.assertLogs("django.security", "WARNING"):
            response = Client().get("/", headers={"host": "evil.example"})
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Harbour News", status_code=400)
        self.assertNotContains(response, "Newsroom", status_code=400)
