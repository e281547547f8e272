"""Post cards are rendered once per process and reused until something they show changes."""

from django.test import TestCase

from blog import rendered

from .builders import make_author, make_blog, make_post


def rendered_cards(response):
    return [t.name for t in response.templates].count("blog/includes/post_card.html")


class PostCardCacheTests(TestCase):
    def setUp(self):
        rendered.KEPT.clear()
        self.blog = make_blog(name="City Desk")
        self.author = make_author(name="Ann Reporter")
        self.post = make_post(blog=self.blog, authors=[self.author], headline="Bridge reopens")
        make_post(blog=self.blog, headline="Council meets")

    def test_cards_are_rendered_once_and_then_reused(self):
        self.assertEqual(rendered_cards(self.client.get("/")), 2)
        second = self.client.get("/")
        self.assertEqual(rendered_cards(second), 0)
        self.assertContains(second, "Bridge reopens")
        self.assertContains(second, "Ann Reporter")

    def test_an_edited_post_shows_its_new_card_at_once(self):
        self.client.get("/")
        self.post.headline = "Bridge reopens after repairs"
        self.post.save()
        response = self.client.get("/")
        self.assertContains(response, "Bridge reopens after repairs")
        self.assertEqual(rendered_cards(response), 1)

    def test_renaming_an_author_or_a_blog_changes_their_cards(self):
        self.client.get("/")
        self.author.name = "Ann Correspondent"
        self.author.save()
        self.blog.name = "Metro Desk"
        self.blog.save()
        response = self.client.get("/")
        self.assertContains(response, "Ann Correspondent")
        self.assertNotContains(response, "Ann Reporter")
        self.assertNotContains(response, "City Desk")
