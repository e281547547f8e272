from django.test import Client, TestCase
from django.urls import reverse

from blog.models import Post

from .builders import change_form, make_author, make_post, make_user


class EditConflictTests(TestCase):
    """Two editors open the same post; the second save never overwrites the first."""

    @classmethod
    def setUpTestData(cls):
        cls.alice = make_user("alice", "Editors")
        cls.bob = make_user("bob", "Editors")
        cls.post = make_post(headline="Council votes", body="First draft.", authors=[make_author()])

    def setUp(self):
        self.url = reverse("admin:blog_post_change", args=[self.post.pk])
        self.alice_client, self.bob_client = Client(), Client()
        self.alice_client.force_login(self.alice)
        self.bob_client.force_login(self.bob)

    def open_form(self, client):
        """The version the change page carries in its hidden field, as a browser sees it."""
        form = client.get(self.url).context["adminform"].form
        self.assertIn('name="opened_version"', str(form["opened_version"]))
        return form.initial["opened_version"]

    def save_once(self):
        version = self.open_form(self.alice_client)
        self.alice_client.post(self.url, change_form(self.post, opened_version=version))

    def test_second_save_is_refused_with_what_changed_and_the_typed_text_kept(self):
        self.save_once()
        alice_opened = self.open_form(self.alice_client)
        bob_opened = self.open_form(self.bob_client)
        bob_data = change_form(self.post, body="Bob's careful rewrite.", opened_version=bob_opened)

        alice_saves = self.alice_client.post(
            self.url,
            change_form(self.post, headline="Council votes yes", opened_version=alice_opened),
        )
        self.assertEqual(alice_saves.status_code, 302)

        conflict = self.bob_client.post(self.url, bob_data)
        self.assertEqual(conflict.status_code, 200)
        self.assertContains(conflict, "Someone else saved this post while you were editing it")
        self.assertContains(conflict, "(alice at")
        self.assertContains(
            conflict, "Changed meanwhile: headline, now “Council votes yes” (was “Council votes”)."
        )
        self.assertContains(conflict, "Bob&#x27;s careful rewrite.")
        self.post.refresh_from_db()
        self.assertEqual(self.post.headline, "Council votes yes")
        self.assertEqual(self.post.body, "First draft.")

        # Bob merges by hand and saves again over the version the conflict showed him.
        shown_version = conflict.context["adminform"].form.data["opened_version"]
        self.assertEqual(shown_version, self.post.version)
        merged = {**bob_data, "headline": "Council votes yes", "opened_version": shown_version}
        self.assertEqual(self.bob_client.post(self.url, merged).status_code, 302)
        self.post.refresh_from_db()
        self.assertEqual(self.post.headline, "Council votes yes")
        self.assertEqual(self.post.body, "Bob's careful rewrite.")

    def test_conflict_without_an_earlier_revision_lists_the_fields_that_differ(self):
        bob_opened = self.open_form(self.bob_client)
        alice_opened = self.open_form(self.alice_client)
        self.alice_client.post(
            self.url, change_form(self.post, headline="Alice's take", opened_version=alice_opened)
        )
        conflict = self.bob_client.post(
            self.url, change_form(self.post, headline="Council votes", opened_version=bob_opened)
        )
        self.assertContains(conflict, "The saved headline differs from yours: “Alice&#x27;s take”.")
        self.post.refresh_from_db()
        self.assertEqual(self.post.headline, "Alice's take")

    def test_breaking_flag_set_from_the_list_is_not_lost_by_an_open_form(self):
        self.save_once()
        alice_opened = self.open_form(self.alice_client)
        self.bob_client.post(
            reverse("admin:blog_post_changelist"),
            {"action": "flag_breaking", "_selected_action": [self.post.pk]},
        )
        conflict = self.alice_client.post(
            self.url, change_form(self.post, headline="Late edit", opened_version=alice_opened)
        )
        self.assertContains(conflict, "Changed meanwhile: breaking news, now “yes” (was “no”).")
        self.assertContains(conflict, "(bob at")
        self.post.refresh_from_db()
        self.assertTrue(self.post.is_breaking)
        self.assertEqual(self.post.headline, "Council votes")

    def test_a_form_without_its_version_is_refused(self):
        data = change_form(self.post, headline="No version")
        del data["opened_version"]
        self.assertContains(self.alice_client.post(self.url, data), "Someone else saved this post")
        self.assertEqual(Post.objects.get(pk=self.post.pk).headline, "Council votes")

    def test_every_save_and_action_moves_the_version_on(self):
        start = self.post.version
        self.save_once()
        self.alice_client.post(
            reverse("admin:blog_post_changelist"),
            {"action": "clear_breaking", "_selected_action": [self.post.pk]},
        )
        self.post.refresh_from_db()
        self.assertEqual(self.post.version, start + 2)
