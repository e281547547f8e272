"""Photos in an S3-compatible bucket (MEDIA_STORAGE_URL) against a real S3 server (SeaweedFS,
tests/s3.py), and what a storage outage does to a save, on disk and in a bucket. Uploads,
renditions, feed enclosures and JSON-LD images run on both storages in test_photos,
test_feeds and test_structured_data."""

import re
import shutil
import tempfile
import urllib.request
from io import StringIO
from pathlib import Path

from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse

from blog.models import Post
from blog.storage import IMMUTABLE

from .builders import image_upload, make_author, make_blog, make_user
from .s3 import S3StorageMixin, free_ports, s3_storages
from .test_admin import post_form


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers, response.read()


class PhotoFormMixin:
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor", "Editors")
        cls.author = make_author(name="Dana Reporter")
        cls.blog = make_blog()

    def setUp(self):
        self.client.force_login(self.editor)

    def photo_form(self, slug, **overrides):
        photo = {
            "lead_image": image_upload(name="flood.jpg", size=(1600, 900)),
            "lead_image_alt": "A flooded street",
            "lead_image_caption": "High Street at noon",
            "lead_image_credit": "Dana Reporter",
        }
        return post_form(self.blog, self.author, slug=slug, **{**photo, **overrides})

    def add_post(self, slug, **overrides):
        response = self.client.post(reverse("admin:blog_post_add"), self.photo_form(slug))
        self.assertEqual(response.status_code, 302)
        return Post.objects.get(slug=slug)

    def image_urls(self, post):
        page = self.client.get(post.get_absolute_url()).content.decode()
        return {
            candidate.split()[0]
            for srcset in re.findall(r'srcset="([^"]*)"', page)
            for candidate in srcset.split(",")
        }


class ObjectStorageTests(S3StorageMixin, PhotoFormMixin, TestCase):
    def test_renditions_are_public_and_kept_a_year_originals_are_not(self):
        post = self.add_post("flood")
        urls = self.image_urls(post)
        self.assertEqual(len(urls), 8)  # four widths, WebP and JPEG
        for url in urls:
            with self.subTest(url):
                self.assertTrue(url.startswith(default_storage.url("renditions/")))
                status, headers, body = fetch(url)
                self.assertEqual(status, 200)
                self.assertEqual(headers["Cache-Control"], IMMUTABLE)
                self.assertIn(headers["Content-Type"], {"image/webp", "image/jpeg"})
        status, headers, body = fetch(post.lead_image.url)
        self.assertEqual((status, headers["Content-Type"]), (200, "image/jpeg"))
        self.assertNotIn("immutable", headers.get("Cache-Control", ""))

    def test_app_servers_with_different_media_roots_serve_each_others_photos(self):
        roots = [tempfile.mkdtemp(prefix="newsroom-test-app-server-") for _ in range(2)]
        for root in roots:
            self.addCleanup(shutil.rmtree, root)
        with override_settings(MEDIA_ROOT=roots[0], STORAGES=s3_storages()):
            post = self.add_post("flood")
            first = self.image_urls(post)
        with override_settings(MEDIA_ROOT=roots[1], STORAGES=s3_storages()):
            self.assertEqual(self.image_urls(post), first)
            call_command("rebuild_renditions", stdout=StringIO())
            self.assertEqual(self.image_urls(post), first)
        for url in first:
            self.assertEqual(fetch(url)[0], 200)
        self.assertEqual([list(Path(root).iterdir()) for root in roots], [[], []])

    def test_private_originals_get_signed_urls_and_renditions_stay_public(self):
        with override_settings(STORAGES=s3_storages(private_originals=True)):
            post = self.add_post("flood")
            original = post.lead_image.url
            renditions = self.image_urls(post)
        self.assertIn("X-Amz-Signature=", original)
        self.assertEqual(fetch(original)[0], 200)
        self.assertFalse([url for url in renditions if "Signature" in url])


class DeletedPostPhotoTests(PhotoFormMixin, TestCase):
    def test_a_deleted_post_keeps_its_photos_so_it_can_be_recovered(self):
        post = self.add_post("flood")
        stored = [post.lead_image.name] + [
            url.removeprefix(default_storage.url("")) for url in self.image_urls(post)
        ]
        url = reverse("admin:blog_post_delete", args=[post.pk])
        self.assertEqual(self.client.post(url, {"post": "yes"}).status_code, 302)
        self.assertFalse(Post.objects.filter(pk=post.pk).exists())
        for name in stored:
            self.assertTrue(default_storage.exists(name), name)


class DeletedPostPhotoOnObjectStorageTests(S3StorageMixin, DeletedPostPhotoTests):
    pass


class StorageOutageTests(PhotoFormMixin, TestCase):
    """A save while storage is down sends the form back: nothing typed or uploaded is lost."""

    def storage_down(self):
        broken = Path(tempfile.mkdtemp(prefix="newsroom-test-broken-media-"))
        self.addCleanup(shutil.rmtree, broken)
        (broken / "lead-images").write_text("a file where a folder should be")
        return override_settings(MEDIA_ROOT=broken)

    def test_the_form_comes_back_with_a_message_the_text_and_the_photo(self):
        data = self.photo_form("flood", headline="Typed while storage was down")
        with self.storage_down(), self.assertLogs("blog.forms", "ERROR"):
            response = self.client.post(reverse("admin:blog_post_add"), data)
        self.assertContains(response, "The photo store did not answer, so nothing was saved")
        self.assertContains(response, "Typed while storage was down")
        self.assertFalse(Post.objects.filter(slug="flood").exists())
        token = re.search(r'name="lead_image-kept" value="([^"]+)"', response.content.decode())
        del data["lead_image"]
        data["lead_image-kept"] = token[1]
        self.assertEqual(self.client.post(reverse("admin:blog_post_add"), data).status_code, 302)
        post = Post.objects.get(slug="flood")
        self.assertEqual(post.headline, "Typed while storage was down")
        self.assertTrue(default_storage.exists(post.lead_image.name))
        self.assertEqual(len(self.image_urls(post)), 8)


class StorageOutageOnObjectStorageTests(S3StorageMixin, StorageOutageTests):
    def storage_down(self):
        (closed,) = free_ports(1)
        return override_settings(STORAGES=s3_storages(f"http://127.0.0.1:{closed}"))
