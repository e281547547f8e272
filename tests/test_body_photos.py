"""Photos in a post's body: uploaded to the photo library, placed with their code on a line
of their own, shown as figures; a changed caption or a deleted photo reaches the page."""

import html
import shutil
from datetime import timedelta

import feedparser
from django.core.files.storage import default_storage
from django.test import TestCase
from django.urls import reverse

from blog.body_photos import photo_code
from blog.images import delete_images, unused_images
from blog.models import Photo, Post
from live.models import Update

from .builders import image_upload, make_post, make_user
from .test_browser import require
from .test_live_coverage import vnu_errors
from .test_photos import pdf_named_jpg


def photo_data(**overrides):
    return {
        "image": image_upload("harbour.jpg", size=(1200, 800)),
        "caption": "The harbour wall at noon",
        "credit": "Jo Photo / Newsroom",
        "alt": "Waves breaking over the harbour wall",
        **overrides,
    }


class PhotoLibraryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor", "Editors")
        cls.author = make_user("author", "Authors", name="Bob Writer")

    def setUp(self):
        self.client.force_login(self.editor)

    def upload(self, **overrides):
        return self.client.post(reverse("admin:blog_photo_add"), photo_data(**overrides))

    def test_an_upload_is_stored_with_renditions_and_says_its_code(self):
        response = self.upload()
        photo = Photo.objects.get()
        self.assertRedirects(response, reverse("admin:blog_photo_change", args=[photo.pk]))
        self.assertEqual((photo.width, photo.height), (1200, 800))
        self.assertTrue(default_storage.exists(photo.image.name))
        stem = photo.image.name.rsplit(".", 1)[0]
        self.assertTrue(default_storage.exists(f"renditions/{stem}-800.webp"))
        page = self.client.get(reverse("admin:blog_photo_change", args=[photo.pk]))
        self.assertContains(page, photo_code(photo.pk))

    def test_a_file_that_is_not_a_picture_is_refused_and_what_was_typed_stays(self):
        response = self.upload(image=pdf_named_jpg())
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Photo.objects.exists())
        self.assertIn("image", response.context["adminform"].form.errors)
        self.assertContains(response, "The harbour wall at noon")

    def test_a_photo_without_alt_text_is_refused_and_the_upload_is_kept(self):
        response = self.upload(alt="")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'name="image-kept"')
        self.assertContains(response, "harbour.jpg")
        token = response.context["adminform"].form.data["image-kept"]
        again = self.client.post(
            reverse("admin:blog_photo_add"), {**photo_data(image=""), "image-kept": token}
        )
        self.assertEqual(again.status_code, 302)
        self.assertEqual(Photo.objects.get().width, 1200)

    def test_authors_add_photos_but_only_editors_change_what_pages_show(self):
        self.client.force_login(self.author)
        self.assertEqual(self.upload().status_code, 302)
        photo = Photo.objects.get()
        change = reverse("admin:blog_photo_change", args=[photo.pk])
        self.client.post(change, {"caption": "Changed by an author", "credit": "X", "alt": "Y"})
        self.assertEqual(Photo.objects.get().caption, "The harbour wall at noon")
        self.client.force_login(self.editor)
        self.client.post(change, {"caption": "The wall at noon", "credit": "X", "alt": "Y"})
        self.assertEqual(Photo.objects.get().caption, "The wall at noon")


