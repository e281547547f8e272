import re

from django.contrib.auth.models import User
from django.test import Client, TestCase, override_settings
from django.urls import reverse

from .builders import make_author, make_post

# JSON-LD blocks are data that browsers never run, so CSP does not need to allow them.
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/ld\+json\")[^>]*>", re.IGNORECASE
)
INLINE_STYLE = re.compile(r"<style|\sstyle=\"", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"\son[a-z]+=\"", re.IGNORECASE)


class SecurityHeaderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.post = make_post(authors=[make_author()], tags=["Weather"])

    def test_every_reader_page_carries_the_security_headers(self):
        for path in ["/", self.post.get_absolute_url(), "/tags/weather/", "/missing/"]:
            response = self.client.get(path, secure=True)
            csp = response["Content-Security-Policy"]
            self.assertIn("default-src 'none'", csp)
            self.assertIn("script-src 'self'", csp)
            self.assertIn("frame-ancestors 'none'", csp)
            self.assertNotIn("unsafe-inline", csp)
            self.assertIn("camera=()", response["Permissions-Policy"])
            self.assertEqual(response["X-Content-Type-Options"], "nosniff")
            self.assertEqual(response["Referrer-Policy"], "strict-origin-when-cross-origin")
            self.assertEqual(response["X-Frame-Options"], "DENY")
            self.assertIn("max-age=31536000", response["Strict-Transport-Security"])

    def test_reader_pages_need_no_inline_script_or_style(self):
        for path in ["/", self.post.get_absolute_url()]:
            html = self.client.get(path).content.decode()
            self.assertIsNone(INLINE_SCRIPT.search(html), path)
            self.assertIsNone(INLINE_STYLE.search(html), path)
            self.assertIsNone(EVENT_HANDLER.search(html), path)


class AdminUnderStrictPolicyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = User.objects.create_superuser("boss")
        cls.post = make_post(authors=[make_author()], tags=["Weather"])

    def test_admin_pages_need_no_inline_script_style_or_handlers(self):
        self.client.force_login(self.admin)
        pages = [
            reverse("admin:index"),
            reverse("admin:blog_post_changelist"),
            reverse("admin:blog_post_add"),
            reverse("admin:blog_post_change", args=[self.post.pk]),
            reverse("admin:blog_author_add"),
            reverse("admin:taggit_tag_changelist"),
        ]
        for path in pages:
            response = self.client.get(path)
            self.assertEqual(response.status_code, 200, path)
            html = response.content.decode()
            self.assertIsNone(INLINE_SCRIPT.search(html), path)
            self.assertIsNone(INLINE_STYLE.search(html), path)
            self.assertIsNone(EVENT_HANDLER.search(html), path)
            self.assertIn("Content-Security-Policy", response)


class LoginThrottleTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        User.objects.create_superuser("boss", password="right-password-123")

    @override_settings(AXES_FAILURE_LIMIT=3)
    def test_admin_login_is_locked_after_repeated_failures(self):
        url = reverse("admin:login")
        for _ in range(2):
            response = self.client.post(url, {"username": "boss", "password": "wrong"})
            self.assertEqual(response.status_code, 200)
        with self.assertLogs("axes", "WARNING"):
            response = self.client.post(url, {"username": "boss", "password": "wrong"})
        self.assertEqual(response.status_code, 429)
        response = self.client.post(url, {"username": "boss", "password": "right-password-123"})
        self.assertEqual(response.status_code, 429)

    @override_settings(AXES_FAILURE_LIMIT=1)
    def test_the_lock_page_says_when_to_try_again_in_the_look_of_the_site(self):
        with self.assertLogs("axes", "WARNING"):
            response = self.client.post(
                reverse("admin:login"), {"username": "boss", "password": "wrong"}
            )
        self.assertEqual(response.status_code, 429)
        self.assertEqual(response["Retry-After"], "900")  # NEWSROOM_LOGIN_COOLOFF_MINUTES
        self.assertIn("no-store", response["Cache-Control"])
        for html in [
            '<html lang="en-gb">',
            'href="#main">Skip to main content</a>',
            "css/site.css",
            "<h1>Too many failed logins</h1>",
            "15 minutes",
        ]:
            self.assertContains(response, html, status_code=429)

    def test_an_unsafe_next_address_after_login_falls_back_to_the_admin_index(self):
        response = self.client.post(
            reverse("admin:login") + "?next=https://evil.example/",
            {"username": "boss", "password": "right-password-123"},
        )
        self.assertRedirects(response, reverse("admin:index"))


class HostileInputTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.post = make_post()

    def setUp(self):
        self.client = Client(raise_request_exception=False)

    def test_hostile_requests_get_a_4xx_never_a_500(self):
        requests = [
            ("/?page=abc", {}),
            ("/?page=99999999999999999999", {}),
            ("/?page=-1", {}),
            ("/blogs/%00/", {}),
            ("/blogs/x/%2e%2e%2f%2e%2e%2fetc%2fpasswd/", {}),
            ("/tags/" + "a" * 5000 + "/", {}),
            ("/authors/<script>/", {}),
            ("/", {"headers": {"host": "evil.example.com"}}),
            ("/", {"headers": {"host": "localhost:99999999"}}),
            (self.post.get_absolute_url() + "?" + "x=1&" * 2000, {}),
        ]
        for path, extra in requests:
            response = self.client.get(path, **extra)
            self.assertGreaterEqual(response.status_code, 200, path[:80])
            self.assertLess(response.status_code, 500, path[:80])

    def test_hostile_form_posts_get_a_4xx(self):
        csrf_client = Client(enforce_csrf_checks=True, raise_request_exception=False)
        response = csrf_client.post(reverse("admin:login"), {"username": "x" * 10000})
        self.assertEqual(response.status_code, 403)
        self.assertEqual(self.client.post("/", {"a": "b"}).status_code, 405)
