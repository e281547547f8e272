from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from blog.models import Post

from .builders import change_form, make_author, make_blog, make_post, make_user
from .test_admin import post_form


def change_url(post):
    return reverse("admin:blog_post_change", args=[post.pk])


class AuthorRoleTests(TestCase):
    """Authors write and submit their own posts; nothing else, whatever they send."""

    @classmethod
    def setUpTestData(cls):
        cls.blog = make_blog()
        cls.writer = make_user("writer", "Authors", name="Wendy Writer", slug="wendy")
        cls.other = make_user("other", "Authors", name="Oscar Other", slug="oscar")
        wendy, oscar = cls.writer.author_profile, cls.other.author_profile
        draft = {"status": Post.Status.DRAFT, "published_at": None}
        cls.own_draft = make_post(blog=cls.blog, headline="Wendy's draft", authors=[wendy], **draft)
        cls.shared_draft = make_post(
            blog=cls.blog, headline="Shared draft", authors=[oscar, wendy], **draft
        )
        cls.others_draft = make_post(
            blog=cls.blog, headline="Oscar's draft", authors=[oscar], **draft
        )
        cls.own_published = make_post(blog=cls.blog, headline="Wendy's live story", authors=[wendy])

    def setUp(self):
        self.client.force_login(self.writer)

    def test_author_sees_only_posts_with_their_name_in_the_byline(self):
        response = self.client.get(reverse("admin:blog_post_changelist"))
        self.assertContains(response, "Wendy&#x27;s draft")
        self.assertContains(response, "Shared draft")
        self.assertNotContains(response, "Oscar&#x27;s draft")

    def test_author_cannot_open_or_change_another_authors_post(self):
        self.assertEqual(self.client.get(change_url(self.others_draft)).status_code, 302)
        self.client.post(
            change_url(self.others_draft), change_form(self.others_draft, headline="Hijacked")
        )
        self.others_draft.refresh_from_db()
        self.assertEqual(self.others_draft.headline, "Oscar's draft")

    def test_author_edits_and_submits_their_post_for_review(self):
        data = change_form(self.own_draft, headline="Ready now", status="submitted")
        response = self.client.post(change_url(self.own_draft), data)
        self.assertEqual(response.status_code, 302)
        self.own_draft.refresh_from_db()
        self.assertEqual(self.own_draft.headline, "Ready now")
        self.assertEqual(self.own_draft.status, Post.Status.SUBMITTED)

    def test_author_cannot_publish_with_a_hand_made_post(self):
        response = self.client.post(
            change_url(self.own_draft), change_form(self.own_draft, status="published")
        )
        self.assertContains(response, "Select a valid choice")
        self.own_draft.refresh_from_db()
        self.assertEqual(self.own_draft.status, Post.Status.DRAFT)
        data = post_form(self.blog, self.writer.author_profile, slug="sneaky")
        self.client.post(reverse("admin:blog_post_add"), data)
        self.assertFalse(Post.objects.filter(slug="sneaky").exists())

    def test_author_cannot_schedule_or_flag_breaking_with_a_hand_made_post(self):
        data = change_form(
            self.own_draft,
            status="submitted",
            is_breaking="on",
            published_at_0="2030-01-01",
            published_at_1="09:00:00",
            unpublish_at_0="2030-01-02",
            unpublish_at_1="09:00:00",
        )
        self.assertEqual(self.client.post(change_url(self.own_draft), data).status_code, 302)
        self.own_draft.refresh_from_db()
        self.assertEqual(self.own_draft.status, Post.Status.SUBMITTED)
        self.assertFalse(self.own_draft.is_breaking)
        self.assertIsNone(self.own_draft.published_at)
        self.assertIsNone(self.own_draft.unpublish_at)

    def test_the_form_shows_authors_only_what_they_may_do(self):
        content = self.client.get(change_url(self.own_draft)).content.decode()
        self.assertIn('value="submitted"', content)
        self.assertNotIn('value="published"', content)
        for field in ["is_breaking", "published_at_0", "unpublish_at_0", "breaking_until_0"]:
            self.assertNotIn(f'name="{field}"', content)

    def test_author_cannot_change_a_post_once_it_is_published(self):
        url = change_url(self.own_published)
        self.assertNotContains(self.client.get(url), 'name="headline"')
        response = self.client.post(url, change_form(self.own_published, headline="Changed"))
        self.assertEqual(response.status_code, 403)
        self.own_published.refresh_from_db()
        self.assertEqual(self.own_published.headline, "Wendy's live story")

    def test_author_has_no_publishing_actions_even_by_hand(self):
        changelist = reverse("admin:blog_post_changelist")
        self.assertNotContains(self.client.get(changelist), "Publish now")
        for action in ["publish_now", "flag_breaking", "delete_selected"]:
            self.client.post(
                changelist, {"action": action, "_selected_action": [self.own_draft.pk]}
            )
        self.own_draft.refresh_from_db()
        self.assertEqual(self.own_draft.status, Post.Status.DRAFT)
        self.assertFalse(self.own_draft.is_breaking)

    def test_the_form_tells_authors_that_an_editor_publishes(self):
        response = self.client.get(change_url(self.own_draft))
        self.assertContains(response, "an editor then chooses when it is published")
        self.assertNotContains(response, "the newsroom’s time zone")

    def test_author_is_not_offered_the_recover_deleted_posts_page_they_may_not_open(self):
        response = self.client.get(reverse("admin:blog_post_changelist"))
        self.assertNotContains(response, "Recover deleted posts")
        self.assertEqual(self.client.get(reverse("admin:blog_post_recoverlist")).status_code, 403)

    def test_author_cannot_delete_a_post(self):
        url = reverse("admin:blog_post_delete", args=[self.own_draft.pk])
        self.assertEqual(self.client.post(url, {"post": "yes"}).status_code, 403)
        self.assertTrue(Post.objects.filter(pk=self.own_draft.pk).exists())

    def test_an_authors_new_post_carries_their_name(self):
        data = post_form(self.blog, self.other.author_profile, status="draft", slug="for-oscar")
        self.assertEqual(self.client.post(reverse("admin:blog_post_add"), data).status_code, 302)
        post = Post.objects.get(slug="for-oscar")
        self.assertEqual(post.byline, "Oscar Other and Wendy Writer")
        self.assertIsNone(post.published_at)

    def test_an_authors_new_post_form_opens_with_their_name_in_the_byline(self):
        response = self.client.get(reverse("admin:blog_post_add"))
        byline = response.context["inline_admin_formsets"][0].formset
        self.assertEqual(byline.forms[0].initial["author"], self.writer.author_profile.pk)
        self.assertContains(
            response,
            f'<option value="{self.writer.author_profile.pk}" selected>Wendy Writer</option>',
            html=True,
        )

    def test_author_previews_their_own_draft_but_not_anyone_elses(self):
        own = self.client.get(self.own_draft.get_absolute_url())
        self.assertContains(own, "Preview, not public")
        self.assertEqual(self.client.get(self.others_draft.get_absolute_url()).status_code, 404)


class EditorRoleTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor", "Editors")
        author = make_author()
        cls.submitted = make_post(
            headline="Waiting for review",
            status=Post.Status.SUBMITTED,
            published_at=None,
            authors=[author],
        )
        cls.draft = make_post(headline="Still a draft", status=Post.Status.DRAFT, published_at=None)

    def setUp(self):
        self.client.force_login(self.editor)

    def test_review_queue_lists_submitted_posts(self):
        response = self.client.get(reverse("admin:blog_post_changelist"), {"state": "submitted"})
        self.assertContains(response, "Waiting for review")
        self.assertNotContains(response, "Still a draft")
        self.assertContains(response, "Submitted for review")

    def test_editor_publishes_and_flags_a_submitted_post(self):
        data = change_form(self.submitted, status="published", is_breaking="on")
        self.client.post(change_url(self.submitted), data)
        self.submitted.refresh_from_db()
        self.assertTrue(self.submitted.is_published)
        self.assertTrue(self.submitted.is_breaking)
        self.assertLessEqual(self.submitted.published_at, timezone.now())

    def test_editor_edits_any_post(self):
        data = change_form(self.draft, headline="Edited by the desk")
        self.assertEqual(self.client.post(change_url(self.draft), data).status_code, 302)
        self.draft.refresh_from_db()
        self.assertEqual(self.draft.headline, "Edited by the desk")

    def test_the_form_tells_editors_the_time_zone_of_publication_times(self):
        response = self.client.get(change_url(self.draft))
        self.assertContains(response, "Times are in UTC, the newsroom’s time zone.")

    def test_editor_is_offered_the_recover_deleted_posts_page(self):
        response = self.client.get(reverse("admin:blog_post_changelist"))
        self.assertContains(response, "Recover deleted posts")
        self.assertEqual(self.client.get(reverse("admin:blog_post_recoverlist")).status_code, 200)
