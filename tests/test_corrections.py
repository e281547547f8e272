from datetime import timedelta

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from blog.models import Correction, Post

from .builders import change_form, make_author, make_post, make_user


def with_new_correction(data, text, kind="correction"):
    today, now = (
        timezone.localtime().strftime("%Y-%m-%d"),
        timezone.localtime().strftime("%H:%M:%S"),
    )
    index = int(data["corrections-TOTAL_FORMS"])
    return {
        **data,
        "corrections-TOTAL_FORMS": index + 1,
        f"corrections-{index}-kind": kind,
        f"corrections-{index}-text": text,
        f"corrections-{index}-created_at_0": today,
        f"corrections-{index}-created_at_1": now,
    }


class CorrectionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor", "Editors")
        cls.post = make_post(headline="Vote result", authors=[make_author()])

    def setUp(self):
        self.client.force_login(self.editor)
        self.url = reverse("admin:blog_post_change", args=[self.post.pk])

    def test_editor_adds_a_correction_that_readers_see_and_the_update_time_moves(self):
        data = with_new_correction(change_form(self.post), "The vote was 7 to 2, not 6 to 3.")
        self.assertEqual(self.client.post(self.url, data).status_code, 302)
        self.post.refresh_from_db()
        self.assertGreater(
            self.post.text_changed_at, self.post.published_at + timedelta(minutes=30)
        )
        self.client.logout()
        page = self.client.get(self.post.get_absolute_url())
        self.assertContains(page, '<h2 id="corrections-heading">Corrections and updates</h2>')
        self.assertContains(page, "<strong>Correction</strong>")
        self.assertContains(page, "The vote was 7 to 2, not 6 to 3.")
        self.assertContains(page, "Updated")

    def test_readers_see_notes_at_the_end_newest_first(self):
        now = timezone.now()
        Correction.objects.create(post=self.post, text="Older note", created_at=now)
        Correction.objects.create(
            post=self.post, kind="update", text="Newer note", created_at=now + timedelta(1)
        )
        content = self.client.get(self.post.get_absolute_url()).content.decode()
        self.assertLess(content.index("Newer note"), content.index("Older note"))
        self.assertLess(content.index("post-body"), content.index("Newer note"))

    def test_only_editors_delete_notes_and_the_history_keeps_them(self):
        writer = make_user("writer", "Authors", name="Wendy")
        draft = make_post(
            authors=[writer.author_profile], status=Post.Status.DRAFT, published_at=None
        )
        Correction.objects.create(post=draft, text="Kept note")
        writer_client = self.client_class()
        writer_client.force_login(writer)
        url = reverse("admin:blog_post_change", args=[draft.pk])
        data = change_form(draft, **{"corrections-0-DELETE": "on"})
        self.assertEqual(writer_client.post(url, data).status_code, 302)
        self.assertTrue(draft.corrections.exists())

        self.client.post(self.url, with_new_correction(change_form(self.post), "Wrong note"))
        data = change_form(self.post, **{"corrections-0-DELETE": "on"})
        self.assertEqual(self.client.post(self.url, data).status_code, 302)
        self.assertFalse(self.post.corrections.exists())
        kept = [
            version
            for version in Version.objects.get_for_model(Correction)
            if version.field_dict["text"] == "Wrong note"
        ]
        self.assertEqual(len(kept), 1)
        history = self.client.get(reverse("admin:blog_post_compare", args=[self.post.pk]))
        self.assertContains(history, "Wrong note")
