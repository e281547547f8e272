from django.test import TestCase
from django.urls import reverse
from taggit.models import Tag

from blog.models import OldSlug, Post

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


class ChangedSlugTests(TestCase):
    """A blog, author or tag whose slug changes keeps its old addresses, as redirects."""

    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor", "Editors")
        cls.blog = make_blog(name="City", slug="city")
        cls.author = make_author(name="Dana Reporter", slug="dana")
        cls.post = make_post(
            blog=cls.blog, slug="bridge-opens", authors=[cls.author], tags=["Transport"]
        )
        cls.draft = make_post(
            blog=cls.blog, slug="a-draft", status=Post.Status.DRAFT, published_at=None
        )
        cls.tag = Tag.objects.get(name="Transport")

    def setUp(self):
        self.client.force_login(self.editor)

    def rename_blog(self, slug):
        url = reverse("admin:blog_blog_change", args=[self.blog.pk])
        data = {"name": "City", "slug": slug, "tagline": "", "about": ""}
        self.assertEqual(self.client.post(url, data).status_code, 302)

    def rename_author(self, slug):
        url = reverse("admin:blog_author_change", args=[self.author.pk])
        data = {"name": "Dana Reporter", "slug": slug, "bio": "", "user": ""}
        self.assertEqual(self.client.post(url, data).status_code, 302)

    def rename_tag(self, slug):
        url = reverse("admin:taggit_tag_change", args=[self.tag.pk])
        data = {
            "name": "Transport",
            "slug": slug,
            "taggit-taggeditem-content_type-object_id-TOTAL_FORMS": "0",
            "taggit-taggeditem-content_type-object_id-INITIAL_FORMS": "0",
        }
        self.assertEqual(self.client.post(url, data).status_code, 302)

    def assertMoved(self, old, new):
        self.assertRedirects(
            self.client.get(old), new, status_code=301, fetch_redirect_response=False
        )
        self.assertEqual(self.client.get(new).status_code, 200, new)

    def test_a_blogs_old_pages_and_feeds_redirect_to_its_new_address(self):
        self.rename_blog("metro")
        self.client.logout()
        year = f"{self.post.published_at:%Y}"
        self.assertMoved("/blogs/city/", "/blogs/metro/")
        self.assertMoved("/blogs/city/?page=1", "/blogs/metro/?page=1")
        self.assertMoved("/blogs/city/archive/", "/blogs/metro/archive/")
        self.assertMoved(f"/blogs/city/archive/{year}/", f"/blogs/metro/archive/{year}/")
        self.assertMoved("/blogs/city/feeds/rss/", "/blogs/metro/feeds/rss/")

    def test_a_renamed_blogs_published_posts_redirect_and_its_drafts_stay_hidden(self):
        self.rename_blog("metro")
        self.client.logout()
        self.assertMoved("/blogs/city/bridge-opens/", "/blogs/metro/bridge-opens/")
        self.assertEqual(self.client.get("/blogs/city/a-draft/").status_code, 404)
        self.assertEqual(self.client.get("/blogs/city/no-such-post/").status_code, 404)

    def test_a_slug_changed_twice_leads_from_both_old_slugs_to_the_current_one(self):
        self.rename_blog("metro")
        self.rename_blog("town")
        self.client.logout()
        self.assertMoved("/blogs/city/", "/blogs/town/")
        self.assertMoved("/blogs/metro/", "/blogs/town/")
        self.assertMoved("/blogs/city/bridge-opens/", "/blogs/town/bridge-opens/")

    def test_a_new_blog_at_an_old_slug_wins(self):
        self.rename_blog("metro")
        make_post(blog=make_blog(name="New City", slug="city"), slug="fresh")
        self.client.logout()
        self.assertContains(self.client.get("/blogs/city/"), "New City")
        self.assertEqual(self.client.get("/blogs/city/bridge-opens/").status_code, 404)

    def test_editing_a_blog_without_changing_its_slug_keeps_no_old_slug(self):
        self.rename_blog("city")
        self.assertFalse(OldSlug.objects.exists())

    def test_an_authors_old_page_and_feed_redirect_to_the_new_ones(self):
        self.rename_author("dana-r")
        self.rename_author("dana-reporter")
        self.client.logout()
        for old in ["dana", "dana-r"]:
            self.assertMoved(f"/authors/{old}/", "/authors/dana-reporter/")
            self.assertMoved(f"/authors/{old}/feeds/atom/", "/authors/dana-reporter/feeds/atom/")

    def test_a_tags_old_page_and_feed_redirect_to_the_new_ones(self):
        self.rename_tag("transport-and-roads")
        self.client.logout()
        self.assertMoved("/tags/transport/", "/tags/transport-and-roads/")
        self.assertMoved("/tags/transport/feeds/rss/", "/tags/transport-and-roads/feeds/rss/")

    def test_unknown_slugs_are_still_404(self):
        self.client.logout()
        for address in ["/blogs/nowhere/", "/authors/nobody/", "/tags/nothing/"]:
            self.assertEqual(self.client.get(address).status_code, 404, address)
