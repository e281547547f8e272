import hashlib
import re
from io import StringIO

from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory, TestCase

from blog.models import Author, Blog, Post


class DemoContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.output = StringIO()
        call_command("load_demo", stdout=cls.output)

    def test_demo_has_blogs_authors_and_posts_with_lead_images(self):
        self.assertGreaterEqual(Blog.objects.count(), 3)
        self.assertGreaterEqual(Author.objects.count(), 10)
        self.assertGreaterEqual(Post.objects.published().count(), 60)
        self.assertFalse(Post.objects.filter(lead_image="").exists())
        self.assertTrue(Post.objects.filter(tags__isnull=False).exists())

    def test_demo_images_are_varied_illustrations_described_as_what_they_show(self):
        posts = list(Post.objects.all())
        pictures = set()
        for post in posts:
            with post.lead_image.open("rb") as image:
                pictures.add(hashlib.sha256(image.read()).hexdigest())
        self.assertEqual(len(pictures), len(posts))
        self.assertGreaterEqual(len({post.lead_image_alt for post in posts}), 8)
        people = re.compile(
            r"\b(man|woman|men|women|people|person|children|crowd|staff|pupils|teenagers?|"
            r"volunteers|workers|he|she|they)\b",
            re.IGNORECASE,
        )
        for post in posts:
            with self.subTest(post=post.slug):
                self.assertTrue(post.lead_image_alt.startswith("Illustration: "))
                self.assertEqual(post.lead_image_credit, "Newsroom demo illustration")
                self.assertNotRegex(post.lead_image_alt, people)
                self.assertNotRegex(post.lead_image_caption, people)

    def test_demo_has_one_breaking_one_draft_and_one_scheduled_post(self):
        self.assertEqual(Post.objects.published().breaking().count(), 1)
        self.assertEqual(Post.objects.filter(status=Post.Status.DRAFT).count(), 1)
        scheduled = [post for post in Post.objects.all() if post.is_scheduled]
        self.assertEqual(len(scheduled), 1)

    def test_loading_again_changes_nothing(self):
        counts = (Blog.objects.count(), Author.objects.count(), Post.objects.count())
        call_command("load_demo", stdout=StringIO())
        self.assertEqual(
            counts, (Blog.objects.count(), Author.objects.count(), Post.objects.count())
        )

    def test_printed_demo_logins_work(self):
        login_request = RequestFactory().post("/admin/login/")  # the login throttle needs it
        printed = self.output.getvalue()
        for username, password in [
            ("admin", "newsroom-admin"),
            ("editor", "newsroom-editor"),
            ("author", "newsroom-author"),
        ]:
            self.assertIn(f"user: {username}", printed)
            self.assertIn(f"password: {password}", printed)
            self.assertIsNotNone(authenticate(login_request, username=username, password=password))

    def test_demo_pages_render_with_the_banner(self):
        post = Post.objects.published().first()
        for path in ["/", post.blog.get_absolute_url(), post.get_absolute_url()]:
            response = self.client.get(path)
            self.assertContains(response, "Breaking News")

    def test_the_demo_editor_and_author_open_new_posts_under_their_own_bylines(self):
        for username in ["editor", "author"]:
            with self.subTest(username=username):
                profile = Author.objects.get(user__username=username)
                self.client.force_login(profile.user)
                form = self.client.get("/admin/blog/post/add/")
                self.assertContains(form, f'<option value="{profile.pk}" selected>')
