import feedparser
from django.test import SimpleTestCase, TestCase

from blog.markup import render_markdown, smarten

from .builders import make_post
from .pages import page_head


class SmartenTests(SimpleTestCase):
    def test_quotes_apostrophes_dashes_and_ellipses_become_typographic(self):
        cases = {
            '"Quotes" here': "“Quotes” here",
            "'Single' quotes": "‘Single’ quotes",
            "It's the '90s": "It’s the ’90s",
            "Pages 4--5": "Pages 4–5",
            "Wait---what": "Wait—what",
            "And then...": "And then…",
            '("Bracketed")': "(“Bracketed”)",
            "\"'Nested'\"": "“‘Nested’”",
        }
        for plain, typographic in cases.items():
            with self.subTest(plain=plain):
                self.assertEqual(smarten(plain), typographic)

    def test_text_without_quotes_or_dashes_is_unchanged(self):
        self.assertEqual(smarten("Tom & Jerry <b> - 5 > 4"), "Tom & Jerry <b> - 5 > 4")


class MarkdownTypographyTests(SimpleTestCase):
    def test_bodies_get_curly_quotes_and_dashes_but_code_keeps_straight_ones(self):
        html = render_markdown('"Yes," she said -- it\'s done...\n\n`x = "a"`')
        self.assertIn("“Yes,” she said – it’s done…", html)
        self.assertIn('<code>x = "a"</code>', html)

    def test_bodies_are_still_sanitized(self):
        html = render_markdown('"Hi" <script>alert("x")</script> [a](javascript:alert(1))')
        self.assertIn("“Hi”", html)
        self.assertNotIn("<script", html)
        self.assertNotIn("javascript:", html)


class TypographyOnPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.post = make_post(
            headline='Tom & "Jerry" -- it\'s <b>back</b>...',
            standfirst='The "cat" returns --- again.',
        )
        make_post(blog=cls.post.blog, headline="A newer post leads the home page")

    def test_headline_and_standfirst_are_typographic_and_escaped_once(self):
        headline = "Tom &amp; “Jerry” – it’s &lt;b&gt;back&lt;/b&gt;…"
        standfirst = "The “cat” returns — again."
        for path in ["/", self.post.blog.get_absolute_url(), self.post.get_absolute_url()]:
            with self.subTest(path=path):
                content = self.client.get(path).content.decode()
                self.assertIn(headline, content)
                self.assertIn(standfirst, content)
                self.assertNotIn("&amp;amp;", content)
                self.assertNotIn("<b>back", content)
        post_page = self.client.get(self.post.get_absolute_url())
        self.assertContains(post_page, f"<h1>{headline}</h1>")
        self.assertContains(post_page, f"<title>{headline} – ")

    def test_search_results_show_curly_quotes_in_headline_and_snippet(self):
        response = self.client.get("/search/", {"q": "jerry or cat"})
        [result] = response.context["page_obj"]
        self.assertIn(
            "“<mark>Jerry</mark>” – it’s &lt;b&gt;back&lt;/b&gt;…", result.marked_headline
        )
        self.assertIn("<mark>cat</mark>” returns — again.", result.snippet)

    def test_feed_item_titles_and_summaries_are_typographic(self):
        for feed_format in ("rss", "atom"):
            with self.subTest(feed_format=feed_format):
                feed = feedparser.parse(self.client.get(f"/feeds/{feed_format}/").content)
                [entry] = [entry for entry in feed.entries if "Jerry" in entry.title]
                self.assertIn("Tom & “Jerry” – it’s", entry.title)
                self.assertEqual(entry.summary, "The “cat” returns — again.")

    def test_json_ld_headline_and_breadcrumb_are_typographic(self):
        head = page_head(self.client.get(self.post.get_absolute_url()))
        headline = "Tom & “Jerry” – it’s <b>back</b>…"
        article = head.json_ld_of_type("NewsArticle")
        self.assertEqual(article["headline"], headline)
        self.assertEqual(article["description"], "The “cat” returns — again.")
        crumbs = head.json_ld_of_type("BreadcrumbList")["itemListElement"]
        self.assertEqual(crumbs[-1]["name"], headline)
