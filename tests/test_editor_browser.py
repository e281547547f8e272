"""The post admin as editors use it, in a real browser (Chromium with axe-core), at 375 and
1280 pixels wide. Skipped without Chromium, as tests/test_browser.py explains."""

import os
from io import BytesIO

from django.contrib.auth.models import Group, Permission
from django.test import override_settings
from django.urls import reverse
from PIL import Image

from blog.images import make_renditions
from blog.models import Photo, Post
from blog.roles import sync_role_groups

from .builders import image_upload, make_author, make_blog, make_post, make_user
from .test_browser import AXE_TAGS, WIDTHS, ChromiumTestCase

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

HEADLINE = "Council approves the new Kestrel Bay bridge after a decade of delays and objections"


def jpeg(size=(1200, 800)):
    buffer = BytesIO()
    Image.new("RGB", size, (30, 90, 160)).save(buffer, "JPEG")
    return {"name": "harbour.jpg", "mimeType": "image/jpeg", "buffer": buffer.getvalue()}


# The live server builds its middleware before per-test settings apply: plain HTTP from the
# start, and cookies a browser keeps over it.
@override_settings(
    SECURE_SSL_REDIRECT=False,
    SESSION_COOKIE_SECURE=False,
    CSRF_COOKIE_SECURE=False,
    ROOT_URLCONF="tests.urls_with_media",
)
class PostAdminInBrowserTests(ChromiumTestCase):
    def setUp(self):
        # Each test here empties the database, the role groups of the migrations with it.
        sync_role_groups(Group, Permission)
        self.editor = make_user("editor", "Editors", name="Ed Itor", slug="ed-itor")
        self.writer = make_user("writer", "Authors", name="Wendy Writer", slug="wendy")
        self.blog = make_blog(name="Climate Desk")
        make_blog(name="Politics Live")
        self.ann = make_author(name="Ann Smith")
        self.bob = make_author(name="Bob Jones")
        self.cy = make_author(name="Cy Young")
        for number in range(6):
            make_post(
                blog=self.blog,
                authors=[self.ann, self.bob],
                tags=["Floods"],
                headline=f"{HEADLINE}, part {number}",
                is_breaking=number == 0,
                lead_image=image_upload(size=(800, 450)),
                lead_image_alt="A bridge",
                lead_image_caption="The bridge",
                lead_image_credit="Jo Photo",
            )
        make_post(blog=self.blog, authors=[self.writer.author_profile], headline="Wendy's story")
        self.draft = make_post(
            blog=self.blog,
            authors=[self.ann],
            headline="A draft with a square photo",
            status=Post.Status.DRAFT,
            published_at=None,
            lead_image=image_upload(size=(1000, 1000)),
            lead_image_alt="A square",
        )
        make_renditions(self.draft.lead_image)

    def open(self, user, path, width=1280):
        context = self.browser.new_context(viewport={"width": width, "height": 900})
        self.addCleanup(context.close)
        self.client.force_login(user)
        context.add_cookies(
            [
                {
                    "name": "sessionid",
                    "value": self.client.cookies["sessionid"].value,
                    "url": self.live_server_url,
                }
            ]
        )
        page = context.new_page()
        page.goto(f"{self.live_server_url}{path}")
        page.wait_for_load_state("load")
        return page

    def choose(self, page, select_id, text):
        """Pick text in one of the admin's autocomplete (Select2) boxes."""
        page.locator(f"#{select_id} + .select2 .select2-selection").click()
        page.locator(".select2-search__field").fill(text)
        page.locator(".select2-results__option", has_text=text).click()

    def problems(self, page, name):
        options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
        found = [
            f"{name}: {violation['id']}: {[node['target'] for node in violation['nodes']][:3]}"
            for violation in self.axe.run(page, options=options).response["violations"]
        ]
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            found.append(f"{name} scrolls sideways by {overflow}px")
        return found

    def test_post_pages_pass_axe_and_fit_at_both_widths(self):
        pages = [
            ("editor", self.editor, reverse("admin:blog_post_add")),
            ("editor", self.editor, reverse("admin:blog_post_change", args=[self.draft.pk])),
            ("editor", self.editor, reverse("admin:blog_post_changelist")),
            ("editor", self.editor, reverse("admin:index")),
            ("editor", self.editor, reverse("admin:blog_photo_add")),
            ("editor", self.editor, reverse("admin:blog_photo_changelist")),
            ("author", self.writer, reverse("admin:blog_post_add")),
            ("author", self.writer, reverse("admin:blog_post_changelist")),
        ]
        problems = []
        for width in WIDTHS:
            for role, user, path in pages:
                page = self.open(user, path, width)
                problems += self.problems(page, f"{path} as {role} at {width}px")
        self.assertEqual(problems, [], "\n".join(problems))

    def test_the_post_list_shows_every_column_and_headlines_in_two_lines_at_1280(self):
        page = self.open(self.editor, reverse("admin:blog_post_changelist"))
        results = page.locator("#changelist .results")
        self.assertLessEqual(
            results.evaluate("element => element.scrollWidth - element.clientWidth"), 0
        )
        byline = page.locator("td.field-byline_names", has_text="Ann Smith and Bob Jones").first
        self.assertTrue(byline.is_visible())
        self.assertLessEqual(
            byline.bounding_box()["x"] + byline.bounding_box()["width"],
            results.bounding_box()["x"] + results.bounding_box()["width"],
        )
        lines = page.eval_on_selector_all(
            "th.field-headline a", "links => links.map(link => link.getClientRects().length)"
        )
        self.assertEqual(len(lines), 8)
        self.assertLessEqual(max(lines), 2, lines)

    def test_an_editor_writes_and_publishes_with_preview_tags_and_byline_order(self):
        for width in WIDTHS:
            with self.subTest(width=width):
                page = self.open(self.editor, reverse("admin:blog_post_add"), width)
                headline = f"Kestrel Bay floods at {width}"
                self.choose(page, "id_blog", "Climate Desk")
                page.fill("#id_headline", headline)
                body = page.locator("#id_body")
                body.fill("The water rose **fast**.\n\n> It came in minutes, said a neighbour.")
                preview = page.locator(".markdown-preview-body")
                toggle = page.locator(".write-preview-toggle")
                if width < 1100:
                    # A phone has no room for both: Write and Preview take turns.
                    self.assertFalse(preview.is_visible())
                    toggle.get_by_role("button", name="Preview").click()
                else:
                    self.assertFalse(toggle.is_visible())
                preview.locator("strong", has_text="fast").wait_for()
                self.assertEqual(preview.locator("blockquote").count(), 1)
                if width < 1100:
                    toggle.get_by_role("button", name="Write").click()
                    self.assertFalse(preview.is_visible())
                # Room to write: a tall body, with the preview beside it on a laptop.
                self.assertGreater(body.bounding_box()["height"], 400)
                self.assertLess(page.locator("#id_standfirst").bounding_box()["height"], 100)
                if width == 1280:
                    self.assertGreater(body.bounding_box()["width"], 400)
                    self.assertGreater(preview.bounding_box()["x"], body.bounding_box()["x"] + 400)
                # Existing tags are offered as the last one is typed.
                page.locator("#id_tags").press_sequentially("Kestrel Bay, flo")
                page.wait_for_function(
                    "() => [...document.querySelectorAll('#id_tags-suggestions option')]"
                    ".some(option => option.value === 'Kestrel Bay, Floods')"
                )
                page.fill("#id_tags", "Kestrel Bay, Floods")
                # The editor's own name is in the byline; two more go above and between.
                self.assertEqual(
                    page.locator("#bylines-0 .select2-selection__rendered").inner_text(), "Ed Itor"
                )
                add = page.locator("#bylines-group .add-row a")
                add.click()
                self.choose(page, "id_bylines-1-author", "Ann Smith")
                add.click()
                self.choose(page, "id_bylines-2-author", "Bob Jones")
                up = page.locator("#bylines-2").get_by_role("button", name="Move up in the byline")
                up.click()
                up.click()
                add.click()
                self.choose(page, "id_bylines-3-author", "Cy Young")
                page.locator("#bylines-3 .inline-deletelink").click()
                page.get_by_role("button", name="Publish now").click()
                page.wait_for_url("**/admin/blog/post/")
                post = Post.objects.get(headline=headline)
                self.assertTrue(post.is_published)
                self.assertEqual(post.byline, "Bob Jones, Ed Itor and Ann Smith")
                self.assertEqual(sorted(post.tags.names()), ["Floods", "Kestrel Bay"])

    def test_the_focal_point_is_set_by_clicking_the_photo(self):
        for width, point in [(375, (50, 20)), (1280, (30, 80))]:
            with self.subTest(width=width):
                path = reverse("admin:blog_post_change", args=[self.draft.pk])
                page = self.open(self.editor, path, width)
                photo = page.locator(".focus-picker img")
                photo.scroll_into_view_if_needed()
                box = photo.bounding_box()
                photo.click(
                    position={
                        "x": box["width"] * point[0] / 100,
                        "y": box["height"] * point[1] / 100,
                    }
                )
                self.assertEqual(page.input_value("#id_lead_image_focus_x"), str(point[0]))
                self.assertEqual(page.input_value("#id_lead_image_focus_y"), str(point[1]))
                # The square photo's card crop: full width, 9/16 of the height, around the point.
                crop = page.locator(".focus-crop").bounding_box()
                self.assertAlmostEqual(crop["width"], box["width"], delta=2)
                self.assertAlmostEqual(crop["height"], box["height"] * 9 / 16, delta=2)
                self.assertLessEqual(crop["y"], box["y"] + box["height"] * point[1] / 100)
                self.assertGreaterEqual(
                    crop["y"] + crop["height"], box["y"] + box["height"] * point[1] / 100
                )
                page.get_by_role("button", name="Save draft").click()
                page.wait_for_url(f"**{path}")
                self.draft.refresh_from_db()
                self.assertEqual(
                    (self.draft.lead_image_focus_x, self.draft.lead_image_focus_y), point
                )

    def test_a_new_posts_photo_shows_with_its_focal_point_picker_before_any_save(self):
        for width, point in [(375, (70, 30)), (1280, (20, 60))]:
            with self.subTest(width=width):
                page = self.open(self.editor, reverse("admin:blog_post_add"), width)
                headline = f"Storm surge photo at {width}"
                self.choose(page, "id_blog", "Climate Desk")
                page.fill("#id_headline", headline)
                page.fill("#id_body", "The sea came over the harbour wall at noon.")
                page.set_input_files("#id_lead_image", jpeg())
                photo = page.locator(".chosen-photo .focus-picker img")
                photo.wait_for()
                page.wait_for_function(
                    "() => document.querySelector('.chosen-photo img').naturalWidth === 1200"
                )
                self.assertIn(
                    "Not saved yet: harbour.jpg", page.locator(".chosen-photo").inner_text()
                )
                photo.scroll_into_view_if_needed()
                box = photo.bounding_box()
                photo.click(
                    position={
                        "x": box["width"] * point[0] / 100,
                        "y": box["height"] * point[1] / 100,
                    }
                )
                self.assertEqual(page.input_value("#id_lead_image_focus_x"), str(point[0]))
                self.assertEqual(page.input_value("#id_lead_image_focus_y"), str(point[1]))
                self.assertTrue(page.locator(".chosen-photo .focus-crop").is_visible())
                self.assertEqual(self.problems(page, f"chosen photo at {width}px"), [])
                page.fill("#id_lead_image_alt", "Waves over the harbour wall")
                page.get_by_role("button", name="Save draft").click()
                page.wait_for_url("**/change/")
                post = Post.objects.get(headline=headline)
                self.assertTrue(post.lead_image)
                self.assertEqual((post.lead_image_focus_x, post.lead_image_focus_y), point)

    def test_a_library_photo_is_inserted_in_the_body_and_shows_in_the_preview(self):
        photo = Photo(caption="The harbour wall at noon", credit="Jo Photo", alt="Waves")
        photo.image.save("harbour.jpg", image_upload(size=(800, 600)), save=False)
        made = make_renditions(photo.image)
        photo.width, photo.height = made.width, made.height
        photo.save()
        for width in WIDTHS:
            with self.subTest(width=width):
                page = self.open(
                    self.editor, reverse("admin:blog_post_change", args=[self.draft.pk]), width
                )
                page.fill("#id_body", "The sea rose.\nThen it fell.")
                page.locator("#id_body").evaluate("body => body.setSelectionRange(13, 13)")
                page.get_by_text("Photos from the library").click()
                page.get_by_role("button", name=f"Insert {photo.code} in the body").click()
                self.assertEqual(
                    page.input_value("#id_body"), f"The sea rose.\n\n{photo.code}\n\nThen it fell."
                )
                if width < 1100:
                    page.get_by_role("button", name="Preview").click()
                figure = page.locator(".markdown-preview-body figure.body-figure")
                figure.wait_for()
                self.assertIn("The harbour wall at noon", figure.inner_text())
                self.assertEqual(self.problems(page, f"photo library at {width}px"), [])
                page.screenshot(path=f"/tmp/shots/photo-insert-{width}.png", full_page=True)

    def test_a_photo_survives_a_failed_publish(self):
        for width in WIDTHS:
            with self.subTest(width=width):
                page = self.open(self.editor, reverse("admin:blog_post_add"), width)
                headline = f"Harbour wall breached at {width}"
                self.choose(page, "id_blog", "Climate Desk")
                page.fill("#id_headline", headline)
                page.fill("#id_body", "The harbour wall gave way at noon.")
                page.locator("#bylines-group .add-row a").click()
                self.choose(page, "id_bylines-1-author", "Ann Smith")
                page.locator("#bylines-1").get_by_role(
                    "button", name="Move up in the byline"
                ).click()
                page.set_input_files("#id_lead_image", jpeg())
                page.fill("#id_lead_image_alt", "Waves over the harbour wall")
                page.get_by_role("button", name="Publish now").click()
                page.wait_for_load_state("load")
                page.get_by_text("Add a caption before publishing").wait_for()
                kept = page.locator(".kept-upload")
                self.assertIn("Not saved yet: harbour.jpg", kept.inner_text())
                self.assertEqual(
                    page.locator(".focus-picker img").evaluate("img => img.naturalWidth"), 1200
                )
                self.assertEqual(self.problems(page, f"failed publish at {width}px"), [])
                # The byline keeps the order it was given.
                names = page.locator(
                    "#bylines-group .select2-selection__rendered"
                ).all_inner_texts()
                self.assertEqual(names, ["Ann Smith", "Ed Itor"])
                page.fill("#id_lead_image_caption", "The harbour at noon")
                page.fill("#id_lead_image_credit", "Jo Photo / Newsroom")
                page.get_by_role("button", name="Publish now").click()
                page.wait_for_url("**/admin/blog/post/")
                post = Post.objects.get(headline=headline)
                self.assertTrue(post.is_published)
                self.assertEqual((post.lead_image_width, post.lead_image_height), (1200, 800))
                self.assertEqual(post.byline, "Ann Smith and Ed Itor")
