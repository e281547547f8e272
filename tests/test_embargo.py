from datetime import timedelta
from unittest import mock

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from blog.models import Post

from .builders import change_form, make_author, make_blog, make_post, make_user


class EmbargoTests(TestCase):
    """A scheduled post is on no public output until its time, and on all of them after."""

    @classmethod
    def setUpTestData(cls):
        cls.blog = make_blog()
        cls.author = make_author()
        cls.live = make_post(blog=cls.blog, headline="Yesterday's news", authors=[cls.author])
        cls.scheduled = make_post(
            blog=cls.blog,
            headline="Embargoed scoop",
            slug="embargoed-scoop",
            authors=[cls.author],
            tags=["Floods"],
            is_breaking=True,
            published_at=timezone.now() + timedelta(hours=2),
        )

    def public_outputs(self):
        """Every public page on the site: lists, tag, author, posts, banner, Latest Posts."""
        return [
            "/",
            "/?page=1",
            self.blog.get_absolute_url(),
            "/tags/floods/",
            self.author.get_absolute_url(),
            self.live.get_absolute_url(),
        ]

    def assert_nowhere(self):
        for path in self.public_outputs():
            with self.subTest(path=path):
                response = self.client.get(path)
                self.assertEqual(response.status_code, 200)
                self.assertNotContains(response, "Embargoed scoop")
                self.assertNotContains(response, "embargoed-scoop")
        self.assertEqual(self.client.get(self.scheduled.get_absolute_url()).status_code, 404)

    def test_scheduled_post_is_on_no_public_output_until_its_time(self):
        self.assert_nowhere()
        just_before = self.scheduled.published_at - timedelta(seconds=1)
        with mock.patch("django.utils.timezone.now", return_value=just_before):
            self.assert_nowhere()

    def test_scheduled_post_is_on_every_public_output_at_its_time(self):
        with mock.patch("django.utils.timezone.now", return_value=self.scheduled.published_at):
            for path in self.public_outputs():
                with self.subTest(path=path):
                    self.assertContains(self.client.get(path), "Embargoed scoop")
            post_page = self.client.get(self.scheduled.get_absolute_url())
            self.assertContains(post_page, "<h1>Embargoed scoop</h1>", html=True)
            self.assertNotContains(post_page, "Preview")

    def test_post_is_taken_down_by_itself_at_unpublish_time(self):
        Post.objects.filter(pk=self.live.pk).update(
            unpublish_at=timezone.now() + timedelta(minutes=5)
        )
        self.live.refresh_from_db()
        self.assertContains(self.client.get("/"), "Yesterday’s news")
        with mock.patch("django.utils.timezone.now", return_value=self.live.unpublish_at):
            self.assertFalse(self.live.is_published)
            self.assertTrue(self.live.is_taken_down)
            for path in ["/", self.blog.get_absolute_url(), self.author.get_absolute_url()]:
                self.assertNotContains(self.client.get(path), "Yesterday&#x27;s news")
            self.assertEqual(self.client.get(self.live.get_absolute_url()).status_code, 404)

    def test_published_queryset_and_instance_rule_agree_with_unpublish_times(self):
        now = timezone.now()
        make_post(blog=self.blog, unpublish_at=now - timedelta(minutes=1))
        make_post(blog=self.blog, unpublish_at=now + timedelta(minutes=1))
        published_ids = set(Post.objects.published().values_list("pk", flat=True))
        for post in Post.objects.all():
            self.assertEqual(post.is_published, post.pk in published_ids, post.headline)

    def test_unpublish_time_must_follow_the_publication_time(self):
        post = Post(
            blog=self.blog,
            headline="x",
            slug="x",
            body="x",
            status=Post.Status.PUBLISHED,
            published_at=timezone.now(),
            unpublish_at=timezone.now() - timedelta(hours=1),
        )
        with self.assertRaises(ValidationError) as raised:
            post.full_clean()
        self.assertIn("unpublish_at", raised.exception.message_dict)
        with self.assertRaises(IntegrityError):
            post.save()

    def test_scheduling_in_the_admin_says_when_the_post_goes_live(self):
        self.client.force_login(make_user("editor", "Editors"))
        draft = make_post(blog=self.blog, status=Post.Status.DRAFT, published_at=None)
        data = change_form(draft, status=Post.Status.PUBLISHED)
        when = timezone.localtime(timezone.now() + timedelta(minutes=2)).replace(microsecond=0)
        data["published_at_0"], data["published_at_1"] = f"{when:%Y-%m-%d}", f"{when:%H:%M:%S}"
        url = reverse("admin:blog_post_change", args=[draft.pk])
        response = self.client.post(url, data, follow=True)
        self.assertContains(
            response, f"Scheduled: readers see this post from {when:%-d %b %Y, %H:%M} UTC"
        )
        draft.refresh_from_db()
        self.assertEqual(draft.published_at, when)

    def test_admin_list_shows_scheduled_posts_as_scheduled(self):
        self.client.force_login(make_user("editor", "Editors"))
        url = reverse("admin:blog_post_changelist")
        response = self.client.get(url, {"state": "scheduled"})
        self.assertContains(response, "Embargoed scoop")
        self.assertContains(
            response,
            '<td class="field-state">Scheduled <span class="breaking-flag">Breaking</span></td>',
            html=True,
        )
        self.assertNotContains(response, "Yesterday&#x27;s news")
        live = self.client.get(url, {"state": "live"})
        self.assertContains(live, "Yesterday&#x27;s news")
        self.assertNotContains(live, "Embargoed scoop")
        Post.objects.filter(pk=self.live.pk).update(unpublish_at=timezone.now())
        taken_down = self.client.get(url, {"state": "taken_down"})
        self.assertContains(taken_down, '<td class="field-state">Taken down</td>', html=True)
