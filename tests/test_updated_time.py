"""The public “Updated” time moves only when what readers read changes (issue 18, item 9):
the headline, standfirst, body, lead photo or a correction added; not the breaking flag,
tags or times."""

from datetime import timedelta

import feedparser
from django.test import TestCase
from django.urls import reverse

from blog import operations
from blog.models import Correction, Post

from .builders import change_form, image_upload, make_author, make_post, make_user
from .pages import page_head


class UpdatedTimeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor", "Editors")
        cls.post = make_post(headline="Storm hits the coast", authors=[make_author()])

    def setUp(self):
        self.post.refresh_from_db()
        self.written_at = self.post.text_changed_at
        self.client.force_login(self.editor)

    def save_form(self, **changes):
        url = reverse("admin:blog_post_change", args=[self.post.pk])
        response = self.client.post(url, change_form(self.post, **changes))
        self.assertEqual(response.status_code, 302)
        self.post.refresh_from_db()

    def public_page(self):
        self.client.logout()
        page = self.client.get(self.post.get_absolute_url())
        self.client.force_login(self.editor)
        return page

    def test_ticking_and_unticking_breaking_news_moves_nothing_readers_see(self):
        self.save_form(is_breaking="on")
        self.save_form(is_breaking="")
        self.assertFalse(self.post.is_breaking)
        self.assertEqual(self.post.text_changed_at, self.written_at)
        self.assertNotContains(self.public_page(), "Updated")

    def test_new_tags_or_times_leave_the_updated_time_alone(self):
        self.save_form(tags="Weather, Coast")
        later = self.post.published_at + timedelta(days=30)
        self.save_form(unpublish_at_0=f"{later:%Y-%m-%d}", unpublish_at_1="09:00:00")
        operations.flag_breaking(self.post)
        self.assertEqual(self.post.text_changed_at, self.written_at)

    def test_a_new_headline_standfirst_body_or_photo_moves_it(self):
        for changes in [
            {"headline": "Storm hits the whole coast"},
            {"standfirst": "Two towns flooded."},
            {"body": "The river rose two metres."},
        ]:
            with self.subTest(**changes):
                before = self.post.text_changed_at
                self.save_form(**changes)
                self.assertGreater(self.post.text_changed_at, before)
        self.post.lead_image = image_upload()
        self.post.lead_image_alt = "The flooded square"
        before = self.post.text_changed_at
        self.post.save()
        self.assertGreater(self.post.text_changed_at, before)
        self.assertContains(self.public_page(), "Updated")

    def test_a_correction_added_moves_it(self):
        Correction.objects.create(post=self.post, text="The river rose two metres, not three.")
        self.post.refresh_from_db()
        self.assertGreater(self.post.text_changed_at, self.written_at)

    def test_json_ld_and_feeds_give_the_text_change_as_the_modification_time(self):
        operations.flag_breaking(self.post)
        article = page_head(self.public_page()).json_ld_of_type("NewsArticle")
        self.assertEqual(article["dateModified"], article["datePublished"])
        Post.objects.filter(pk=self.post.pk).update(
            text_changed_at=self.post.published_at + timedelta(hours=2)
        )
        article = page_head(self.public_page()).json_ld_of_type("NewsArticle")
        self.assertGreater(article["dateModified"], article["datePublished"])
        feed = feedparser.parse(
            self.client.get(reverse("blog:latest_feed", kwargs={"feed_format": "atom"})).content
        )
        entry = feed.entries[0]
        self.assertGreater(entry.updated_parsed, entry.published_parsed)
