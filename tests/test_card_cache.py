"""Post cards, and the parts of a post page that show the post, are rendered once per
process and reused until something they show changes (blog/rendered.py)."""

from pathlib import Path

from django.test import TestCase
from django.utils.autoreload import file_changed

from blog import rendered
from blog.models import Correction

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


def rendered_articles(response):
    return [t.name for t in response.templates].count("blog/includes/byline.html")


class PostPagePartsTests(TestCase):
    def setUp(self):
        rendered.KEPT.clear()
        self.blog = make_blog(name="City Desk")
        self.author = make_author(name="Ann Reporter")
        self.post = make_post(
            blog=self.blog, authors=[self.author], tags=["Roads"], headline="Bridge reopens"
        )
        self.url = self.post.get_absolute_url()

    def test_the_article_is_rendered_once_and_then_reused(self):
        self.assertEqual(rendered_articles(self.client.get(self.url)), 1)
        again = self.client.get(self.url)
        self.assertEqual(rendered_articles(again), 0)
        self.assertContains(again, "<h1>Bridge reopens</h1>", html=True)
        self.assertContains(again, '"@type": "NewsArticle"')

    def test_an_edited_post_shows_at_once(self):
        self.client.get(self.url)
        self.post.headline = "Bridge reopens after repairs"
        self.post.save()
        self.assertContains(
            self.client.get(self.url), "<h1>Bridge reopens after repairs</h1>", html=True
        )

    def test_renamed_authors_and_tags_and_new_corrections_show_at_once(self):
        self.client.get(self.url)
        self.author.name = "Ann Correspondent"
        self.author.save()
        tag = self.post.tags.get()
        tag.name = "Streets"
        tag.save()
        response = self.client.get(self.url)
        self.assertContains(response, "Ann Correspondent")
        self.assertContains(response, ">Streets</a>")
        self.assertNotContains(response, "Ann Reporter")
        Correction.objects.create(post=self.post, text="The bridge is on Elm Street.")
        self.assertContains(self.client.get(self.url), "The bridge is on Elm Street.")

    def test_the_addresses_in_the_head_follow_the_host_the_page_is_read_at(self):
        self.client.get(self.url, HTTP_HOST="testserver")
        response = self.client.get(self.url, HTTP_HOST="localhost")
        self.assertContains(response, f'"http://localhost{self.url}"')
        self.assertNotContains(response, "http://testserver")


class TemplateEditTests(TestCase):
    def test_editing_a_template_under_runserver_forgets_the_kept_html(self):
        rendered.keep("some-key", "<p>old</p>")
        file_changed.send(sender=None, file_path=Path("templates/blog/includes/post_card.html"))
        self.assertIsNone(rendered.get("some-key"))
