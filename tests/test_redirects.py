from django.test import TestCase
from django.urls import reverse

from blog.models import Post

from .builders import change_form, make_author, make_blog, make_post, make_user


class OldAddressTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor", "Editors")
        cls.blog = make_blog(slug="city")
        cls.post = make_post(blog=cls.blog, slug="old-slug", authors=[make_author()])

    def setUp(self):
        self.client.force_login(self.editor)
        self.old_url = self.post.get_absolute_url()

    def edit(self, post, **changes):
        url = reverse("admin:blog_post_change", args=[post.pk])
        self.assertEqual(self.client.post(url, change_form(post, **changes)).status_code, 302)
        post.refresh_from_db()

    def test_changing_a_published_posts_slug_redirects_every_old_address(self):
        self.edit(self.post, slug="new-slug")
        self.edit(self.post, slug="newest-slug")
        self.client.logout()
        for old in [self.old_url, "/blogs/city/new-slug/"]:
            response = self.client.get(old)
            self.assertRedirects(response, "/blogs/city/newest-slug/", status_code=301)

    def test_moving_a_published_post_to_another_blog_redirects(self):
        other = make_blog(slug="country")
        self.edit(self.post, blog=other.pk)
        self.assertRedirects(
            self.client.get(self.old_url), "/blogs/country/old-slug/", status_code=301
        )

    def test_a_drafts_old_slug_is_not_kept(self):
        draft = make_post(blog=self.blog, slug="draft", status=Post.Status.DRAFT, published_at=None)
        self.edit(draft, slug="draft-renamed")
        self.client.logout()
        self.assertEqual(self.client.get("/blogs/city/draft/").status_code, 404)

    def test_a_redirect_to_a_post_no_longer_public_is_404(self):
        self.edit(self.post, slug="new-slug")
        Post.objects.filter(pk=self.post.pk).update(status=Post.Status.DRAFT)
        self.client.logout()
        self.assertEqual(self.client.get(self.old_url).status_code, 404)

    def test_deleting_a_published_post_answers_410_gone_at_all_its_addresses(self):
        self.edit(self.post, slug="new-slug")
        delete_url = reverse("admin:blog_post_delete", args=[self.post.pk])
        self.assertEqual(self.client.post(delete_url, {"post": "yes"}).status_code, 302)
        self.client.logout()
        for address in [self.old_url, "/blogs/city/new-slug/"]:
            response = self.client.get(address)
            self.assertContains(response, "This post has been removed", status_code=410)

    def test_posts_deleted_from_the_list_answer_410_and_drafts_404(self):
        draft = make_post(blog=self.blog, slug="a-draft", status="draft", published_at=None)
        self.client.post(
            reverse("admin:blog_post_changelist"),
            {
                "action": "delete_selected",
                "_selected_action": [self.post.pk, draft.pk],
                "post": "yes",
            },
        )
        self.assertFalse(Post.objects.exists())
        self.assertEqual(self.client.get(self.old_url).status_code, 410)
        self.assertEqual(self.client.get("/blogs/city/a-draft/").status_code, 404)

    def test_a_new_post_at_an_old_address_wins(self):
        self.client.post(reverse("admin:blog_post_delete", args=[self.post.pk]), {"post": "yes"})
        make_post(blog=self.blog, slug="old-slug", headline="Fresh story")
        self.assertContains(self.client.get(self.old_url), "Fresh story")
