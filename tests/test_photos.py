import re
import struct
import zlib
from io import BytesIO, StringIO
from unittest import mock
from urllib.parse import unquote

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import SimpleTestCase, TestCase, override_settings
from django.urls import reverse
from PIL import ExifTags, Image

from blog.images import RENDITION_WIDTHS, clean_upload, crop_box, rendition_name, rendition_widths
from blog.models import Author, Post

from .builders import change_form, image_upload, make_author, make_post, make_user
from .s3 import S3StorageMixin
from .test_admin import post_form


def jpeg_with_gps(size=(300, 200), orientation=6):
    """A JPEG as a phone makes it: EXIF with GPS location, camera make, orientation, comment."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "Spycam"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (51.0, 30.0, 12.5),
        ExifTags.GPS.GPSLongitudeRef: "W",
        ExifTags.GPS.GPSLongitude: (0.0, 7.0, 39.0),
    }
    buffer = BytesIO()
    Image.new("RGB", size, (200, 10, 10)).save(buffer, "JPEG", exif=exif, comment=b"source")
    return SimpleUploadedFile("phone.jpg", buffer.getvalue(), content_type="image/jpeg")


def png_bomb(size=(8000, 6000)):
    """48 megapixels that compress to a few kilobytes."""
    buffer = BytesIO()
    Image.new("1", size).save(buffer, "PNG")
    return SimpleUploadedFile("bomb.png", buffer.getvalue(), content_type="image/png")


def png_header_only(width, height):
    """A PNG that claims to be huge: Pillow reads the size before any pixel."""

    def chunk(kind, body):
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")
    return SimpleUploadedFile("huge.png", data, content_type="image/png")


def pdf_named_jpg():
    body = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    return SimpleUploadedFile("scan.jpg", body, content_type="image/jpeg")


def truncated_jpeg():
    whole = image_upload(size=(400, 300)).read()
    return SimpleUploadedFile("cut.jpg", whole[: len(whole) // 2], content_type="image/jpeg")


class CleanUploadTests(SimpleTestCase):
    def test_gps_and_all_other_metadata_are_removed_and_orientation_applied(self):
        cleaned = clean_upload(jpeg_with_gps())
        content = cleaned.read()
        with Image.open(BytesIO(content)) as image:
            self.assertEqual(image.size, (200, 300))
            self.assertEqual(dict(image.getexif()), {})
            self.assertEqual(image.getexif().get_ifd(ExifTags.IFD.GPSInfo), {})
            self.assertNotIn("exif", image.info)
            self.assertNotIn("comment", image.info)
            self.assertNotIn("icc_profile", image.info)
        self.assertNotIn(b"Spycam", content)

    def test_png_transparency_survives_and_the_name_follows_the_content(self):
        buffer = BytesIO()
        Image.new("RGBA", (50, 40), (0, 0, 0, 0)).save(buffer, "PNG")
        cleaned = clean_upload(SimpleUploadedFile("logo.jpg", buffer.getvalue()))
        self.assertEqual(cleaned.name, "logo.png")
        with Image.open(cleaned) as image:
            self.assertEqual((image.format, image.mode), ("PNG", "RGBA"))

    def test_refusals_say_why(self):
        cases = [
            (pdf_named_jpg(), "not a picture"),
            (truncated_jpeg(), "damaged or incomplete"),
            (png_bomb(), "8000 × 6000 pixels (48 megapixels); the limit is 40 megapixels"),
            (png_header_only(20000, 20000), "too many pixels"),
            (png_header_only(12000, 8000), "too many pixels"),
            (image_upload(image_format="TIFF"), "This is a TIFF image"),
        ]
        for upload, reason in cases:
            with self.subTest(upload.name), self.assertRaisesMessage(ValidationError, reason):
                clean_upload(upload)

    @override_settings(NEWSROOM_MAX_UPLOAD_BYTES=1000)
    def test_files_over_the_size_limit_are_refused(self):
        with self.assertRaisesMessage(ValidationError, "the limit is 0.0 MB"):
            clean_upload(image_upload(size=(400, 300)))

    @override_settings(NEWSROOM_MAX_IMAGE_PIXELS=100 * 100)
    def test_the_pixel_limit_is_a_setting(self):
        clean_upload(image_upload(size=(100, 100)))
        with self.assertRaisesMessage(ValidationError, "the limit is 0.01 megapixels"):
            clean_upload(image_upload(size=(101, 100)))


class FocalPointTests(SimpleTestCase):
    def test_crop_keeps_the_focal_point_in_frame(self):
        for focus in [(0, 0), (50, 50), (100, 100), (95, 10), (3, 97)]:
            for width, height in [(1600, 900), (900, 1600), (1000, 1000)]:
                left, top, right, bottom = crop_box(width, height, 16 / 9, *focus)
                x, y = width * focus[0] / 100, height * focus[1] / 100
                with self.subTest(focus=focus, size=(width, height)):
                    self.assertTrue(left <= x <= right and top <= y <= bottom)
                    self.assertTrue(left >= 0 and right <= width and top >= 0 and bottom <= height)
                    self.assertAlmostEqual((right - left) / (bottom - top), 16 / 9, delta=0.01)

    def test_crop_is_centred_on_the_focal_point_when_there_is_room(self):
        self.assertEqual(crop_box(2000, 2000, 16 / 9, 50, 30), (0, 38, 2000, 1163))


class PhotoUploadInAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor", "Editors")
        cls.author = make_author(name="Dana Reporter")
        cls.post = make_post(
            headline="Bridge opens",
            authors=[cls.author],
            lead_image=image_upload(name="bridge.jpg"),
            lead_image_alt="A bridge",
            lead_image_caption="The new bridge",
            lead_image_credit="Dana Reporter",
        )

    def setUp(self):
        self.client.force_login(self.editor)

    def test_gps_location_never_reaches_storage(self):
        data = post_form(
            self.post.blog,
            self.author,
            slug="phone-photo",
            lead_image=jpeg_with_gps(),
            lead_image_alt="A red square",
            lead_image_caption="Red",
            lead_image_credit="A source",
        )
        self.assertEqual(self.client.post(reverse("admin:blog_post_add"), data).status_code, 302)
        post = Post.objects.get(slug="phone-photo")
        self.assertEqual((post.lead_image_width, post.lead_image_height), (200, 300))
        with post.lead_image.open("rb") as stored:
            content = stored.read()
        self.assertNotIn(b"Spycam", content)
        with Image.open(BytesIO(content)) as image:
            self.assertEqual(dict(image.getexif()), {})

    def test_bad_uploads_are_refused_with_a_reason_and_nothing_saved_is_lost(self):
        url = reverse("admin:blog_post_change", args=[self.post.pk])
        saved_image = self.post.lead_image.name
        cases = [
            (png_bomb(), "48 megapixels"),
            (pdf_named_jpg(), "not a picture Newsroom can use"),
            (truncated_jpeg(), "damaged or incomplete (truncated)"),
        ]
        for upload, reason in cases:
            with self.subTest(upload.name):
                data = change_form(self.post, headline="Typed but not saved", lead_image=upload)
                response = self.client.post(url, data)
                self.assertContains(response, reason)
                self.assertContains(response, "Typed but not saved")
                self.post.refresh_from_db()
                self.assertEqual(self.post.lead_image.name, saved_image)
                self.assertEqual(self.post.headline, "Bridge opens")
                self.assertTrue(default_storage.exists(saved_image))

    def test_author_photos_are_checked_too(self):
        data = {"name": "New Writer", "slug": "new-writer", "bio": "", "photo": pdf_named_jpg()}
        response = self.client.post(reverse("admin:blog_author_add"), data)
        self.assertContains(response, "not a picture Newsroom can use")
        self.assertFalse(Author.objects.filter(slug="new-writer").exists())

    def test_caption_and_credit_are_required_to_publish_a_lead_image(self):
        data = post_form(
            self.post.blog,
            self.author,
            lead_image=image_upload(),
            lead_image_is_decorative="on",
        )
        response = self.client.post(reverse("admin:blog_post_add"), data)
        self.assertContains(response, "Add a caption before publishing")
        self.assertContains(response, "Credit the photographer before publishing")
        data = post_form(
            self.post.blog,
            self.author,
            status="draft",
            lead_image=image_upload(),
            lead_image_is_decorative="on",
        )
        self.assertEqual(self.client.post(reverse("admin:blog_post_add"), data).status_code, 302)

    def test_focal_point_change_remakes_the_crops(self):
        url = reverse("admin:blog_post_change", args=[self.post.pk])
        data = change_form(self.post, lead_image_focus_x=0, lead_image_focus_y=0)
        self.assertEqual(self.client.post(url, data).status_code, 302)
        self.post.refresh_from_db()
        card = rendition_name(self.post.lead_image.name, 400, "webp", crop="card", focus=(0, 0))
        self.assertTrue(default_storage.exists(card))
        self.assertContains(self.client.get("/"), "-card-f0x0-400.webp 400w")
        self.assertContains(self.client.get(self.post.get_absolute_url()), "-640.webp 640w")

    def srcset_urls(self, path):
        page = self.client.get(path).content.decode()
        return {
            candidate.split()[0]
            for srcset in re.findall(r'srcset="([^"]*)"', page)
            for candidate in srcset.split(",")
        }

    def assertStored(self, urls):
        for url in urls:
            name = unquote(url.removeprefix(default_storage.url("")))
            self.assertTrue(default_storage.exists(name), url)

    def test_a_new_focal_point_gives_the_crops_new_addresses(self):
        url = reverse("admin:blog_post_change", args=[self.post.pk])
        self.client.post(url, change_form(self.post, lead_image_focus_x=20, lead_image_focus_y=30))
        before = self.srcset_urls("/")
        self.client.post(url, change_form(self.post, lead_image_focus_x=80, lead_image_focus_y=70))
        after = self.srcset_urls("/")
        self.assertEqual(len(after), 4)  # two widths, WebP and JPEG
        self.assertFalse(before & after, "a cached crop must never be replaced at its address")
        self.assertStored(after)
        # The full frame does not depend on the focal point: same addresses, still there.
        self.assertStored(self.srcset_urls(self.post.get_absolute_url()))

    def test_pages_and_feeds_never_open_a_stored_photo(self):
        # A row saved without the photo's size, as load_demo once did: still no storage read.
        Post.objects.filter(pk=self.post.pk).update(lead_image_width=None, lead_image_height=None)
        self.client.logout()
        with mock.patch.object(default_storage, "open", side_effect=OSError("no storage")):
            for path in ["/", self.post.get_absolute_url(), "/feeds/rss/", "/feeds/atom/"]:
                self.assertEqual(self.client.get(path).status_code, 200, path)

    def test_a_photo_never_takes_the_name_of_an_earlier_one(self):
        names = set()
        for slug in ["first", "second"]:
            data = post_form(
                self.post.blog,
                self.author,
                slug=slug,
                lead_image=image_upload(name="IMG_0001.JPG"),
                lead_image_alt="A red square",
                lead_image_caption="Red",
                lead_image_credit="A source",
            )
            self.client.post(reverse("admin:blog_post_add"), data)
            post = Post.objects.get(slug=slug)
            self.assertRegex(
                post.lead_image.name, r"^lead-images/\d{4}/\d\d/IMG_0001-[0-9a-f]{8}\.jpg$"
            )
            names.add(post.lead_image.name)
            # The post and its photo deleted: the name must still not be given again.
            default_storage.delete(post.lead_image.name)
            post.delete()
        self.assertEqual(len(names), 2)

    def test_rebuilt_renditions_are_at_the_addresses_pages_use(self):
        # Focal point changed, and the photo's size never noted (rows from older versions).
        Post.objects.filter(pk=self.post.pk).update(
            lead_image_focus_x=10, lead_image_focus_y=90, lead_image_width=None
        )
        call_command("rebuild_renditions", stdout=StringIO())
        self.post.refresh_from_db()
        self.assertEqual((self.post.lead_image_width, self.post.lead_image_height), (640, 360))
        for path in ["/", self.post.get_absolute_url()]:
            urls = self.srcset_urls(path)
            self.assertTrue(urls, path)
            self.assertStored(urls)
        # The size feeds announce for the post's image is noted on the post.
        self.post.refresh_from_db()
        large = rendition_name(self.post.lead_image.name, 640, "jpg")
        self.assertEqual(self.post.lead_image_rendition_bytes, default_storage.size(large))


class PhotoUploadOnObjectStorageTests(S3StorageMixin, PhotoUploadInAdminTests):
    """The same uploads and renditions in an S3 bucket (tests/s3.py)."""


class RenditionWidthTests(TestCase):
    def test_widths_never_repeat_or_exceed_the_original(self):
        self.assertEqual(rendition_widths(2400), list(RENDITION_WIDTHS))
        self.assertEqual(rendition_widths(1000), [400, 800, 1000])
        self.assertEqual(rendition_widths(300), [300])
        self.assertEqual(rendition_widths(889, (400, 800)), [400, 800])
