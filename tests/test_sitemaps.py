import re
from datetime import timedelta
from pathlib import Path
from unittest import mock
from urllib.parse import urlsplit
from xml.etree import ElementTree

from django.test import TestCase
from django.utils import timezone
from lxml import etree

from blog.models import Post
from blog.sitemaps import PostSitemap

from .builders import make_author, make_blog, make_post
from .pages import page_head

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
SCHEMAS = Path(__file__).parent / "schemas"
# W3C Datetime, as the sitemaps.org schema's lastmod requires.
W3C_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$")


def schema(name):
    """One of the sitemaps.org 0.9 schemas transcribed in tests/schemas/."""
    return etree.XMLSchema(etree.parse(SCHEMAS / f"{name}.xsd"))


class SchemaMixin:
    def assertValid(self, url, schema_name):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        checker = schema(schema_name)
        document = etree.fromstring(response.content)
        self.assertTrue(checker.validate(document), f"{url}: {checker.error_log}")


class SitemapTests(SchemaMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.blog = make_blog(name="Climate Desk")
        cls.empty_blog = make_blog(name="Nothing Yet")
        cls.ann = make_author(name="Ann Reporter")
        cls.idle = make_author(name="Idle Writer")
        cls.post = make_post(blog=cls.blog, authors=[cls.ann], tags=["Floods"])
        cls.old = make_post(
            blog=cls.blog,
            authors=[cls.ann],
            headline="Last year's flood",
            published_at=timezone.now() - timedelta(days=400),
        )
        cls.draft = make_post(
            blog=cls.empty_blog,
            authors=[cls.idle],
            tags=["Secret"],
            headline="Draft story",
            status=Post.Status.DRAFT,
            published_at=None,
        )
        cls.embargoed = make_post(
            blog=cls.empty_blog,
            authors=[cls.idle],
            tags=["Secret"],
            headline="Embargoed story",
            published_at=timezone.now() + timedelta(hours=3),
        )

    def xml(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        self.assertEqual(response["Content-Type"].split(";")[0], "application/xml")
        return ElementTree.fromstring(response.content)

    def path(self, url):
        parts = urlsplit(url)
        self.assertEqual((parts.scheme, parts.netloc), ("http", "testserver"))
        return f"{parts.path}?{parts.query}" if parts.query else parts.path

    def section_urls(self):
        index = self.xml("/sitemap.xml")
        self.assertEqual(index.tag, f"{{{NS['sm']}}}sitemapindex")
        sitemaps = index.findall("sm:sitemap", NS)
        for sitemap in sitemaps:
            self.assertEqual([child.tag.split("}")[1] for child in sitemap], ["loc", "lastmod"])
            self.assertRegex(sitemap.find("sm:lastmod", NS).text, W3C_DATETIME)
        return [self.path(sitemap.find("sm:loc", NS).text) for sitemap in sitemaps]

    def page_urls(self):
        urls = []
        for section in self.section_urls():
            urlset = self.xml(section)
            self.assertEqual(urlset.tag, f"{{{NS['sm']}}}urlset")
            for url in urlset.findall("sm:url", NS):
                self.assertLessEqual(len(url.find("sm:loc", NS).text), 2048)
                self.assertRegex(url.find("sm:lastmod", NS).text, W3C_DATETIME)
                urls.append(self.path(url.find("sm:loc", NS).text))
        return urls

    def test_index_lists_sections_for_posts_blogs_tags_and_authors(self):
        sections = self.section_urls()
        for name in ["posts", "blogs", "tags", "authors"]:
            self.assertIn(f"/sitemap-{name}.xml", sections)

    def test_every_url_answers_and_only_public_pages_are_listed(self):
        urls = self.page_urls()
        for url in urls:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)
        self.assertIn(self.post.get_absolute_url(), urls)
        self.assertIn(self.old.get_absolute_url(), urls)
        self.assertIn(self.blog.get_absolute_url(), urls)
        self.assertIn(self.ann.get_absolute_url(), urls)
        self.assertIn("/tags/floods/", urls)
        for hidden in [
            self.draft.get_absolute_url(),
            self.embargoed.get_absolute_url(),
            self.empty_blog.get_absolute_url(),
            self.idle.get_absolute_url(),
            "/tags/secret/",
        ]:
            self.assertNotIn(hidden, urls)

    def test_index_and_every_section_validate_against_the_sitemaps_org_schema(self):
        self.assertValid("/sitemap.xml", "siteindex")
        for section in self.section_urls():
            with self.subTest(section=section):
                self.assertValid(section, "sitemap")

    def test_the_schema_refuses_a_sitemap_that_breaks_it(self):
        broken = etree.fromstring(
            b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url>'
            b"<loc>http://example.com/</loc><lastmod>yesterday</lastmod><priority>2</priority>"
            b"</url></urlset>"
        )
        self.assertFalse(schema("sitemap").validate(broken))
        self.assertFalse(schema("siteindex").validate(broken))

    def test_post_lastmod_is_its_last_change(self):
        Post.objects.filter(pk=self.post.pk).update(updated_at=timezone.now())
        urlset = self.xml("/sitemap-posts.xml")
        lastmods = {
            self.path(url.find("sm:loc", NS).text): url.find("sm:lastmod", NS).text
            for url in urlset.findall("sm:url", NS)
        }
        self.assertGreater(
            lastmods[self.post.get_absolute_url()], lastmods[self.old.get_absolute_url()]
        )

    def test_large_sections_are_split_into_pages(self):
        with mock.patch.object(PostSitemap, "limit", 1):
            sections = self.section_urls()
            self.assertIn("/sitemap-posts.xml?p=2", sections)
            second = self.xml("/sitemap-posts.xml?p=2")
        self.assertEqual(len(second.findall("sm:url", NS)), 1)
        self.assertEqual(PostSitemap.limit, 50_000)

    def test_sitemaps_answer_conditional_requests(self):
        response = self.client.get("/sitemap-posts.xml")
        again = self.client.get("/sitemap-posts.xml", headers={"if-none-match": response["ETag"]})
        self.assertEqual(again.status_code, 304)

    def test_robots_txt_names_both_sitemaps(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        lines = response.content.decode().splitlines()
        self.assertIn("User-agent: *", lines)
        self.assertIn("Sitemap: http://testserver/sitemap.xml", lines)
        self.assertIn("Sitemap: http://testserver/sitemap-news.xml", lines)


class GoogleNewsSitemapTests(SchemaMixin, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.blog = make_blog()
        cls.fresh = make_post(blog=cls.blog, headline="Storm & floods <today>")
        cls.stale = make_post(
            blog=cls.blog,
            headline="Two days ago",
            published_at=timezone.now() - timedelta(hours=49),
        )
        cls.draft = make_post(
            blog=cls.blog, headline="Draft", status=Post.Status.DRAFT, published_at=None
        )
        cls.embargoed = make_post(
            blog=cls.blog, headline="Embargoed", published_at=timezone.now() + timedelta(hours=1)
        )

    def entries(self):
        response = self.client.get("/sitemap-news.xml")
        self.assertEqual(response.status_code, 200)
        urlset = ElementTree.fromstring(response.content)
        return {
            url.find("news:news/news:title", NS).text: url for url in urlset.findall("sm:url", NS)
        }

    def test_validates_against_the_sitemaps_org_schema(self):
        self.assertValid("/sitemap-news.xml", "sitemap")

    def test_lists_posts_of_the_last_48_hours_only(self):
        self.assertEqual(list(self.entries()), ["Storm & floods <today>"])

    def test_entry_names_the_publication_language_date_and_title(self):
        url = self.entries()["Storm & floods <today>"]
        self.assertEqual(
            url.find("sm:loc", NS).text, f"http://testserver{self.fresh.get_absolute_url()}"
        )
        self.assertEqual(url.find("news:news/news:publication/news:name", NS).text, "Newsroom")
        self.assertEqual(url.find("news:news/news:publication/news:language", NS).text, "en")
        date = url.find("news:news/news:publication_date", NS).text
        self.assertRegex(date, W3C_DATETIME)

    def test_publication_name_follows_the_site_name(self):
        with self.settings(NEWSROOM_SITE_NAME="The Daily Example"):
            url = self.entries()["Storm & floods <today>"]
        self.assertEqual(
            url.find("news:news/news:publication/news:name", NS).text, "The Daily Example"
        )


class RobotsMetaTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.blog = make_blog()
        cls.posts = [make_post(blog=cls.blog) for _ in range(21)]

    def robots(self, url):
        return page_head(self.client.get(url)).meta["robots"]

    def test_posts_allow_large_image_previews(self):
        self.assertEqual(self.robots(self.posts[0].get_absolute_url()), ["max-image-preview:large"])

    def test_first_pages_are_indexed_and_later_pages_are_not(self):
        for url in ["/", self.blog.get_absolute_url()]:
            with self.subTest(url=url):
                self.assertEqual(self.robots(url), [])
                self.assertEqual(self.robots(f"{url}?page=2"), ["noindex, follow"])

    def test_search_results_are_not_indexed(self):
        self.assertEqual(self.robots("/search/?q=headline"), ["noindex, follow"])
        self.assertEqual(self.robots("/search/"), ["noindex, follow"])
