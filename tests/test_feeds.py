from datetime import timedelta
from urllib.parse import urljoin

import feedparser
from django.core.files.storage import default_storage
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from blog.images import make_renditions, rendition_name
from blog.models import Post

from .builders import image_upload, make_author, make_blog, make_post
from .pages import page_head
from .s3 import S3StorageMixin


def feed_urls(blog, tag_slug, author):
    for feed_format in ("rss", "atom"):
        yield reverse("blog:latest_feed", kwargs={"feed_format": feed_format})
        yield reverse("blog:blog_feed", kwargs={"slug": blog.slug, "feed_format": feed_format})
        yield reverse("blog:tag_feed", kwargs={"slug": tag_slug, "feed_format": feed_format})
        yield reverse("blog:author_feed", kwargs={"slug": author.slug, "feed_format": feed_format})


class FeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.blog = make_blog(name="Climate Desk", tagline="Weather and climate")
        cls.ann = make_author(name="Ann Reporter")
        cls.bob = make_author(name="Bob Writer")
        cls.post = make_post(
            blog=cls.blog,
            authors=[cls.ann, cls.bob],
            tags=["Floods", "Rivers"],
            headline="River bursts its banks",
            standfirst="Hundreds of homes are flooded.",
            body="First paragraph.\n\n> Water came up to the door.",
            lead_image=image_upload(size=(1600, 900)),
            lead_image_alt="Flooded street",
        )
        make_renditions(cls.post.lead_image)
        cls.draft = make_post(
            blog=cls.blog,
            authors=[cls.ann],
            tags=["Floods"],
            headline="Draft about floods",
            status=Post.Status.DRAFT,
            published_at=None,
        )
        cls.embargoed = make_post(
            blog=cls.blog,
            authors=[cls.ann],
            tags=["Floods"],
            headline="Embargoed flood report",
            published_at=timezone.now() + timedelta(hours=2),
        )
        cls.elsewhere = make_post(headline="Election result", authors=[cls.bob])

    def parse(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        parsed = feedparser.parse(response.content)
        self.assertEqual(parsed.bozo, 0, f"{url}: {parsed.get('bozo_exception')}")
        return parsed

    def titles(self, url):
        return [entry.title for entry in self.parse(url).entries]

    def test_every_feed_parses_in_a_feed_reader_and_holds_only_public_posts(self):
        for url in feed_urls(self.blog, "floods", self.ann):
            with self.subTest(url=url):
                titles = self.titles(url)
                self.assertIn("River bursts its banks", titles)
                self.assertNotIn("Draft about floods", titles)
                self.assertNotIn("Embargoed flood report", titles)

    def test_blog_tag_and_author_feeds_hold_only_their_posts(self):
        self.assertNotIn("Election result", self.titles(f"/blogs/{self.blog.slug}/feeds/rss/"))
        self.assertNotIn("Election result", self.titles("/tags/floods/feeds/atom/"))
        self.assertNotIn("Election result", self.titles(f"/authors/{self.ann.slug}/feeds/rss/"))
        self.assertIn("Election result", self.titles(f"/authors/{self.bob.slug}/feeds/rss/"))
        self.assertIn("Election result", self.titles("/feeds/rss/"))

    def test_rss_item_has_summary_full_content_authors_tags_dates_image_and_id(self):
        parsed = self.parse("/feeds/rss/")
        self.assertEqual(parsed.version, "rss20")
        entry = next(e for e in parsed.entries if e.title == "River bursts its banks")
        self.assertEqual(entry.link, f"http://testserver{self.post.get_absolute_url()}")
        self.assertEqual(entry.summary, "Hundreds of homes are flooded.")
        self.assertIn("<blockquote>", entry.content[0].value)
        self.assertIn("Water came up to the door.", entry.content[0].value)
        self.assertEqual([a.name for a in entry.authors], ["Ann Reporter", "Bob Writer"])
        self.assertEqual(sorted(t.term for t in entry.tags), ["Floods", "Rivers"])
        self.assertIsNotNone(entry.published_parsed)
        enclosure = entry.enclosures[0]
        large = rendition_name(self.post.lead_image.name, 1200, "jpg")
        self.assertEqual(enclosure.href, urljoin("http://testserver/", default_storage.url(large)))
        self.assertEqual(enclosure.type, "image/jpeg")
        self.assertEqual(int(enclosure.length), self.post.lead_image.storage.size(large))
        self.assertLess(int(enclosure.length), self.post.lead_image.size)
        self.assertTrue(entry.id.startswith("tag:testserver,"))
        self.assertFalse(entry.guidislink)

    def test_atom_entry_has_every_author_with_their_page_content_and_update_time(self):
        parsed = self.parse("/feeds/atom/")
        self.assertEqual(parsed.version, "atom10")
        entry = next(e for e in parsed.entries if e.title == "River bursts its banks")
        self.assertEqual(
            [(a.name, a.href) for a in entry.authors],
            [
                ("Ann Reporter", f"http://testserver{self.ann.get_absolute_url()}"),
                ("Bob Writer", f"http://testserver{self.bob.get_absolute_url()}"),
            ],
        )
        self.assertEqual(entry.summary, "Hundreds of homes are flooded.")
        self.assertIn("<blockquote>", entry.content[0].value)
        self.assertIsNotNone(entry.published_parsed)
        self.assertIsNotNone(entry.updated_parsed)
        self.assertEqual(entry.enclosures[0].type, "image/jpeg")

    def test_item_id_survives_a_new_headline_slug_and_blog(self):
        entries = self.parse("/feeds/atom/").entries
        before = next(e.id for e in entries if e.title == "River bursts its banks")
        self.assertIn(f"post-{self.post.pk}", before)
        moved = make_blog()
        Post.objects.filter(pk=self.post.pk).update(
            headline="River bursts its banks again", slug="river-again", blog=moved
        )
        entry = next(e for e in self.parse("/feeds/atom/").entries if "again" in e.title)
        self.assertEqual(entry.id, before)

    def test_without_renditions_the_enclosure_is_the_original_upload(self):
        post = make_post(
            blog=self.blog,
            lead_image=image_upload(name="chart.png", image_format="PNG"),
            lead_image_alt="A chart",
        )
        entry = next(e for e in self.parse("/feeds/rss/").entries if e.title == post.headline)
        enclosure = entry.enclosures[0]
        self.assertEqual(enclosure.href, urljoin("http://testserver/", post.lead_image.url))
        self.assertEqual(enclosure.type, "image/png")
        self.assertEqual(int(enclosure.length), post.lead_image.size)

    def test_a_missing_image_file_still_gives_a_feed(self):
        post = make_post(blog=self.blog, lead_image=image_upload(), lead_image_alt="Gone")
        post.lead_image.storage.delete(post.lead_image.name)
        entry = next(e for e in self.parse("/feeds/rss/").entries if e.title == post.headline)
        self.assertEqual(entry.enclosures[0].length, "0")

    def test_unknown_blog_tag_author_or_format_is_not_found(self):
        for url in [
            "/blogs/nope/feeds/rss/",
            "/tags/nope/feeds/rss/",
            "/authors/nope/feeds/atom/",
            "/feeds/json/",
        ]:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 404)

    def test_feeds_answer_conditional_requests_with_not_modified(self):
        response = self.client.get("/feeds/rss/")
        self.assertTrue(response.has_header("ETag"))
        self.assertTrue(response.has_header("Last-Modified"))
        by_etag = self.client.get("/feeds/rss/", headers={"if-none-match": response["ETag"]})
        self.assertEqual(by_etag.status_code, 304)
        by_date = self.client.get(
            "/feeds/atom/", headers={"if-modified-since": response["Last-Modified"]}
        )
        self.assertEqual(by_date.status_code, 304)

    def test_feed_changes_when_a_post_goes_live(self):
        etag = self.client.get("/feeds/rss/")["ETag"]
        Post.objects.filter(pk=self.embargoed.pk).update(
            published_at=timezone.now() - timedelta(minutes=1)
        )
        response = self.client.get("/feeds/rss/", headers={"if-none-match": etag})
        self.assertEqual(response.status_code, 200)
        self.assertIn("Embargoed flood report", response.content.decode())

    def test_query_count_stays_flat_as_posts_grow(self):
        def count(url):
            with CaptureQueriesContext(connection) as queries:
                self.assertEqual(self.client.get(url).status_code, 200)
            return len(queries)

        urls = list(feed_urls(self.blog, "floods", self.ann))
        before = [count(url) for url in urls]
        for _ in range(5):
            make_post(blog=self.blog, authors=[self.ann, make_author()], tags=["Floods", "X"])
        self.assertEqual([count(url) for url in urls], before)
        self.assertLessEqual(max(before), 4)

    def test_pages_link_their_feeds_for_autodiscovery(self):
        pages = {
            "/": "/feeds/rss/",
            self.blog.get_absolute_url(): f"/blogs/{self.blog.slug}/feeds/rss/",
            self.post.get_absolute_url(): f"/blogs/{self.blog.slug}/feeds/atom/",
            "/tags/floods/": "/tags/floods/feeds/rss/",
            self.ann.get_absolute_url(): f"/authors/{self.ann.slug}/feeds/atom/",
        }
        for page, feed in pages.items():
            with self.subTest(page=page):
                alternates = page_head(self.client.get(page)).links["alternate"]
                hrefs = {link["href"]: link["type"] for link in alternates}
                self.assertIn(feed, hrefs)
                self.assertIn("/feeds/atom/", hrefs)
                self.assertIn(hrefs[feed], {"application/rss+xml", "application/atom+xml"})
                self.parse(feed)


class FeedOnObjectStorageTests(S3StorageMixin, FeedTests):
    """The same feeds with photos in an S3 bucket (tests/s3.py)."""
