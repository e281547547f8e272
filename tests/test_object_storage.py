"""Photos in an S3-compatible bucket (MEDIA_STORAGE_URL) against a real S3 server (SeaweedFS,
tests/s3.py): public renditions, private originals, two gunicorn app servers on one bucket,
and what a storage outage does to a save and to reader pages, on disk and in a bucket.
Uploads, renditions, feed enclosures and JSON-LD images run on both storages in test_photos,
test_feeds and test_structured_data; deletes in test_photo_deletion."""

import http.cookiejar
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from io import StringIO
from pathlib import Path
from types import SimpleNamespace

import feedparser
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import SimpleTestCase, TestCase, override_settings
from django.test.client import encode_multipart
from django.urls import reverse

from blog.images import make_renditions, rendition_name, stored_renditions
from blog.models import Post
from blog.storage import IMMUTABLE

from .builders import change_form, image_upload, make_author, make_blog, make_post, make_user
from .s3 import BUCKET, S3StorageMixin, free_ports, s3_endpoint, s3_storages
from .servers import start_gunicorn
from .test_admin import post_form

PROJECT = Path(__file__).resolve().parent.parent


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

    def stored_photo(self, post):
        """The post's lead image in storage and every rendition of it."""
        return {post.lead_image.name, *stored_renditions(post.lead_image.name)}

    def storage_down(self):
        broken = Path(tempfile.mkdtemp(prefix="newsroom-test-broken-media-"))
        self.addCleanup(shutil.rmtree, broken)
        (broken / "lead-images").write_text("a file where a folder should be")
        return override_settings(MEDIA_ROOT=broken)


class OnObjectStorage(S3StorageMixin):
    """Runs a PhotoFormMixin TestCase with uploads in the S3 bucket; storage_down() points
    the bucket at a port where nothing listens."""

    def storage_down(self):
        (closed,) = free_ports(1)
        return override_settings(STORAGES=s3_storages(f"http://127.0.0.1:{closed}"))


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


class StorageOutageTests(PhotoFormMixin, TestCase):
    """A save while storage is down sends the form back: nothing typed or uploaded is lost."""

    def test_the_form_comes_back_with_a_message_the_text_and_the_photo(self):
        data = self.photo_form("flood", headline="Typed while storage was down")
        with self.storage_down(), self.assertLogs("blog.forms", "ERROR"):
            response = self.client.post(reverse("admin:blog_post_add"), data)
        self.assertContains(response, "The photo store did not answer, so nothing was saved", 1)
        self.assertNotContains(response, "Please correct")  # there is nothing to correct
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

    def test_a_post_with_a_photo_takes_text_edits_while_storage_is_down(self):
        post = self.add_post("flood")
        url = reverse("admin:blog_post_change", args=[post.pk])
        data = change_form(post, headline="Edited while storage was down")
        with self.storage_down():
            self.assertEqual(self.client.post(url, data).status_code, 302)
        post.refresh_from_db()
        self.assertEqual(post.headline, "Edited while storage was down")
        self.assertEqual(len(self.image_urls(post)), 8)


class StorageOutageOnObjectStorageTests(OnObjectStorage, StorageOutageTests):
    pass


class ReaderPagesDuringStorageOutageTests(PhotoFormMixin, TestCase):
    """Pages and feeds never wait on storage: feed enclosures take the rendition's size from
    the post, and posts from before that was noted lose only the size while storage is down."""

    def test_pages_and_feeds_answer_while_storage_is_down(self):
        post = self.add_post("flood")
        large = rendition_name(post.lead_image.name, 1200, "jpg")
        self.assertEqual(post.lead_image_rendition_bytes, default_storage.size(large))
        older = make_post(
            blog=self.blog,
            authors=[self.author],
            headline="Older flood",
            lead_image=image_upload(name="older.jpg", size=(1600, 900)),
            lead_image_alt="An older flood",
        )
        make_renditions(older.lead_image)  # as before the size was noted on the post
        self.author.photo.save("dana.jpg", image_upload(), save=True)
        pages = [
            "/",
            post.get_absolute_url(),
            older.get_absolute_url(),
            self.author.get_absolute_url(),
            self.blog.get_absolute_url(),
            "/sitemap.xml",
        ]
        with self.storage_down(), self.assertLogs("blog.feeds", "WARNING"):
            for url in pages:
                self.assertEqual(self.client.get(url).status_code, 200, url)
            self.assertContains(self.client.get(post.get_absolute_url()), '"ImageObject"')
            for url in ["/feeds/rss/", "/feeds/atom/", f"/authors/{self.author.slug}/feeds/rss/"]:
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200, url)
                entries = {e.title: e for e in feedparser.parse(response.content).entries}
                enclosure = entries[post.headline].enclosures[0]
                self.assertTrue(enclosure.href.endswith(large), url)
                self.assertEqual(enclosure.length, str(post.lead_image_rendition_bytes), url)
                self.assertEqual(entries["Older flood"].enclosures[0].length, "0", url)


class ReaderPagesDuringBucketOutageTests(OnObjectStorage, ReaderPagesDuringStorageOutageTests):
    pass


