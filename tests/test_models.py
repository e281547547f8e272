from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.test import TestCase

from blog.models import Post

from .builders import image_upload, make_author, make_blog, make_post


class PostRulesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.blog = make_blog()

    def test_slug_is_unique_within_a_blog_in_the_database(self):
        make_post(blog=self.blog, slug="same")
        with self.assertRaises(IntegrityError):
            make_post(blog=self.blog, slug="same")

    def test_the_same_slug_may_be_used_in_another_blog(self):
        make_post(blog=self.blog, slug="same")
        make_post(blog=make_blog(), slug="same")
        self.assertEqual(Post.objects.filter(slug="same").count(), 2)

    def test_duplicate_slug_is_a_validation_error_with_a_message(self):
        make_post(blog=self.blog, slug="same")
        post = Post(blog=self.blog, slug="same", headline="x", body="x")
        with self.assertRaisesMessage(ValidationError, "already has a post with this slug"):
            post.full_clean()

    def test_lead_image_needs_alt_text_unless_decorative(self):
        post = Post(blog=self.blog, slug="photo", headline="x", body="x", lead_image=image_upload())
        with self.assertRaises(ValidationError) as raised:
            post.full_clean()
        self.assertIn("lead_image_alt", raised.exception.message_dict)
        post.lead_image_is_decorative = True
        post.full_clean()

    def test_database_refuses_a_lead_image_without_alt_text(self):
        with self.assertRaises(IntegrityError):
            make_post(blog=self.blog, lead_image=image_upload(), lead_image_alt="")

    def test_database_refuses_a_published_post_without_publication_time(self):
        post = make_post(blog=self.blog)
        with self.assertRaises(IntegrityError):
            Post.objects.filter(pk=post.pk).update(published_at=None)

    def test_body_is_stored_as_sanitized_html(self):
        post = make_post(blog=self.blog, body="**Bold** <script>x()</script>")
        self.assertIn("<strong>Bold</strong>", post.body_html)
        self.assertNotIn("script", post.body_html)

    def test_byline_joins_authors_in_their_order(self):
        ann, bob, cy = (make_author(name=name) for name in ["Ann", "Bob", "Cy"])
        self.assertEqual(make_post(blog=self.blog, authors=[ann]).byline, "Ann")
        self.assertEqual(make_post(blog=self.blog, authors=[bob, ann]).byline, "Bob and Ann")
        self.assertEqual(
            make_post(blog=self.blog, authors=[cy, ann, bob]).byline, "Cy, Ann and Bob"
        )
