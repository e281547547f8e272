from django.test import TestCase
from django.urls import reverse
from django.utils import formats, timezone
from reversion.models import Version

from blog.models import Byline, Post, TaggedPost

from .builders import change_form, make_author, make_post, make_user


class RevisionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor", "Editors")
        cls.post = make_post(headline="First headline", authors=[make_author()], tags=["Rain"])

    def setUp(self):
        self.client.force_login(self.editor)
        self.change_url = reverse("admin:blog_post_change", args=[self.post.pk])

    def save(self, **changes):
        response = self.client.post(self.change_url, change_form(self.post, **changes))
        self.assertEqual(response.status_code, 302)

    def versions(self):
        return Version.objects.get_for_object(self.post).select_related("revision__user")

    def test_every_save_keeps_a_revision_with_who_when_and_what(self):
        self.save()
        self.save(headline="Second headline", tags="Rain, Wind")
        newest, oldest = self.versions()
        self.assertEqual(newest.revision.user, self.editor)
        self.assertEqual(newest.revision.get_comment(), "Changed Headline and Tags.")
        self.assertEqual(newest.field_dict["headline"], "Second headline")
        self.assertEqual(oldest.field_dict["headline"], "First headline")
        followed = {version._model for version in newest.revision.version_set.all()}
        self.assertEqual(followed, {Post, Byline, TaggedPost})

    def test_history_lists_revisions_and_compares_two_field_by_field(self):
        self.save()
        self.save(headline="Second headline", tags="Rain, Wind")
        history = self.client.get(reverse("admin:blog_post_history", args=[self.post.pk]))
        self.assertContains(history, "<td>editor</td>", count=2, html=True)
        self.assertContains(history, 'name="older"', count=2)
        newest, oldest = self.versions()
        compare = self.client.get(
            reverse("admin:blog_post_compare", args=[self.post.pk]),
            {"older": oldest.pk, "newer": newest.pk},
        )
        self.assertContains(compare, "2 fields changed")
        self.assertContains(compare, "Headline <strong>(changed)</strong>", html=True)
        self.assertContains(compare, "Tags <strong>(changed)</strong>", html=True)
        self.assertContains(compare, "First headline")
        self.assertContains(compare, "Rain, Wind")
        self.assertNotContains(compare, "Slug <strong>(changed)</strong>", html=True)

    def test_history_and_compare_tell_revisions_of_the_same_minute_apart(self):
        self.save()
        self.save(headline="Second headline")
        newest, oldest = self.versions()
        saved = formats.date_format(
            timezone.localtime(newest.revision.date_created), "j M Y, H:i:s"
        )
        history = self.client.get(reverse("admin:blog_post_history", args=[self.post.pk]))
        self.assertContains(history, saved)
        compare = self.client.get(reverse("admin:blog_post_compare", args=[self.post.pk]))
        self.assertContains(compare, f"Newer ({saved})")
        self.assertContains(compare, '<tr class="changed">')
        self.assertContains(compare, "admin/blog/post.css")

    def test_restoring_a_revision_saves_it_as_a_new_one(self):
        self.save()
        self.save(headline="Second headline")
        self.post.refresh_from_db()
        version_before = self.post.version
        oldest = self.versions().last()
        url = reverse("admin:blog_post_revision", args=[self.post.pk, oldest.pk])
        form = self.client.get(url).context["adminform"].form
        self.assertEqual(form.initial["headline"], "First headline")
        self.assertEqual(form.initial["opened_version"], version_before)
        data = change_form(self.post, headline="First headline", opened_version=version_before)
        self.assertEqual(self.client.post(url, data).status_code, 302)
        self.post.refresh_from_db()
        self.assertEqual(self.post.headline, "First headline")
        self.assertEqual(self.post.version, version_before + 1)
        self.assertEqual(self.versions().count(), 3)
        self.assertIn("Reverted to previous version", self.versions().first().revision.comment)

    def test_restoring_older_text_moves_the_updated_time_forward_not_back(self):
        self.save()
        self.save(headline="Second headline")
        self.post.refresh_from_db()
        oldest = self.versions().last()
        url = reverse("admin:blog_post_revision", args=[self.post.pk, oldest.pk])
        restoring = timezone.now()
        data = change_form(self.post, headline="First headline", opened_version=self.post.version)
        self.assertEqual(self.client.post(url, data).status_code, 302)
        self.post.refresh_from_db()
        self.assertEqual(self.post.headline, "First headline")
        self.assertGreaterEqual(self.post.text_changed_at, restoring)
        self.assertTrue(self.post.was_updated)

    def test_authors_see_history_of_their_posts_but_cannot_restore(self):
        self.save()
        writer = make_user("writer", "Authors", name="Wendy")
        own = make_post(authors=[writer.author_profile], status="draft", published_at=None)
        self.client.force_login(writer)
        history = reverse("admin:blog_post_history", args=[own.pk])
        self.assertEqual(self.client.get(history).status_code, 200)
        version = self.versions().first()
        restore = reverse("admin:blog_post_revision", args=[self.post.pk, version.pk])
        self.assertEqual(self.client.get(restore).status_code, 403)
        self.assertEqual(self.client.get(reverse("admin:blog_post_recoverlist")).status_code, 403)
        other_history = reverse("admin:blog_post_history", args=[self.post.pk])
        self.assertNotContains(self.client.get(other_history, follow=True), "First headline")