class PhotosInTheBodyTests(TestCase):
    def setUp(self):
        self.client.force_login(make_user("editor", "Editors"))
        self.client.post(reverse("admin:blog_photo_add"), photo_data())
        self.photo = Photo.objects.get()

    def page(self, post):
        return self.client.get(post.get_absolute_url()).content.decode()

    def test_a_code_on_its_own_line_shows_the_photo_with_caption_and_credit(self):
        post = make_post(body=f"The sea rose.\n\n{photo_code(self.photo.pk)}\n\nThen it fell.")
        self.client.logout()
        html = self.page(post)
        self.assertInHTML(
            '<figcaption>The harbour wall at noon <span class="credit">Jo Photo / Newsroom'
            "</span></figcaption>",
            html,
        )
        self.assertIn('alt="Waves breaking over the harbour wall"', html)
        self.assertIn('width="1200" height="800"', html)
        self.assertNotIn("[photo", html)
        self.assertLess(html.index("The sea rose."), html.index("body-figure"))
        self.assertLess(html.index("body-figure"), html.index("Then it fell."))

    def test_a_page_with_a_photo_in_its_body_is_valid_html(self):
        require("Java", shutil.which("java"), "apt-get install -y default-jre-headless")
        post = make_post(body=f"The sea rose.\n\n{photo_code(self.photo.pk)}")
        self.client.logout()
        self.assertEqual(vnu_errors({"post": self.client.get(post.get_absolute_url()).content}), [])

    def test_a_changed_caption_reaches_the_page_and_a_deleted_photo_leaves_it(self):
        post = make_post(body=f"{photo_code(self.photo.pk)}\n\nThe sea rose.")
        self.photo.caption = "The harbour wall, an hour later"
        self.photo.save()
        self.assertIn("The harbour wall, an hour later", self.page(post))
        self.photo.delete()
        html = self.page(post)
        self.assertNotIn("body-figure", html)
        self.assertNotIn("[photo", html)
        self.assertIn("The sea rose.", html)

    def test_a_code_inside_a_sentence_or_of_a_missing_photo_is_not_a_figure(self):
        post = make_post(body=f"See {photo_code(self.photo.pk)} here.\n\n[photo 999999]")
        html = self.page(post)
        self.assertNotIn("body-figure", html)
        self.assertIn(f"See {photo_code(self.photo.pk)} here.", html)
        self.assertNotIn("[photo 999999]", html)

    def test_a_code_on_a_line_of_its_own_needs_no_blank_lines_around_it(self):
        code = photo_code(self.photo.pk)
        post = make_post(body=f"The sea rose.\n{code}\n{code}\nThen it fell.")
        html = self.page(post)
        self.assertEqual(html.count('<figure class="body-figure">'), 2)
        self.assertNotIn("[photo", html)

    def test_only_the_code_as_written_shows_a_photo(self):
        # What the lookups of Photo.save() and delete() find: no leading zero, ASCII digits.
        post = make_post(body=f"[photo 0{self.photo.pk}]\n\n[photo \uff11]")
        html = self.page(post)
        self.assertNotIn("body-figure", html)

    def test_photos_deleted_from_the_list_leave_the_pages_and_storage(self):
        post = make_post(body=f"{photo_code(self.photo.pk)}\n\nThe sea rose.")
        name = self.photo.image.name
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("admin:blog_photo_changelist"),
                {"action": "delete_selected", "_selected_action": [self.photo.pk], "post": "yes"},
            )
        self.assertEqual(response.status_code, 302)
        self.assertFalse(Photo.objects.exists())
        self.assertNotIn("body-figure", self.page(post))
        self.assertFalse(default_storage.exists(name))

    def test_the_list_and_the_photo_page_answer_for_a_photo_never_measured(self):
        photo = Photo.objects.create(image="photos/x.jpg", caption="c", credit="d", alt="a")
        self.assertEqual(self.client.get(reverse("admin:blog_photo_changelist")).status_code, 200)
        page = self.client.get(reverse("admin:blog_photo_change", args=[photo.pk]))
        self.assertEqual(page.status_code, 200)

    def test_shown_in_names_live_posts_and_only_counts_unpublished_ones(self):
        code = photo_code(self.photo.pk)
        make_post(headline="Sea wall holds", body=code)
        make_post(headline="Embargoed budget leak", body=code, status=Post.Status.DRAFT)
        page = self.client.get(reverse("admin:blog_photo_change", args=[self.photo.pk]))
        self.assertContains(page, "Sea wall holds")
        self.assertContains(page, "1 post not published yet")
        self.assertNotContains(page, "Embargoed budget leak")

    def test_feeds_carry_the_photo_at_absolute_addresses(self):
        make_post(body=f"The sea rose.\n\n{photo_code(self.photo.pk)}")
        self.client.logout()
        for path in ("/feeds/atom/", "/feeds/rss/"):
            feed = self.client.get(path).content
            entry = feedparser.parse(feed).entries[0]
            self.assertIn('src="http://testserver/media/renditions/photos/', entry.content[0].value)
            # feedparser drops srcset; the feed itself holds it.
            content = html.unescape(feed.decode())
            self.assertIn('srcset="http://testserver/media/renditions/photos/', content)
            self.assertNotIn('"/media/', content)
            self.assertNotIn(", /media/", content)

    def test_the_preview_shows_the_photo(self):
        response = self.client.post(
            reverse("admin:blog_post_markdown_preview"), {"body": photo_code(self.photo.pk)}
        )
        self.assertIn("The harbour wall at noon", response.json()["html"])

    def test_a_photo_in_use_is_never_swept_and_a_deleted_ones_files_go(self):
        self.assertNotIn(self.photo.image.name, unused_images(age=timedelta(0)))
        self.assertEqual(delete_images([self.photo.image.name]), [])
        name = self.photo.image.name
        with self.captureOnCommitCallbacks(execute=True):
            self.photo.delete()
        self.assertFalse(default_storage.exists(name))


class LiveUpdatePhotoDeletionTests(TestCase):
    """An update's photo goes with it however it is deleted, and when replaced."""

    def photo_update(self, post):
        update = Update(
            post=post, body="Quay", photo_alt="Quay", photo_caption="Q", photo_credit="J"
        )
        update.photo.save("quay.jpg", image_upload(), save=False)
        update.save()
        return update

    def test_with_its_post_one_by_one_in_bulk_and_when_replaced(self):
        post = make_post()
        updates = [self.photo_update(post) for _ in range(4)]
        names = [update.photo.name for update in updates]
        with self.captureOnCommitCallbacks(execute=True):
            updates[0].delete()
            Update.objects.filter(pk=updates[1].pk).delete()
            updates[2].photo.save("new.jpg", image_upload(), save=False)
            updates[2].save()
        self.assertEqual(
            [default_storage.exists(name) for name in names], [False, False, False, True]
        )
        self.assertTrue(default_storage.exists(updates[2].photo.name))
        with self.captureOnCommitCallbacks(execute=True):
            post.delete()
        self.assertFalse(default_storage.exists(names[3]))
        self.assertFalse(default_storage.exists(updates[2].photo.name))
