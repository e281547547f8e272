"""The shortcuts that make reader pages cheap to render give what the slower ways gave."""

from datetime import UTC, datetime
from types import SimpleNamespace

from django.core.files.storage import default_storage
from django.template import Context, Template
from django.test import SimpleTestCase, TestCase, override_settings
from django.urls import reverse, set_script_prefix
from django.utils import translation
from taggit.models import Tag

from blog.images import rendition_name, renditions
from blog.templatetags.blog_tags import cached_url, lead_picture, url_of

from .builders import image_upload, make_author, make_post


class AddressTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.author = make_author()
        cls.post = make_post(authors=[cls.author], tags=["Floods"])

    def test_url_of_is_the_address_of_posts_blogs_tags_and_authors(self):
        tag = Tag.objects.get(name="Floods")
        self.assertEqual(url_of(self.post), self.post.get_absolute_url())
        self.assertEqual(url_of(self.post.blog), self.post.blog.get_absolute_url())
        self.assertEqual(url_of(self.author), self.author.get_absolute_url())
        self.assertEqual(url_of(tag), reverse("blog:tag_detail", args=[tag.slug]))

    def test_cached_url_is_the_url_tag(self):
        self.assertEqual(cached_url("blog:search"), reverse("blog:search"))
        self.assertEqual(
            cached_url("blog:blog_archive_month", "city", 2024, 3),
            reverse("blog:blog_archive_month", args=["city", 2024, 3]),
        )

    def test_remembered_addresses_follow_the_script_prefix(self):
        before = url_of(self.post)
        set_script_prefix("/news/")
        try:
            self.assertEqual(url_of(self.post), "/news" + before)
            self.assertEqual(url_of(self.post), self.post.get_absolute_url())
        finally:
            set_script_prefix("/")
        self.assertEqual(url_of(self.post), before)


class DayTests(SimpleTestCase):
    def render(self, source, value):
        return Template("{% load blog_tags %}" + source).render(Context({"value": value}))

    def test_day_gives_what_the_date_filter_gives_in_every_language(self):
        moment = datetime(2024, 3, 9, 12, 0, tzinfo=UTC)
        for language in ["en-gb", "fr", "de"]:
            for format_string in ["j F Y", "j M", "F Y"]:
                with self.subTest(f"{language} {format_string}"), translation.override(language):
                    self.assertEqual(
                        self.render(f'{{{{ value|day:"{format_string}" }}}}', moment),
                        self.render(f'{{{{ value|date:"{format_string}" }}}}', moment),
                    )

    @override_settings(TIME_ZONE="Pacific/Auckland")
    def test_day_is_the_day_in_the_sites_time_zone(self):
        late_evening_in_london = datetime(2024, 3, 31, 22, 30, tzinfo=UTC)
        self.assertEqual(
            self.render('{{ value|day:"j F Y" }}', late_evening_in_london), "1 April 2024"
        )

    def test_day_of_nothing_is_empty(self):
        self.assertEqual(self.render('{{ value|day:"j F Y" }}', None), "")


class LeadPictureTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.post = make_post(
            lead_image=image_upload(),
            lead_image_alt='A "flooded" street & <cars>',
            lead_image_focus_x=20,
        )

    def test_picture_has_a_source_a_format_and_an_escaped_img(self):
        name = self.post.lead_image.name

        def srcset(extension):
            return ", ".join(
                f"{default_storage.url(rendition_name(name, width, extension, 'card', (20, 50)))}"
                f" {width}w"
                for width in (400, 640)
            )

        fallback = default_storage.url(rendition_name(name, 640, "jpg", "card", (20, 50)))
        sizes = "(min-width: 900px) 50vw"
        alt = "A &quot;flooded&quot; street &amp; &lt;cars&gt;"
        self.assertEqual(
            lead_picture(self.post, sizes, css_class="card-image", crop="card"),
            "<picture>\n"
            f'  <source type="image/webp" srcset="{srcset("webp")}" sizes="{sizes}">\n'
            f'  <source type="image/jpeg" srcset="{srcset("jpg")}" sizes="{sizes}">\n'
            f'  <img src="{fallback}" width="640" height="360" alt="{alt}" loading="lazy" '
            'class="card-image">\n'
            "</picture>\n",
        )

    def test_a_decorative_picture_has_an_empty_alt(self):
        self.post.lead_image_is_decorative = True
        self.assertIn('alt="" loading="eager">', lead_picture(self.post, "100vw", loading="eager"))

    def test_a_post_without_a_picture_has_none(self):
        self.assertEqual(lead_picture(make_post(), "100vw"), "\n")


class RenditionAddressTests(SimpleTestCase):
    def test_addresses_are_the_storages_however_the_name_must_be_quoted(self):
        image = SimpleNamespace(name="lead-images/2024/03/Café photo #1-ab12cd34.jpg")
        for crop, focus in [(None, None), ("card", (10, 90))]:
            for _, _, candidates in renditions(image, 1600, 900, crop, focus):
                for url, width, _ in candidates:
                    extension = url.rsplit(".", 1)[1]
                    name = rendition_name(image.name, width, extension, crop, focus)
                    self.assertEqual(url, default_storage.url(name))
