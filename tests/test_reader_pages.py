from datetime import timedelta

from django.test import TestCase

from blog.models import Post

from .builders import image_upload, make_author, make_blog, make_post


class ReaderPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.blog = make_blog(name="Climate Desk", about="Reporting on a warming world.")
        cls.ann = make_author(name="Ann Reporter", bio="Covers the climate.")
        cls.bob = make_author(name="Bob Writer")
        cls.post = make_post(
            blog=cls.blog,
            authors=[cls.ann, cls.bob],
            tags=["Floods"],
            headline="River bursts its banks",
            standfirst="Hundreds of homes are flooded.",
            body="First paragraph.\n\n> Water came up to the door, said a neighbour.",
            lead_image=image_upload(),
            lead_image_caption="The high street under water",
            lead_image_credit="Jo Photographer / Newsroom",
            lead_image_alt="Flooded street with parked cars",
        )
        cls.other = make_post(blog=cls.blog, authors=[cls.ann], headline="Drought ends")

    def test_home_lists_the_latest_posts_across_blogs(self):
        elsewhere = make_post(headline="Election result")
        response = self.client.get("/")
        self.assertContains(response, "River bursts its banks")
        self.assertContains(response, "Election result")
        self.assertContains(response, elsewhere.blog.name)

    def test_post_card_shows_headline_standfirst_blog_byline_date_and_thumbnail(self):
        response = self.client.get("/")
        cards = response.content.decode().split('<article class="card">')[1:]
        card = next(card for card in cards if "River bursts its banks" in card)
        for expected in [
            "River bursts its banks",
            "Hundreds of homes are flooded.",
            "Climate Desk",
            "Ann Reporter and Bob Writer",
            "<time datetime=",
            "<picture>",
        ]:
            self.assertIn(expected, card)

    def test_post_page_follows_the_reference_order(self):
        content = self.client.get(self.post.get_absolute_url()).content.decode()
        landmarks = [
            "Skip to main content",
            "Breaking News" if "Breaking News" in content else "<main",
            "<h1>River bursts its banks</h1>",
            '<p class="standfirst">Hundreds of homes are flooded.</p>',
            'class="byline"',
            "<figure",
            "The high street under water",
            "Jo Photographer / Newsroom",
            "<blockquote>",
            "— Ann Reporter and Bob Writer",
            'rel="tag">Floods</a>',
            "About This Blog",
            "Reporting on a warming world.",
            "Latest Posts",
            "Drought ends",
        ]
        positions = [content.index(marker) for marker in landmarks]
        self.assertEqual(positions, sorted(positions))

    def test_post_page_lead_image_has_alt_text_and_dimensions(self):
        response = self.client.get(self.post.get_absolute_url())
        self.assertContains(response, 'alt="Flooded street with parked cars"')
        self.assertContains(response, 'width="640" height="360"')

    def test_sign_off_for_a_single_author(self):
        response = self.client.get(self.other.get_absolute_url())
        self.assertContains(response, "— Ann Reporter</p>")

    def test_every_page_has_skip_links_landmarks_lang_and_one_h1(self):
        pages = [
            "/",
            self.blog.get_absolute_url(),
            self.post.get_absolute_url(),
            "/tags/floods/",
            self.ann.get_absolute_url(),
        ]
        for path in pages:
            content = self.client.get(path).content.decode()
            with self.subTest(path=path):
                self.assertIn('<html lang="en-gb">', content)
                self.assertIn('href="#main"', content)
                self.assertIn('href="#site-nav"', content)
                for landmark in ["<header", "<nav", '<main id="main"', "<aside", "<footer"]:
                    self.assertIn(landmark, content)
                self.assertEqual(content.count("<h1"), 1)

    def test_blog_page_shows_its_posts_and_about_this_blog(self):
        other_blog_post = make_post(headline="Not in this blog")
        response = self.client.get(self.blog.get_absolute_url())
        self.assertContains(response, "River bursts its banks")
        self.assertContains(response, "About This Blog")
        self.assertContains(response, "Reporting on a warming world.")
        self.assertNotContains(response, other_blog_post.headline)

    def test_tag_page_lists_posts_with_the_tag(self):
        response = self.client.get("/tags/floods/")
        self.assertContains(response, "River bursts its banks")
        self.assertNotContains(response, "Drought ends")

    def test_author_page_shows_bio_and_their_posts(self):
        response = self.client.get(self.bob.get_absolute_url())
        self.assertContains(response, "<h1>Bob Writer</h1>")
        self.assertContains(response, "River bursts its banks")
        self.assertNotContains(response, "Drought ends")
        self.assertContains(self.client.get(self.ann.get_absolute_url()), "Covers the climate.")

    def test_unknown_blog_tag_author_and_post_answer_404(self):
        for path in [
            "/blogs/nope/",
            "/tags/nope/",
            "/authors/nope/",
            f"/blogs/{self.blog.slug}/nope/",
            f"/blogs/nope/{self.post.slug}/",
        ]:
            self.assertEqual(self.client.get(path).status_code, 404, path)

    def test_updated_time_is_shown_only_when_it_differs(self):
        response = self.client.get(self.post.get_absolute_url())
        self.assertNotContains(response, "Updated")
        Post.objects.filter(pk=self.post.pk).update(
            text_changed_at=self.post.published_at + timedelta(hours=3)
        )
        self.assertContains(self.client.get(self.post.get_absolute_url()), "Updated")
