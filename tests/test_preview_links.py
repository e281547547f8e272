from datetime import timedelta
from unittest import mock

from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone

from blog.models import Post, PreviewLink

from .builders import make_author, make_post, make_user


class PreviewLinkTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor", "Editors")
        cls.scheduled = make_post(
            headline="Budget leak",
            body="The **numbers** are in.",
            authors=[make_author(name="Dana Reporter")],
            tags=["Budget"],
            published_at=timezone.now() + timedelta(days=1),
        )

    def setUp(self):
        self.client.force_login(self.editor)
        self.admin_url = reverse("admin:blog_post_preview_links", args=[self.scheduled.pk])
        self.reader = Client()

    def make_link(self):
        self.assertEqual(self.client.post(self.admin_url).status_code, 302)
        return PreviewLink.objects.get()

    def test_editor_makes_a_link_from_the_posts_admin_page(self):
        change_page = self.client.get(reverse("admin:blog_post_change", args=[self.scheduled.pk]))
        self.assertContains(change_page, self.admin_url)
        link = self.make_link()
        self.assertEqual(link.created_by, self.editor)
        self.assertAlmostEqual(
            link.expires_at, timezone.now() + timedelta(hours=48), delta=timedelta(minutes=1)
        )
        self.assertGreaterEqual(len(link.token), 40)
        listing = self.client.get(self.admin_url)
        self.assertContains(listing, f"http://testserver/preview/{link.token}/")
        self.assertContains(listing, "Works")

    def test_link_shows_the_post_as_it_will_appear_without_login_noindex_and_never_cached(self):
        link = self.make_link()
        self.assertEqual(self.reader.get(self.scheduled.get_absolute_url()).status_code, 404)
        response = self.reader.get(link.get_absolute_url())
        self.assertContains(response, "<h1>Budget leak</h1>", html=True)
        self.assertContains(response, "<strong>numbers</strong>", html=True)
        self.assertContains(response, "— Dana Reporter")
        self.assertContains(response, "Preview, not public.")
        self.assertContains(response, "it goes live")
        self.assertContains(response, '<meta name="robots" content="noindex, nofollow">')
        self.assertEqual(response["X-Robots-Tag"], "noindex, nofollow")
        for directive in ["no-cache", "no-store", "private"]:
            self.assertIn(directive, response["Cache-Control"])

    def test_a_revoked_link_stops_working_with_a_clear_page(self):
        link = self.make_link()
        self.client.post(self.admin_url, {"revoke": link.pk})
        link.refresh_from_db()
        self.assertIsNotNone(link.revoked_at)
        response = self.reader.get(link.get_absolute_url())
        self.assertContains(response, "revoked this preview link", status_code=410)
        self.assertNotContains(response, "Budget leak", status_code=410)
        self.assertEqual(response["X-Robots-Tag"], "noindex, nofollow")

    def test_revoking_a_link_that_is_not_there_says_so_and_changes_nothing(self):
        link = self.make_link()
        for revoke in ["abc", "", "1.5", "-1", str(2**70), str(link.pk + 1)]:
            with self.subTest(revoke=revoke):
                response = self.client.post(self.admin_url, {"revoke": revoke}, follow=True)
                self.assertRedirects(response, self.admin_url)
                self.assertContains(
                    response, "This preview link does not exist or was revoked already."
                )
        link.refresh_from_db()
        self.assertIsNone(link.revoked_at)

    def test_an_expired_link_stops_working(self):
        link = self.make_link()
        with mock.patch("django.utils.timezone.now", return_value=link.expires_at):
            response = self.reader.get(link.get_absolute_url())
        self.assertContains(response, "This preview link expired", status_code=410)

    def test_an_unknown_token_is_404(self):
        response = self.reader.get(reverse("blog:post_preview", args=["not-a-real-token"]))
        self.assertContains(response, "There is no preview at this address", status_code=404)

    def test_authors_cannot_make_preview_links(self):
        writer = make_user("writer", "Authors", name="Wendy")
        own = make_post(
            authors=[writer.author_profile], status=Post.Status.DRAFT, published_at=None
        )
        self.client.force_login(writer)
        url = reverse("admin:blog_post_preview_links", args=[own.pk])
        self.assertEqual(self.client.post(url).status_code, 403)
        self.assertFalse(PreviewLink.objects.exists())
