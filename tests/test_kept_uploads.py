import os
import re
import time
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.core import signing
from django.core.files.storage import storages
from django.test import TestCase, override_settings
from django.urls import reverse
from PIL import Image

from blog.images import keep_upload, kept_upload
from blog.models import Post

from .builders import change_form, image_upload, make_author, make_blog, make_post, make_user
from .test_admin import post_form

ADD_URL = reverse("admin:blog_post_add")
PHOTO_CREDITS = {
    "lead_image_caption": "The old bridge",
    "lead_image_credit": "Ann Photo / Agency",
    "lead_image_alt": "A stone bridge over a river",
}


def kept_token(response):
    match = re.search(r'name="lead_image-kept" value="([^"]+)"', response.content.decode())
    assert match, "the form carries no kept upload"
    return match[1]


def kept_address(response):
    match = re.search(r'<div class="kept-upload">.*?<img src="([^"]+)"', response.content.decode())
    assert match, "the form shows no kept upload"
    return match[1]


class KeptUploadTests(TestCase):
    """A photo uploaded with a form that fails validation is kept for the next save."""

    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor", "Editors")
        cls.blog = make_blog()
        cls.author = make_author(name="Dana Reporter")

    def setUp(self):
        self.client.force_login(self.editor)

    def first_try(self, **overrides):
        """Publish with a photo but no caption or credit: the form comes back."""
        data = post_form(
            self.blog,
            self.author,
            lead_image=image_upload(name="bridge.jpg", size=(800, 450)),
            lead_image_alt="A stone bridge over a river",
            **overrides,
        )
        response = self.client.post(ADD_URL, data)
        self.assertEqual(response.status_code, 200)
        return response

    def test_the_photo_of_a_failed_save_is_shown_and_saved_with_the_next_one(self):
        response = self.first_try()
        self.assertContains(response, "Add a caption before publishing")
        self.assertContains(response, "Not saved yet:")
        self.assertContains(response, "bridge.jpg")
        token = kept_token(response)
        self.assertEqual(
            kept_address(response), reverse("admin:blog_post_kept_upload", args=[token])
        )
        self.assertFalse(Post.objects.exists())

        data = post_form(self.blog, self.author, **PHOTO_CREDITS, **{"lead_image-kept": token})
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(ADD_URL, data)
        self.assertEqual(response.status_code, 302)
        post = Post.objects.get()
        self.assertTrue(post.is_published)
        self.assertRegex(post.lead_image.name, r"^lead-images/\d{4}/\d\d/bridge[^/]*\.jpg$")
        self.assertEqual((post.lead_image_width, post.lead_image_height), (800, 450))
        with post.lead_image.open("rb") as stored, Image.open(stored) as image:
            self.assertEqual(image.size, (800, 450))
        # The kept copy is gone once the post has its own.
        self.assertIsNone(kept_upload(token))

    def test_an_error_in_the_byline_keeps_the_photo_too(self):
        data = post_form(
            self.blog,
            self.author,
            lead_image=image_upload(name="bridge.jpg"),
            **PHOTO_CREDITS,
            **{"bylines-0-author": ""},
        )
        response = self.client.post(ADD_URL, data)
        self.assertEqual(response.status_code, 200)
        token = kept_token(response)
        data = post_form(self.blog, self.author, **PHOTO_CREDITS, **{"lead_image-kept": token})
        self.assertEqual(self.client.post(ADD_URL, data).status_code, 302)
        self.assertTrue(Post.objects.get().lead_image)

    def test_a_new_file_replaces_the_kept_one(self):
        token = kept_token(self.first_try())
        data = post_form(
            self.blog,
            self.author,
            lead_image=image_upload(name="river.png", size=(300, 200), image_format="PNG"),
            **PHOTO_CREDITS,
            **{"lead_image-kept": token},
        )
        self.assertEqual(self.client.post(ADD_URL, data).status_code, 302)
        post = Post.objects.get()
        self.assertIn("river", post.lead_image.name)
        self.assertEqual(post.lead_image_width, 300)

    def test_a_discarded_photo_is_not_saved(self):
        token = kept_token(self.first_try())
        data = post_form(
            self.blog, self.author, **{"lead_image-kept": token, "lead_image-discard": "on"}
        )
        self.assertEqual(self.client.post(ADD_URL, data).status_code, 302)
        self.assertFalse(Post.objects.get().lead_image)

    def test_a_forged_token_finds_nothing(self):
        upload = keep_upload(image_upload())
        forged = signing.dumps(upload.name, salt="another purpose")
        data = post_form(self.blog, self.author, **{"lead_image-kept": forged})
        self.assertEqual(self.client.post(ADD_URL, data).status_code, 302)
        self.assertFalse(Post.objects.get().lead_image)
        self.assertIsNone(kept_upload("kept-uploads/someone-elses.jpg"))

    def test_a_new_photo_for_a_saved_post_survives_a_failed_save(self):
        post = make_post(
            blog=self.blog,
            authors=[self.author],
            lead_image=image_upload(name="old.jpg"),
            **PHOTO_CREDITS,
        )
        url = reverse("admin:blog_post_change", args=[post.pk])
        data = change_form(post, lead_image=image_upload(name="new.jpg"), lead_image_caption="")
        response = self.client.post(url, data)
        self.assertContains(response, "Add a caption before publishing")
        token = kept_token(response)
        self.client.post(url, change_form(post, **{"lead_image-kept": token}))
        post.refresh_from_db()
        self.assertIn("new", post.lead_image.name)

    def test_kept_files_older_than_a_day_are_deleted(self):
        old = keep_upload(image_upload())
        a_day_and_more = time.time() - 25 * 60 * 60
        os.utime(storages["kept_uploads"].path(old.name), (a_day_and_more, a_day_and_more))
        new = keep_upload(image_upload())
        self.assertFalse(storages["kept_uploads"].exists(old.name))
        self.assertIsNone(kept_upload(old.token))
        self.assertEqual(kept_upload(new.token).name, new.name)

    def test_a_kept_photo_is_not_in_the_public_media_folder(self):
        response = self.first_try()
        self.assertNotContains(response, settings.MEDIA_URL)
        token = kept_token(response)
        path = Path(storages["kept_uploads"].path(kept_upload(token).name)).resolve()
        self.assertTrue(path.is_file())
        self.assertFalse(path.is_relative_to(Path(settings.MEDIA_ROOT).resolve()))
        with override_settings(ROOT_URLCONF="tests.urls_with_media"):
            for name in (path.name, f"kept-uploads/{path.name}"):
                self.assertEqual(self.client.get(f"/media/{name}").status_code, 404)

    def test_the_kept_photo_is_shown_to_staff_who_change_posts(self):
        address = kept_address(self.first_try())
        response = self.client.get(address)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "image/jpeg")
        self.assertIn("private", response["Cache-Control"])
        self.assertIn("no-store", response["Cache-Control"])
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        with Image.open(BytesIO(b"".join(response.streaming_content))) as image:
            self.assertEqual(image.size, (800, 450))
        self.client.force_login(make_user("writer", "Authors"))
        self.assertEqual(self.client.get(address).status_code, 200)

    def test_the_kept_photo_is_hidden_from_everyone_else(self):
        address = kept_address(self.first_try())
        self.client.force_login(make_user("visitor"))
        self.assertEqual(self.client.get(address).status_code, 403)
        self.client.logout()
        response = self.client.get(address)
        self.assertRedirects(response, f"{reverse('admin:login')}?next={address}")

    def test_a_forged_token_shows_no_photo(self):
        upload = keep_upload(image_upload())
        for token in (signing.dumps(upload.name, salt="another purpose"), "x" * 40):
            address = reverse("admin:blog_post_kept_upload", args=[token])
            self.assertEqual(self.client.get(address).status_code, 404)
