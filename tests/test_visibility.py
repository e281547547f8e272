from datetime import timedelta
from unittest import mock

from django.contrib.auth.models import Permission, User
from django.test import TestCase
from django.utils import timezone

from blog.models import Post

from .builders import make_blog, make_post


class ReaderVisibilityTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.blog = make_blog()
        cls.published = make_post(blog=cls.blog, headline="Live story")
        cls.draft = make_post(
            blog=cls.blog, headline="Secret draft", status=Post.Status.DRAFT, published_at=None
        )
        cls.scheduled = make_post(
            blog=cls.blog,
            headline="Embargoed story",
            published_at=timezone.now() + timedelta(hours=2),
        )

    def test_published_post_is_shown_to_readers(self):
        response = self.client.get(self.published.get_absolute_url())
        self.assertContains(response, "Live story")

    def test_draft_is_hidden_from_readers(self):
        self.assertEqual(self.client.get(self.draft.get_absolute_url()).status_code, 404)
        self.assertNotContains(self.client.get("/"), "Secret draft")
        self.assertNotContains(self.client.get(self.blog.get_absolute_url()), "Secret draft")

    def test_scheduled_post_is_hidden_until_its_publication_time(self):
        self.assertEqual(self.client.get(self.scheduled.get_absolute_url()).status_code, 404)
        self.assertNotContains(self.client.get("/"), "Embargoed story")

    def test_scheduled_post_goes_live_at_its_publication_time_without_a_save(self):
        at_publication = self.scheduled.published_at
        with mock.patch("django.utils.timezone.now", return_value=at_publication):
            self.assertContains(self.client.get("/"), "Embargoed story")
            self.assertEqual(self.client.get(self.scheduled.get_absolute_url()).status_code, 200)
        just_before = at_publication - timedelta(seconds=1)
        with mock.patch("django.utils.timezone.now", return_value=just_before):
            self.assertNotContains(self.client.get("/"), "Embargoed story")

    def test_published_queryset_and_instance_rule_agree(self):
        published_ids = set(Post.objects.published().values_list("pk", flat=True))
        for post in Post.objects.all():
            self.assertEqual(post.is_published, post.pk in published_ids, post.headline)

    def test_publishing_without_a_time_sets_it_to_now(self):
        post = make_post(blog=self.blog, published_at=None)
        self.assertIsNotNone(post.published_at)
        self.assertTrue(post.is_published)


class StaffPreviewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.draft = make_post(headline="Secret draft", status=Post.Status.DRAFT, published_at=None)
        cls.editor = User.objects.create_user("editor", is_staff=True)
        cls.editor.user_permissions.add(
            *Permission.objects.filter(codename__in=["change_post", "publish_post"])
        )
        cls.viewer = User.objects.create_user("viewer", is_staff=True)

    def test_editor_previews_a_draft_with_a_notice_noindex_and_no_caching(self):
        self.client.force_login(self.editor)
        response = self.client.get(self.draft.get_absolute_url())
        self.assertContains(response, "Secret draft")
        self.assertContains(response, "Preview, not public")
        self.assertContains(response, '<meta name="robots" content="noindex, nofollow">')
        self.assertEqual(response["X-Robots-Tag"], "noindex, nofollow")
        self.assertIn("no-cache", response["Cache-Control"])
        self.assertIn("private", response["Cache-Control"])

    def test_staff_without_change_permission_gets_404_for_a_draft(self):
        self.client.force_login(self.viewer)
        self.assertEqual(self.client.get(self.draft.get_absolute_url()).status_code, 404)

    def test_editor_sees_no_preview_notice_on_a_live_post(self):
        live = make_post(headline="Live one")
        self.client.force_login(self.editor)
        self.assertNotContains(self.client.get(live.get_absolute_url()), "Preview, not public")
