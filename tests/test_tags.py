from django.contrib.auth.models import User
from django.test import SimpleTestCase, TestCase
from django.urls import reverse
from taggit.models import Tag

from blog.models import Post
from blog.tags import parse_tags

from .builders import change_form, make_author, make_blog, make_post, make_user
from .test_admin import post_form

SUGGESTIONS_URL = reverse("admin:blog_post_tag_suggestions")


class ParseTagsTests(SimpleTestCase):
    def test_commas_separate_tags_and_spaces_do_not(self):
        cases = {
            "Kestrel Bay": ["Kestrel Bay"],
            "Kestrel Bay, Floods": ["Floods", "Kestrel Bay"],
            "  Kestrel   Bay ,, Floods , ": ["Floods", "Kestrel Bay"],
            '"Smith, John", Floods': ["Floods", "Smith, John"],
            '"Kestrel Bay": one tag, with the quote left open': [
                "Kestrel Bay: one tag",
                "with the quote left open",
            ],
            '"Kestrel Bay, unclosed': ["Kestrel Bay", "unclosed"],
            "Floods, floods, FLOODS": ["Floods"],
            "": [],
        }
        for text, names in cases.items():
            with self.subTest(text):
                self.assertEqual(parse_tags(text), names)


class TagsFieldTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor", "Editors")
        cls.blog = make_blog()
        cls.author = make_author()

    def setUp(self):
        self.client.force_login(self.editor)

    def test_a_place_name_typed_without_commas_is_one_tag(self):
        data = post_form(self.blog, self.author, tags="Kestrel Bay")
        self.assertEqual(self.client.post(reverse("admin:blog_post_add"), data).status_code, 302)
        self.assertEqual(list(Post.objects.get().tags.names()), ["Kestrel Bay"])

    def test_tags_come_back_as_typed_and_save_unchanged(self):
        post = make_post(blog=self.blog, authors=[self.author], tags=["Kestrel Bay", "Smith, John"])
        url = reverse("admin:blog_post_change", args=[post.pk])
        self.assertContains(self.client.get(url), 'value="Kestrel Bay, &quot;Smith, John&quot;"')
        response = self.client.post(url, change_form(post, tags='Kestrel Bay, "Smith, John"'))
        self.assertEqual(response.status_code, 302)
        self.assertEqual(sorted(post.tags.names()), ["Kestrel Bay", "Smith, John"])

    def test_another_case_finds_the_existing_tag(self):
        make_post(blog=self.blog, tags=["Kestrel Bay"])
        data = post_form(self.blog, self.author, tags="kestrel bay")
        self.client.post(reverse("admin:blog_post_add"), data)
        self.assertEqual(Tag.objects.count(), 1)
        self.assertEqual(list(Post.objects.latest("pk").tags.names()), ["Kestrel Bay"])

    def test_the_form_says_how_to_separate_tags_and_offers_suggestions(self):
        response = self.client.get(reverse("admin:blog_post_add"))
        self.assertContains(response, "Separate tags with commas")
        self.assertContains(response, f'data-suggestions-url="{SUGGESTIONS_URL}"')


class TagSuggestionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_post(tags=["Kestrel Bay", "Floods"])
        make_post(tags=["Kestrel Bay", "Bay Bridge"])
        make_post(tags=["Kestrels"])

    def test_staff_get_matching_tags_most_used_first(self):
        self.client.force_login(make_user("writer", "Authors"))
        response = self.client.get(SUGGESTIONS_URL, {"q": "kestrel"})
        self.assertEqual(response.json(), {"tags": ["Kestrel Bay", "Kestrels"]})
        self.assertEqual(
            self.client.get(SUGGESTIONS_URL, {"q": "bay"}).json()["tags"][0], "Kestrel Bay"
        )
        self.assertEqual(self.client.get(SUGGESTIONS_URL, {"q": " "}).json(), {"tags": []})

    def test_nobody_else_gets_any(self):
        response = self.client.get(SUGGESTIONS_URL, {"q": "kestrel"})
        self.assertEqual(response.status_code, 302)
        self.client.force_login(User.objects.create_user("reader"))
        response = self.client.get(SUGGESTIONS_URL, {"q": "kestrel"})
        self.assertEqual(response.status_code, 302)
        self.client.force_login(User.objects.create_user("staff_without_posts", is_staff=True))
        response = self.client.get(SUGGESTIONS_URL, {"q": "kestrel"})
        self.assertEqual(response.status_code, 403)