class TwoAppServersOnOneBucketTests(SimpleTestCase):
    """Two gunicorn processes, each with a media root of its own, sharing a database (a
    SQLite file) and the S3 bucket: a photo uploaded through one is on the other's pages and
    fetched from the bucket, and deleting the post through the other deletes its objects."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        endpoint = s3_endpoint()
        scratch = Path(tempfile.mkdtemp(prefix="newsroom-test-app-servers-"))
        cls.addClassCleanup(shutil.rmtree, scratch, ignore_errors=True)
        cls.media_url = f"{endpoint}/{BUCKET}/"
        cls.media_roots = [scratch / "media-1", scratch / "media-2"]
        leave_out = {"DATABASE_URL", "REDIS_URL", "DJANGO_MEDIA_ROOT", "NEWSROOM_PRIVATE_ORIGINALS"}
        env = {
            **{name: value for name, value in os.environ.items() if name not in leave_out},
            "DATABASE_URL": f"sqlite:///{scratch / 'db.sqlite3'}",
            "MEDIA_STORAGE_URL": (
                f"s3://test:test@{endpoint.removeprefix('http://')}/{BUCKET}?secure=0"
            ),
            "DJANGO_MEDIA_URL": cls.media_url,
            "NEWSROOM_KEPT_UPLOADS_ROOT": str(scratch / "kept-uploads"),
            "DJANGO_DEBUG": "0",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_SECURE_COOKIES": "0",
            "NEWSROOM_STATIC_FROM_SOURCE": "1",
            "NEWSROOM_PAGE_CACHE_SECONDS": "0",
            "GUNICORN_WORKERS": "1",
        }
        manage = [sys.executable, "manage.py"]
        subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=PROJECT, env=env, check=True)
        made = subprocess.run(
            [*manage, "shell", "-c", MAKE_EDITOR_BLOG_AND_AUTHOR],
            cwd=PROJECT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        cls.blog, cls.author = (
            SimpleNamespace(pk=pk) for pk in json.loads(made.stdout.strip().splitlines()[-1])
        )
        cls.servers = [
            start_gunicorn(cls, {**env, "DJANGO_MEDIA_ROOT": str(media_root)})
            for media_root in cls.media_roots
        ]

    def setUp(self):
        # One session for both servers: sessions live in the shared database.
        self.cookies = http.cookiejar.CookieJar()
        self.browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        first = self.servers[0]
        self.browser.open(f"{first}/admin/login/", timeout=10).read()
        login = {"username": "editor", "password": EDITOR_PASSWORD}
        self.post(first, "/admin/login/?next=/admin/", login)

    def post(self, server, path, data):
        """POST a form as a browser does; the response after redirects."""
        boundary = "newsroom-test-boundary"
        # The token is the cookie's (Django takes either), which a login replaces.
        token = next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")
        body = encode_multipart(boundary, {**data, "csrfmiddlewaretoken": token})
        request = urllib.request.Request(
            f"{server}{path}",
            data=body,
            headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
        )
        with self.browser.open(request, timeout=30) as response:
            return response.url, response.read().decode()

    def get(self, server, path):
        with urllib.request.urlopen(f"{server}{path}", timeout=10) as response:
            return response.read().decode()

    def test_a_photo_uploaded_through_one_server_is_served_by_the_other_from_the_bucket(self):
        first, second = self.servers
        form = post_form(
            self.blog,
            self.author,
            slug="two-servers",
            lead_image=image_upload(name="harbour.jpg", size=(1600, 900)),
            lead_image_alt="The harbour",
            lead_image_caption="The harbour at dawn",
            lead_image_credit="Dana Reporter",
        )
        address, _ = self.post(first, "/admin/blog/post/add/", form)
        self.assertTrue(address.endswith("/admin/blog/post/"), address)
        pages = [self.get(server, "/blogs/two-cities/two-servers/") for server in self.servers]
        urls = [
            {
                candidate.split()[0]
                for srcset in re.findall(r'srcset="([^"]*)"', page)
                for candidate in srcset.split(",")
            }
            for page in pages
        ]
        self.assertEqual(len(urls[0]), 8)
        self.assertEqual(urls[0], urls[1])
        for url in urls[1]:
            self.assertTrue(url.startswith(f"{self.media_url}renditions/lead-images/"), url)
            self.assertEqual(fetch(url)[0], 200, url)
        self.assertEqual([list(root.rglob("*")) for root in self.media_roots], [[], []])

        delete = f"/admin/blog/post/{self.post_pk(second)}/delete/"
        address, _ = self.post(second, delete, {"post": "yes"})
        self.assertTrue(address.endswith("/admin/blog/post/"), address)
        for url in urls[0]:
            with self.assertRaises(urllib.error.HTTPError, msg=url) as gone:
                fetch(url)
            self.assertEqual(gone.exception.code, 404)

    def post_pk(self, server):
        """The id of the post, from the admin's list on server."""
        with self.browser.open(f"{server}/admin/blog/post/?q=two-servers", timeout=10) as page:
            return re.search(r'href="/admin/blog/post/(\d+)/change/', page.read().decode())[1]


EDITOR_PASSWORD = "two-app-servers-test"
MAKE_EDITOR_BLOG_AND_AUTHOR = f"""
import json
from django.contrib.auth.models import Group, User
from blog.models import Author, Blog
editor = User.objects.create_user("editor", password="{EDITOR_PASSWORD}", is_staff=True)
editor.groups.add(Group.objects.get(name="Editors"))
blog = Blog.objects.create(name="Two Cities", slug="two-cities")
author = Author.objects.create(name="Dana Reporter", slug="dana-reporter")
print(json.dumps([blog.pk, author.pk]))
"""
