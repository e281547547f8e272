import re

from django.test import TestCase

from blog.markup import render_markdown

from .builders import make_post


class BodySanitizerTests(TestCase):
    def test_markdown_becomes_paragraphs_quotes_and_links(self):
        html = render_markdown("Hello *world*.\n\n> A quote.\n\n[Docs](https://example.org/)")
        self.assertIn("<em>world</em>", html)
        self.assertIn("<blockquote>", html)
        self.assertIn('href="https://example.org/"', html)

    def test_script_tags_are_removed(self):
        html = render_markdown("Before <script>alert('x')</script> after")
        self.assertNotIn("<script", html)
        self.assertNotIn("alert(", html)

    def test_event_handlers_and_javascript_links_are_removed(self):
        html = render_markdown(
            '<img src="x.png" onerror="alert(1)"> <a href="javascript:alert(2)">click</a>'
            "\n\n[md link](javascript:alert(3))"
        )
        self.assertNotIn("onerror", html)
        self.assertNotIn("javascript:", html)

    def test_styles_iframes_and_forms_are_removed(self):
        html = render_markdown(
            '<style>body{display:none}</style><iframe src="https://evil.example"></iframe>'
            '<form action="/x"><input name="a"></form><p style="color:red">text</p>'
        )
        for fragment in ("<style", "<iframe", "<form", "<input", "style="):
            self.assertNotIn(fragment, html)

    def test_post_page_renders_a_hostile_body_inert(self):
        post = make_post(body='Hi <script>steal()</script><img src=x onerror="steal()">')
        content = self.client.get(post.get_absolute_url()).content.decode()
        self.assertNotIn("steal()", content)
        # The only <script> elements are JSON-LD: data that browsers never run.
        scripts = re.findall(r"<script[^>]*>", content)
        self.assertEqual(set(scripts), {'<script type="application/ld+json">'})

    def test_headline_is_escaped(self):
        post = make_post(headline="<b>Bold</b> claim")
        response = self.client.get(post.get_absolute_url())
        self.assertContains(response, "&lt;b&gt;Bold&lt;/b&gt; claim")
