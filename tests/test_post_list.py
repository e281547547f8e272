import re

from django.test import TestCase
from django.urls import reverse

from .builders import make_blog, make_post, make_user

LIST_URL = reverse("admin:blog_post_changelist")


def filter_titles(response):
    return re.findall(r'data-filter-title="([^"]+)"', response.content.decode())


class PostListTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor", "Editors")
        cls.writer = make_user("writer", "Authors", name="Wendy Writer", slug="wendy")
        blog = make_blog()
        make_post(blog=blog, authors=[cls.writer.author_profile], tags=["Kestrel Bay"])
        make_post(tags=["Elsewhere"], is_breaking=True, headline="Storm hits")

    def test_editors_filter_by_everything(self):
        self.client.force_login(self.editor)
        response = self.client.get(LIST_URL)
        self.assertEqual(
            filter_titles(response), ["publication", "blog", "breaking news", "authors", "tag"]
        )
        self.assertContains(response, "Elsewhere")

    def test_authors_see_only_the_filters_that_apply_to_their_posts(self):
        self.client.force_login(self.writer)
        response = self.client.get(LIST_URL)
        self.assertEqual(filter_titles(response), ["publication", "blog", "tag"])
        self.assertContains(response, "Kestrel Bay")
        self.assertNotContains(response, "Elsewhere")

    def test_the_state_column_says_breaking_and_there_are_six_columns(self):
        self.client.force_login(self.editor)
        response = self.client.get(LIST_URL)
        self.assertContains(response, 'Live <span class="breaking-flag">Breaking</span>')
        columns = re.findall(
            r'<th scope="col" class="[^"]*?(column-\w+)', response.content.decode()
        )
        self.assertEqual(
            columns,
            [
                "column-headline",
                "column-thumbnail",
                "column-state",
                "column-publication_time",
                "column-byline_names",
                "column-blog",
            ],
        )

    def test_the_admin_home_calls_the_tags_app_tags(self):
        self.client.force_login(self.editor)
        response = self.client.get(reverse("admin:index"))
        self.assertRegex(response.content.decode(), r'class="section"[^>]*>Tags</a>')
        self.assertNotContains(response, "Taggit")
