"""The post form as editors and authors write in it: room for the body, the byline near the
top, buttons that set the status, a live preview and the focal point picker's hooks."""

import re
from datetime import timedelta

from django.contrib.auth.models import User
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from blog.models import Post

from .builders import image_upload, make_blog, make_post, make_user
from .test_admin import post_form

ADD_URL = reverse("admin:blog_post_add")
PREVIEW_URL = reverse("admin:blog_post_markdown_preview")


def tag(html, name):
    """The opening tag of the form field called name."""
    return re.search(rf'<(?:textarea|input|select)[^>]*name="{name}"[^>]*>', html)[0]


def buttons(response):
    """The buttons that set the status, left to right."""
    row = re.search(r'<div class="submit-row">.*?</div>', response.content.decode(), re.S)[0]
    # The admin's own Save buttons are inputs; the publish control replaces them.
    assert '<input type="submit"' not in row, row
    return re.findall(r'<button type="submit"[^>]*>([^<]+)</button>', row)


class PostFormLayoutTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor", "Editors", name="Ed Itor", slug="ed")

    def setUp(self):
        self.client.force_login(self.editor)

    def test_the_body_has_room_and_the_standfirst_does_not(self):
        page = self.client.get(ADD_URL).content.decode()
        self.assertIn('rows="30"', tag(page, "body"))
        self.assertIn(f'data-preview-url="{PREVIEW_URL}"', tag(page, "body"))
        self.assertIn('rows="3"', tag(page, "standfirst"))

    def test_the_byline_comes_before_the_body_and_opens_with_the_editors_name(self):
        page = self.client.get(ADD_URL).content.decode()
        self.assertLess(page.index('id="bylines-group"'), page.index('name="body"'))
        self.assertLess(page.index('name="standfirst"'), page.index('id="bylines-group"'))
        author = tag(page, "bylines-0-author")
        self.assertIn('aria-label="Author"', author)
        profile = self.editor.author_profile
        self.assertRegex(page, rf'<option value="{profile.pk}" selected>Ed Itor</option>')

    def test_date_and_time_boxes_have_names(self):
        page = self.client.get(ADD_URL).content.decode()
        self.assertIn('aria-label="publication time, date"', tag(page, "published_at_0"))
        self.assertIn('aria-label="publication time, time"', tag(page, "published_at_1"))

    def test_the_saved_photo_is_the_focal_point_picker(self):
        post = make_post(lead_image=image_upload(size=(900, 900)), lead_image_alt="A square")
        page = self.client.get(reverse("admin:blog_post_change", args=[post.pk]))
        self.assertContains(page, "data-focus-picker")


class StatusButtonTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor", "Editors", name="Ed Itor", slug="ed")
        cls.writer = make_user("writer", "Authors", name="Wendy Writer", slug="wendy")
        cls.blog = make_blog()

    def form(self, user, **overrides):
        return post_form(self.blog, user.author_profile, **{"status": "draft", **overrides})

    def test_editors_get_save_draft_publish_now_and_schedule(self):
        self.client.force_login(self.editor)
        control = ["Save draft", "Publish now", "Schedule…"]
        self.assertEqual(buttons(self.client.get(ADD_URL)), control)
        draft = make_post(status=Post.Status.DRAFT, published_at=None)
        page = self.client.get(reverse("admin:blog_post_change", args=[draft.pk]))
        self.assertEqual(buttons(page), control)
        # A live or scheduled post keeps its time: Update, not “Publish now” or “Save draft”.
        live = make_post()
        self.assertEqual(
            buttons(self.client.get(reverse("admin:blog_post_change", args=[live.pk]))),
            ["Update"],
        )

    def test_authors_get_save_draft_and_submit_for_review(self):
        self.client.force_login(self.writer)
        self.assertEqual(buttons(self.client.get(ADD_URL)), ["Save draft", "Submit for review"])

    def test_publish_now_publishes_whatever_the_status_field_says(self):
        self.client.force_login(self.editor)
        response = self.client.post(ADD_URL, self.form(self.editor, _publish=""))
        self.assertRedirects(response, reverse("admin:blog_post_changelist"))
        post = Post.objects.get()
        self.assertTrue(post.is_published)
        self.assertLess(timezone.now() - post.published_at, timedelta(minutes=1))

    def test_publish_now_never_lifts_an_embargo_by_accident(self):
        self.client.force_login(self.editor)
        data = self.form(
            self.editor, _publish="", published_at_0="2040-01-01", published_at_1="09:00:00"
        )
        response = self.client.post(ADD_URL, data)
        self.assertContains(response, "“Publish now” publishes at once")
        self.assertContains(response, "press “Schedule…”")
        self.assertFalse(Post.objects.exists())

    def test_save_draft_saves_a_draft_and_stays_on_the_page(self):
        self.client.force_login(self.editor)
        response = self.client.post(
            ADD_URL, self.form(self.editor, status="published", _continue="draft")
        )
        post = Post.objects.get()
        self.assertRedirects(response, reverse("admin:blog_post_change", args=[post.pk]))
        self.assertEqual(post.status, Post.Status.DRAFT)

    def test_submit_for_review(self):
        self.client.force_login(self.writer)
        response = self.client.post(ADD_URL, self.form(self.writer, _submit_for_review=""))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Post.objects.get().status, Post.Status.SUBMITTED)

    def test_an_author_pressing_a_hand_made_publish_button_publishes_nothing(self):
        self.client.force_login(self.writer)
        response = self.client.post(ADD_URL, self.form(self.writer, _publish=""))
        self.assertContains(response, "Only editors publish posts")
        self.assertFalse(Post.objects.exists())


class MarkdownPreviewTests(TestCase):
    def test_staff_get_the_body_as_the_site_shows_it(self):
        self.client.force_login(make_user("writer", "Authors"))
        body = "**Bold** [link](https://example.org/)\n\n<script>alert(1)</script>"
        html = self.client.post(PREVIEW_URL, {"body": body}).json()["html"]
        self.assertIn("<strong>Bold</strong>", html)
        self.assertIn('rel="noopener noreferrer"', html)
        self.assertNotIn("<script", html)
        self.assertEqual(self.client.get(PREVIEW_URL).status_code, 405)

    def test_nobody_else_gets_a_preview(self):
        self.assertEqual(self.client.post(PREVIEW_URL, {"body": "Hi"}).status_code, 302)
        self.client.force_login(User.objects.create_user("staff_without_posts", is_staff=True))
        self.assertEqual(self.client.post(PREVIEW_URL, {"body": "Hi"}).status_code, 403)

    def test_the_preview_needs_the_csrf_token(self):
        self.client = self.client_class(enforce_csrf_checks=True)
        self.client.force_login(make_user("writer", "Authors"))
        self.assertEqual(self.client.post(PREVIEW_URL, {"body": "Hi"}).status_code, 403)


class BylineTypedNameTests(TestCase):
    """A name typed in the byline box but never chosen (issue 18, item 5): post.js sends it as
    bylines-N-typed, and the server refuses a row whose author is not that name."""

    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor", "Editors", name="Ed Itor", slug="ed")
        cls.callum = make_user("callum", "Authors", name="Callum Reid", slug="callum")
        cls.blog = make_blog()

    def setUp(self):
        self.client.force_login(self.editor)

    def test_a_typed_name_that_is_not_the_chosen_author_is_refused(self):
        data = post_form(
            self.blog, self.editor.author_profile, **{"bylines-0-typed": "Callum", "_publish": ""}
        )
        response = self.client.post(ADD_URL, data)
        self.assertContains(response, "You typed “Callum” but did not choose it")
        self.assertContains(response, "the byline still says “Ed Itor”")
        self.assertContains(response, 'value="Council approves new bridge"')
        self.assertFalse(Post.objects.exists())

    def test_a_typed_name_that_picks_out_the_chosen_author_is_saved(self):
        data = post_form(
            self.blog, self.callum.author_profile, **{"bylines-0-typed": "callum r", "_publish": ""}
        )
        self.assertEqual(self.client.post(ADD_URL, data).status_code, 302)
        self.assertEqual(Post.objects.get().byline, "Callum Reid")
