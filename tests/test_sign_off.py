from django.test import TestCase
from django.urls import reverse

from .builders import make_author, make_post, make_user


class SignOffTests(TestCase):
    """The post page ends with the byline's sign-off, once, whatever the body ends with."""

    @classmethod
    def setUpTestData(cls):
        cls.ann = make_author(name="Ann Smith")
        cls.bob = make_author(name="Bob Jones")

    def sign_offs(self, body, authors):
        post = make_post(authors=authors, body=body)
        page = self.client.get(post.get_absolute_url()).content.decode()
        return page.count('class="sign-off"')

    def test_the_page_adds_the_sign_off(self):
        self.assertEqual(self.sign_offs("The vote was 7 to 2.", [self.ann]), 1)

    def test_a_body_that_signs_off_itself_is_not_signed_again(self):
        for ending, authors in [
            ("-- Ann Smith", [self.ann]),
            ("— Ann Smith", [self.ann]),
            ("–ann smith.", [self.ann]),
            ("--- Ann Smith and Bob Jones", [self.ann, self.bob]),
            ("— Bob Jones & Ann Smith", [self.ann, self.bob]),
            ("-- Ann Smith", [self.ann, self.bob]),
        ]:
            with self.subTest(ending):
                self.assertEqual(self.sign_offs(f"The vote was 7 to 2.\n\n{ending}\n", authors), 0)

    def test_a_typed_sign_off_with_any_name_is_not_followed_by_the_automatic_one(self):
        for ending in [
            "— Callum Reid, Kestrel Bay",
            "-- Callum Reid in Kestrel Bay",
            "--The Climate Desk",
        ]:
            with self.subTest(ending):
                self.assertEqual(self.sign_offs(f"The vote was 7 to 2.\n\n{ending}", [self.ann]), 0)

    def test_a_closing_rule_or_a_dash_alone_is_no_sign_off(self):
        for ending in ["---", "-- 2", "— …"]:
            with self.subTest(ending):
                self.assertEqual(self.sign_offs(f"The vote was 7 to 2.\n\n{ending}", [self.ann]), 1)

    def test_the_form_says_how_to_sign_off_yourself(self):
        self.client.force_login(make_user("editor", "Editors"))
        response = self.client.get(reverse("admin:blog_post_add"))
        self.assertContains(response, "unless the last line is a sign-off of your own")

    def test_a_quote_ending_with_someone_elses_name_keeps_the_sign_off(self):
        body = "> We shall fight on the beaches.\n\n— Winston Churchill"
        self.assertEqual(self.sign_offs(body, [self.ann]), 1)
        self.assertEqual(self.sign_offs("Ann Smith reported.", [self.ann]), 1)

    def test_the_form_says_the_sign_off_is_added(self):
        self.client.force_login(make_user("editor", "Editors"))
        response = self.client.get(reverse("admin:blog_post_add"))
        self.assertContains(response, "The sign-off “— Ann Smith” is added at the end")
        post = make_post(authors=[self.ann, self.bob])
        response = self.client.get(reverse("admin:blog_post_change", args=[post.pk]))
        self.assertContains(response, "The sign-off “— Ann Smith and Bob Jones” is added")
