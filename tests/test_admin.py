from io import StringIO

from django.contrib.auth.models import Group, User
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse

from blog.images import rendition_name
from blog.models import Post

from .builders import image_upload, make_author, make_blog, make_post


def post_form(blog, author, **overrides):
    data = {
        "blog": blog.pk,
        "headline": "Council approves new bridge",
        "slug": "council-approves-new-bridge",
        "standfirst": "Work starts in spring.",
        "body": "The vote was 7 to 2.",
        "tags": "Transport, Council",
        "lead_image_caption": "",
        "lead_image_credit": "",
        "lead_image_alt": "",
        "lead_image_focus_x": "50",
        "lead_image_focus_y": "50",
        "status": "published",
        "published_at_0": "",
        "published_at_1": "",
        "breaking_until_0": "",
        "breaking_until_1": "",
        "bylines-TOTAL_FORMS": "1",
        "bylines-INITIAL_FORMS": "0",
        "bylines-MIN_NUM_FORMS": "1",
        "bylines-MAX_NUM_FORMS": "1000",
        "bylines-0-author": author.pk,
        "bylines-0-position": "0",
        "corrections-TOTAL_FORMS": "0",
        "corrections-INITIAL_FORMS": "0",
        "corrections-MIN_NUM_FORMS": "0",
        "corrections-MAX_NUM_FORMS": "1000",
    }
    return {**data, **overrides}


class EditorAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.blog = make_blog(name="City Desk")
        cls.author = make_author(name="Dana Reporter")
        cls.editor = User.objects.create_user("editor", is_staff=True)
        cls.editor.groups.add(Group.objects.get(name="Editors"))

    def setUp(self):
        self.client.force_login(self.editor)

    def test_editor_writes_a_post_that_appears_on_the_site(self):
        response = self.client.post(
            reverse("admin:blog_post_add"), post_form(self.blog, self.author)
        )
        self.assertEqual(response.status_code, 302)
        post = Post.objects.get(slug="council-approves-new-bridge")
        self.assertEqual(post.byline, "Dana Reporter")
        self.assertEqual(sorted(post.tags.names()), ["Council", "Transport"])
        self.client.logout()
        self.assertContains(self.client.get("/"), "Council approves new bridge")
        self.assertContains(self.client.get(post.get_absolute_url()), "— Dana Reporter")

    def test_lead_image_upload_makes_renditions_and_a_thumbnail(self):
        data = post_form(
            self.blog,
            self.author,
            lead_image=image_upload(size=(1000, 500)),
            lead_image_alt="A bridge over a river",
            lead_image_caption="The old bridge",
            lead_image_credit="Ann Photo / Agency",
        )
        self.client.post(reverse("admin:blog_post_add"), data)
        post = Post.objects.get(slug="council-approves-new-bridge")
        changelist = self.client.get(reverse("admin:blog_post_changelist"))
        self.assertContains(changelist, "-400.jpg")
        page = self.client.get(post.get_absolute_url())
        self.assertContains(page, "-1000.webp 1000w")

    def test_missing_alt_text_is_explained_and_the_typed_text_is_kept(self):
        data = post_form(self.blog, self.author, lead_image=image_upload())
        response = self.client.post(reverse("admin:blog_post_add"), data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Describe the lead image")
        self.assertContains(response, "Council approves new bridge")
        self.assertContains(response, "The vote was 7 to 2.")
        self.assertFalse(Post.objects.exists())

    def test_duplicate_slug_in_the_same_blog_is_a_form_error(self):
        make_post(blog=self.blog, slug="council-approves-new-bridge")
        response = self.client.post(
            reverse("admin:blog_post_add"), post_form(self.blog, self.author)
        )
        self.assertContains(response, "already has a post with this slug")

    def test_a_byline_is_required(self):
        data = post_form(self.blog, self.author, **{"bylines-0-author": ""})
        response = self.client.post(reverse("admin:blog_post_add"), data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Post.objects.exists())

    def test_changelist_shows_filters_and_searches(self):
        make_post(blog=self.blog, headline="Findable", authors=[self.author], tags=["Weather"])
        url = reverse("admin:blog_post_changelist")
        response = self.client.get(url)
        for text in ["City Desk", "Dana Reporter", "Weather", "Publish now", "Flag as breaking"]:
            self.assertContains(response, text)
        self.assertContains(self.client.get(url, {"q": "Findable"}), "Findable")
        self.assertContains(self.client.get(url, {"tag": "weather"}), "Findable")

    def test_actions_publish_unpublish_and_flag_breaking(self):
        draft = make_post(blog=self.blog, status=Post.Status.DRAFT, published_at=None)
        url = reverse("admin:blog_post_changelist")

        def act(action):
            self.client.post(url, {"action": action, "_selected_action": [draft.pk]})
            draft.refresh_from_db()

        act("publish_now")
        self.assertTrue(draft.is_published)
        act("flag_breaking")
        self.assertTrue(draft.is_breaking)
        act("clear_breaking")
        self.assertFalse(draft.is_breaking)
        act("unpublish")
        self.assertEqual(draft.status, Post.Status.DRAFT)

    def test_view_on_site_opens_a_draft_as_a_preview(self):
        draft = make_post(blog=self.blog, status=Post.Status.DRAFT, published_at=None)
        change_page = self.client.get(reverse("admin:blog_post_change", args=[draft.pk]))
        self.assertContains(change_page, "View on site")
        response = self.client.get(draft.get_absolute_url())
        self.assertContains(response, "Preview, not public")

    def test_author_picker_uses_autocomplete(self):
        response = self.client.get(reverse("admin:blog_post_add"))
        self.assertContains(response, "admin-autocomplete")
        results = self.client.get(
            reverse("admin:autocomplete"),
            {"app_label": "blog", "model_name": "byline", "field_name": "author", "term": "Dana"},
        )
        self.assertEqual(results.json()["results"][0]["text"], "Dana Reporter")


class RebuildRenditionsTests(TestCase):
    def test_missing_renditions_are_rebuilt_by_the_command(self):
        post = make_post(lead_image=image_upload(size=(500, 300)), lead_image_alt="A photo")
        name = rendition_name(post.lead_image.name, 400, "webp")
        self.assertFalse(default_storage.exists(name))
        output = StringIO()
        call_command("rebuild_renditions", stdout=output)
        self.assertTrue(default_storage.exists(name))
        self.assertIn("Rebuilt renditions for 1 image(s); 0 failed.", output.getvalue())


class PublishNowTests(TestCase):
    def test_publish_now_leaves_the_time_of_live_posts_alone(self):
        editor = User.objects.create_user("editor", is_staff=True)
        editor.groups.add(Group.objects.get(name="Editors"))
        live = make_post()
        original_time = live.published_at
        self.client.force_login(editor)
        self.client.post(
            reverse("admin:blog_post_changelist"),
            {"action": "publish_now", "_selected_action": [live.pk]},
        )
        live.refresh_from_db()
        self.assertEqual(live.published_at, original_time)
