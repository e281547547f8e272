from datetime import timedelta
from unittest import mock

from django.test import TestCase
from django.utils import timezone

from blog.models import Post

from .builders import make_author, make_post


class BreakingNewsBannerTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.author = make_author()
        cls.story = make_post(headline="Ordinary story", authors=[cls.author])

    def banner_of(self, path):
        content = self.client.get(path).content.decode()
        if 'class="breaking"' not in content:
            return None
        return content.split('class="breaking"', 1)[1].split("</section>", 1)[0]

    def test_no_banner_when_nothing_is_breaking(self):
        self.assertIsNone(self.banner_of("/"))

    def test_banner_links_the_newest_live_breaking_post_on_every_page(self):
        older = make_post(headline="Older alert", is_breaking=True)
        newer = make_post(
            headline="Newer alert", is_breaking=True, published_at=timezone.now() - timedelta(1e-3)
        )
        pages = [
            "/",
            self.story.blog.get_absolute_url(),
            self.story.get_absolute_url(),
            self.author.get_absolute_url(),
        ]
        for path in pages:
            banner = self.banner_of(path)
            self.assertIsNotNone(banner, path)
            self.assertIn("Breaking News", banner)
            self.assertIn(newer.get_absolute_url(), banner)
            self.assertNotIn(older.headline, banner)

    def test_banner_disappears_by_itself_when_breaking_until_passes(self):
        until = timezone.now() + timedelta(minutes=30)
        make_post(headline="Storm warning", is_breaking=True, breaking_until=until)
        self.assertIn("Storm warning", self.banner_of("/"))
        with mock.patch("django.utils.timezone.now", return_value=until):
            self.assertIsNone(self.banner_of("/"))

    def test_draft_and_scheduled_breaking_posts_make_no_banner(self):
        make_post(headline="Draft alert", is_breaking=True, status=Post.Status.DRAFT)
        make_post(
            headline="Embargoed alert",
            is_breaking=True,
            published_at=timezone.now() + timedelta(hours=1),
        )
        self.assertIsNone(self.banner_of("/"))
