from datetime import timedelta

from django.test import TestCase
from django.utils import timezone

from .builders import image_upload, make_blog, make_post
from .pages import card_headlines


def lead_of(response):
    """The lead story's HTML, or None."""
    content = response.content.decode()
    if '<article class="lead-story">' not in content:
        return None
    return content.split('<article class="lead-story">', 1)[1].split("</article>", 1)[0]


class HomePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.blog = make_blog()
        now = timezone.now()
        cls.older = make_post(
            blog=cls.blog, headline="Older story", published_at=now - timedelta(hours=3)
        )
        cls.newest = make_post(
            blog=cls.blog,
            headline="Newest story",
            standfirst="What happened, in a sentence.",
            lead_image=image_upload(),
            lead_image_alt="A bridge at night",
            published_at=now - timedelta(hours=1),
        )

    def test_the_newest_post_leads_with_picture_headline_and_standfirst(self):
        response = self.client.get("/")
        lead = lead_of(response)
        self.assertIn("Newest story", lead)
        self.assertIn("What happened, in a sentence.", lead)
        self.assertIn('alt="A bridge at night" loading="eager"', lead)
        self.assertEqual(card_headlines(response), ["Older story"])

    def test_the_breaking_post_in_the_banner_does_not_lead_the_next_one_does(self):
        breaking = make_post(blog=self.blog, headline="Breaking story", is_breaking=True)
        response = self.client.get("/")
        banner = response.content.decode().split('class="breaking"', 1)[1]
        self.assertIn(breaking.headline, banner.split("</section>", 1)[0])
        self.assertIn("Newest story", lead_of(response))
        self.assertEqual(card_headlines(response), ["Breaking story", "Older story"])

    def test_an_older_breaking_post_leaves_the_newest_in_the_lead(self):
        self.older.is_breaking = True
        self.older.save()
        self.assertIn("Newest story", lead_of(self.client.get("/")))

    def test_later_pages_and_other_lists_show_plain_cards_without_a_lead(self):
        for _ in range(20):
            make_post(blog=self.blog, published_at=timezone.now() - timedelta(days=2))
        second_page = self.client.get("/", {"page": 2})
        self.assertIsNone(lead_of(second_page))
        self.assertEqual(len(card_headlines(second_page)), 2)
        self.assertContains(second_page, "<h1>Latest news</h1>", html=True)
        self.assertIsNone(lead_of(self.client.get(self.blog.get_absolute_url())))

    def test_the_first_page_shows_twenty_posts_the_lead_and_nineteen_cards(self):
        for _ in range(20):
            make_post(blog=self.blog, published_at=timezone.now() - timedelta(days=2))
        response = self.client.get("/")
        self.assertIsNotNone(lead_of(response))
        self.assertEqual(len(card_headlines(response)), 19)

    def test_the_lead_and_the_cards_show_the_time_of_publication_not_only_the_day(self):
        response = self.client.get("/")
        for post, html in (
            (self.newest, lead_of(response)),
            (self.older, response.content.decode().split('<article class="card">', 1)[1]),
        ):
            published = timezone.localtime(post.published_at)
            shown = f"{published.day} {published:%B %Y}, {published:%H:%M}</time>"
            self.assertIn(shown, html)
