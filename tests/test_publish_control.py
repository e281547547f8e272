"""The post form's one publish control (issue 18, items 7 and 12): Save draft, Publish now
and Schedule… for editors, Save draft and Submit for review for authors, Update once a post
is published; each says what it did for readers."""

from datetime import timedelta

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from blog.models import Post

from .builders import change_form, make_blog, make_post, make_user
from .test_admin import post_form

ADD_URL = reverse("admin:blog_post_add")
LIST_URL = reverse("admin:blog_post_changelist")


def change_url(post):
    return reverse("admin:blog_post_change", args=[post.pk])


def said(response):
    return [str(message) for message in response.context["messages"]]


class PublishControlTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor", "Editors", name="Ed Itor", slug="ed")
        cls.writer = make_user("writer", "Authors", name="Wendy Writer", slug="wendy")
        cls.blog = make_blog()

    def form(self, user, **overrides):
        return post_form(self.blog, user.author_profile, **{"status": "draft", **overrides})

    def test_schedule_publishes_at_the_time_typed_and_says_so(self):
        self.client.force_login(self.editor)
        at = timezone.localtime() + timedelta(days=2)
        data = self.form(
            self.editor,
            _schedule="schedule",
            published_at_0=at.strftime("%Y-%m-%d"),
            published_at_1=at.strftime("%H:%M:%S"),
        )
        response = self.client.post(ADD_URL, data, follow=True)
        self.assertRedirects(response, LIST_URL)
        post = Post.objects.get()
        self.assertTrue(post.is_scheduled)
        self.assertEqual(post.published_at.replace(microsecond=0), at.replace(microsecond=0))
        self.assertTrue(said(response)[0].startswith("Scheduled: readers see this post from"))
        self.assertNotIn("successfully", " ".join(said(response)))

    def test_schedule_refuses_a_time_gone_by_and_keeps_what_was_typed(self):
        self.client.force_login(self.editor)
        data = self.form(
            self.editor,
            _schedule="schedule",
            headline="Harbour reopens",
            published_at_0="2020-01-01",
            published_at_1="09:00:00",
        )
        response = self.client.post(ADD_URL, data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "A post is scheduled for a time to come")
        self.assertContains(response, 'value="Harbour reopens"')
        self.assertContains(response, 'value="2020-01-01"')
        self.assertFalse(Post.objects.exists())

    def test_schedule_without_a_time_asks_for_one(self):
        self.client.force_login(self.editor)
        response = self.client.post(ADD_URL, self.form(self.editor, _schedule="schedule"))
        self.assertContains(response, "Choose the publication time to schedule the post for.")
        self.assertFalse(Post.objects.exists())

    def test_publish_now_says_the_post_is_live_with_a_link_to_it(self):
        self.client.force_login(self.editor)
        response = self.client.post(
            ADD_URL, self.form(self.editor, _publish="publish"), follow=True
        )
        post = Post.objects.get()
        self.assertRedirects(response, LIST_URL)
        self.assertIn("Published: readers see it now.", said(response)[0])
        self.assertIn(post.get_absolute_url(), said(response)[0])

    def test_save_draft_and_update_stay_on_the_page(self):
        self.client.force_login(self.editor)
        response = self.client.post(ADD_URL, self.form(self.editor, _continue="draft"), follow=True)
        post = Post.objects.get()
        self.assertRedirects(response, change_url(post))
        self.assertEqual(said(response), ["Saved as a draft: readers do not see it."])
        live = make_post(blog=self.blog, headline="Live one")
        data = post_form(
            self.blog,
            self.editor.author_profile,
            slug=live.slug,
            headline="Live one, corrected",
            published_at_0=timezone.localtime(live.published_at).strftime("%Y-%m-%d"),
            published_at_1=timezone.localtime(live.published_at).strftime("%H:%M:%S"),
            opened_version=live.version,
            _continue="update",
        )
        response = self.client.post(change_url(live), data, follow=True)
        self.assertRedirects(response, change_url(live))
        self.assertIn("Updated: readers see the changes now.", said(response)[0])

    def test_authors_are_told_an_editor_will_publish_their_post(self):
        self.client.force_login(self.writer)
        data = self.form(self.writer, _submit_for_review="submit")
        response = self.client.post(ADD_URL, data, follow=True)
        self.assertEqual(Post.objects.get().status, Post.Status.SUBMITTED)
        self.assertEqual(said(response), ["Submitted for review: an editor will publish it."])

    def test_enter_on_a_submitted_post_saves_it_and_keeps_it_in_the_review_queue(self):
        self.client.force_login(self.writer)
        self.client.post(ADD_URL, self.form(self.writer, _submit_for_review="submit"))
        post = Post.objects.get()
        for user in (self.writer, self.editor):
            self.client.force_login(user)
            buttons = self.client.get(change_url(post)).context["post_buttons"]
            self.assertEqual(buttons[0], ("Save", "_continue", "update"))  # what Enter presses
            self.assertIn(("Back to draft", "_continue", "draft"), buttons)
            data = change_form(post, headline=f"Typo fixed by {user}", _continue="update")
            response = self.client.post(change_url(post), data, follow=True)
            post.refresh_from_db()
            self.assertEqual(
                (post.status, post.headline), (Post.Status.SUBMITTED, f"Typo fixed by {user}")
            )
            self.assertIn("still submitted for review", said(response)[0])


class AuthorMessagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor", "Editors", name="Ed Itor", slug="ed")
        cls.writer = make_user("writer", "Authors", name="Wendy Writer", slug="wendy")
        cls.editors_post = make_post(
            headline="Ed's scoop", authors=[cls.editor.author_profile], is_breaking=True
        )

    def setUp(self):
        self.client.force_login(self.writer)

    def test_an_author_opening_an_editors_post_is_told_it_is_not_theirs(self):
        response = self.client.get(change_url(self.editors_post), follow=True)
        self.assertRedirects(response, LIST_URL)
        self.assertEqual(said(response), ["You can edit only your own posts."])
        self.assertNotContains(response, "doesn’t exist")
        self.assertNotContains(response, "Ed&#x27;s scoop")

    def test_an_author_reads_breaking_news_as_words_not_an_icon(self):
        page = self.client.get(ADD_URL)
        self.assertNotContains(page, "icon-no.svg")
        self.assertContains(page, "Breaking news:")
        self.assertRegex(page.content.decode(), r'<div class="readonly">No</div>')
