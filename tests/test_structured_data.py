from urllib.parse import urljoin

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.test import TestCase, override_settings
from PIL import Image

from blog.images import make_renditions
from blog.structured_data import LOGO

from .builders import image_upload, make_author, make_blog, make_post
from .pages import page_head
from .s3 import S3StorageMixin


class PageMetadataTests(TestCase):
    """What every page tells search engines: title, description and canonical address."""

    @classmethod
    def setUpTestData(cls):
        cls.blog = make_blog(name="Climate Desk", tagline="Weather and climate")
        cls.ann = make_author(name="Ann Reporter", bio="Covers the climate.")
        cls.post = make_post(blog=cls.blog, authors=[cls.ann], tags=["Floods"])
        cls.pages = [
            "/",
            cls.blog.get_absolute_url(),
            cls.post.get_absolute_url(),
            "/tags/floods/",
            cls.ann.get_absolute_url(),
            "/archive/",
            f"/archive/{cls.post.published_at:%Y/%-m}/",
            f"{cls.blog.get_absolute_url()}archive/",
            "/search/?q=flood",
        ]

    def test_every_page_has_a_unique_title_and_a_description(self):
        titles = []
        for url in self.pages:
            with self.subTest(url=url):
                head = page_head(self.client.get(url))
                self.assertTrue(head.title.strip())
                self.assertEqual(len(head.meta["description"]), 1)
                self.assertGreater(len(head.meta["description"][0]), 10)
                titles.append(head.title)
        self.assertEqual(len(titles), len(set(titles)))

    def test_canonical_link_is_absolute_without_stray_parameters(self):
        for url in self.pages[:-1]:
            with self.subTest(url=url):
                head = page_head(self.client.get(f"{url}?utm_source=x&page=1"))
                self.assertEqual(
                    [link["href"] for link in head.links["canonical"]], [f"http://testserver{url}"]
                )

    def test_canonical_link_of_a_later_page_keeps_its_number(self):
        for _ in range(20):
            make_post(blog=self.blog)
        head = page_head(self.client.get(f"{self.blog.get_absolute_url()}?page=2&ref=x"))
        self.assertEqual(
            head.links["canonical"][0]["href"],
            f"http://testserver{self.blog.get_absolute_url()}?page=2",
        )


class PostStructuredDataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.blog = make_blog(name="Climate Desk")
        cls.ann = make_author(name="Ann Reporter")
        cls.bob = make_author(name="Bob Writer")
        cls.post = make_post(
            blog=cls.blog,
            authors=[cls.ann, cls.bob],
            tags=["Floods", "Rivers"],
            headline="River bursts its banks",
            standfirst="Hundreds of homes are flooded.",
            lead_image=image_upload(size=(1600, 900)),
            lead_image_alt="Flooded street with parked cars",
        )
        make_renditions(cls.post.lead_image)

    def head(self):
        return page_head(self.client.get(self.post.get_absolute_url()))

    def test_news_article_has_every_author_image_dates_publisher_and_blog(self):
        article = self.head().json_ld_of_type("NewsArticle")
        url = f"http://testserver{self.post.get_absolute_url()}"
        self.assertEqual(article["@context"], "https://schema.org")
        self.assertEqual(article["headline"], "River bursts its banks")
        self.assertEqual(article["description"], "Hundreds of homes are flooded.")
        self.assertEqual(article["mainEntityOfPage"], url)
        self.assertEqual(
            article["author"],
            [
                {"@type": "Person", "name": "Ann Reporter", "url": f"http://testserver/authors/{self.ann.slug}/"},
                {"@type": "Person", "name": "Bob Writer", "url": f"http://testserver/authors/{self.bob.slug}/"},
            ],
        )  # fmt: skip
        image = article["image"]
        self.assertEqual((image["width"], image["height"]), (1200, 675))
        media = urljoin("http://testserver/", default_storage.url(""))
        self.assertTrue(image["url"].startswith(f"{media}renditions/"))
        self.assertTrue(default_storage.exists(image["url"].removeprefix(media)))
        self.assertEqual(article["datePublished"], self.post.published_at.isoformat())
        self.assertGreaterEqual(article["dateModified"], article["datePublished"])
        publisher = article["publisher"]
        self.assertEqual(publisher["name"], "Newsroom")
        self.assertEqual(publisher["logo"]["url"], "http://testserver/static/img/logo.png")
        self.assertEqual(
            article["isPartOf"],
            {"@type": "Blog", "name": "Climate Desk", "url": f"http://testserver/blogs/{self.blog.slug}/"},
        )  # fmt: skip

    def test_publisher_logo_exists_with_the_size_the_data_gives(self):
        path, width, height = LOGO
        with Image.open(finders.find(path)) as logo:
            self.assertEqual(logo.size, (width, height))

    def test_breadcrumbs_lead_from_home_through_the_blog_to_the_post(self):
        crumbs = self.head().json_ld_of_type("BreadcrumbList")["itemListElement"]
        self.assertEqual(
            [(item["position"], item["name"]) for item in crumbs],
            [(1, "Newsroom"), (2, "Climate Desk"), (3, "River bursts its banks")],
        )
        self.assertEqual(crumbs[2]["item"], f"http://testserver{self.post.get_absolute_url()}")

    def test_opengraph_and_twitter_cards(self):
        meta = self.head().meta
        self.assertEqual(meta["og:type"], ["article"])
        self.assertEqual(meta["og:title"], ["River bursts its banks"])
        self.assertEqual(meta["og:description"], ["Hundreds of homes are flooded."])
        self.assertEqual(len(meta["og:image"]), 1)
        self.assertEqual(meta["og:image:width"], ["1200"])
        self.assertEqual(meta["og:image:alt"], ["Flooded street with parked cars"])
        self.assertEqual(meta["article:published_time"], [self.post.published_at.isoformat()])
        self.assertEqual(
            meta["article:author"],
            [f"http://testserver/authors/{self.ann.slug}/", f"http://testserver/authors/{self.bob.slug}/"],
        )  # fmt: skip
        self.assertEqual(sorted(meta["article:tag"]), ["Floods", "Rivers"])
        self.assertEqual(meta["twitter:card"], ["summary_large_image"])
        self.assertEqual(meta["twitter:image"], meta["og:image"])

    def test_json_ld_cannot_end_its_script_element(self):
        hostile = make_post(
            blog=self.blog, headline="</script><script>alert(1)</script> & <!-- more"
        )
        response = self.client.get(hostile.get_absolute_url())
        self.assertNotContains(response, "<script>alert(1)")
        self.assertNotContains(response, "<!-- more")
        article = page_head(response).json_ld_of_type("NewsArticle")
        # Typography turns the "--" into an en dash; the escaping above is what keeps it safe.
        self.assertEqual(article["headline"], "</script><script>alert(1)</script> & <!– more")

    def test_post_without_image_or_authors_still_gives_valid_data(self):
        bare = make_post(blog=self.blog)
        head = page_head(self.client.get(bare.get_absolute_url()))
        article = head.json_ld_of_type("NewsArticle")
        self.assertEqual(article["author"], [])
        self.assertEqual(head.meta["twitter:card"], ["summary"])

    def test_post_without_a_lead_photo_gets_the_site_image_in_json_ld_and_social_cards(self):
        bare = make_post(blog=self.blog)
        head = page_head(self.client.get(bare.get_absolute_url()))
        site_image = "http://testserver/static/img/social-card.png"
        self.assertEqual(head.json_ld_of_type("NewsArticle")["image"], site_image)
        self.assertEqual(head.meta["og:image"], [site_image])
        self.assertEqual(head.meta["og:image:alt"], ["Newsroom"])
        self.assertEqual(head.meta["twitter:image"], [site_image])

    @override_settings(NEWSROOM_SITE_IMAGE="https://cdn.example.org/card.png")
    def test_site_image_can_be_set_to_an_absolute_url(self):
        bare = make_post(blog=self.blog)
        head = page_head(self.client.get(bare.get_absolute_url()))
        self.assertEqual(
            head.json_ld_of_type("NewsArticle")["image"], "https://cdn.example.org/card.png"
        )
        self.assertEqual(head.meta["og:image"], ["https://cdn.example.org/card.png"])

    def test_default_site_image_is_a_large_social_card_in_static_files(self):
        with Image.open(finders.find(settings.NEWSROOM_SITE_IMAGE)) as card:
            self.assertEqual(card.size, (1200, 630))


class PostStructuredDataOnObjectStorageTests(S3StorageMixin, PostStructuredDataTests):
    """The same data with photos in an S3 bucket (tests/s3.py)."""


class ListingStructuredDataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.blog = make_blog(name="Climate Desk", tagline="Weather and climate")
        cls.ann = make_author(name="Ann Reporter", bio="Covers the climate.")
        cls.bob = make_author(name="Bob Writer", bio="")
        make_post(blog=cls.blog, authors=[cls.ann, cls.bob], tags=["Floods & rivers"])

    def test_author_page_is_a_profile_page_of_a_person(self):
        head = page_head(self.client.get(self.ann.get_absolute_url()))
        profile = head.json_ld_of_type("ProfilePage")
        self.assertEqual(
            profile["mainEntity"],
            {
                "@type": "Person",
                "name": "Ann Reporter",
                "url": f"http://testserver/authors/{self.ann.slug}/",
                "description": "Covers the climate.",
            },
        )

    def test_blog_page_is_a_collection_page(self):
        head = page_head(self.client.get(self.blog.get_absolute_url()))
        collection = head.json_ld_of_type("CollectionPage")
        self.assertEqual(collection["name"], "Climate Desk")
        self.assertEqual(collection["url"], f"http://testserver/blogs/{self.blog.slug}/")

    def test_home_page_describes_the_site_and_its_search(self):
        site = page_head(self.client.get("/")).json_ld_of_type("WebSite")
        self.assertEqual(site["name"], "Newsroom")
        target = site["potentialAction"]["target"]["urlTemplate"]
        self.assertEqual(target, "http://testserver/search/?q={search_term}")

    def test_home_blog_tag_and_author_pages_have_social_cards(self):
        pages = {
            "/": ("website", "Newsroom", "The latest news from all our blogs."),
            self.blog.get_absolute_url(): ("website", "Climate Desk", "Weather and climate"),
            "/tags/floods-rivers/": (
                "website",
                "Floods & rivers",
                "The latest posts about Floods & rivers.",
            ),
            self.ann.get_absolute_url(): ("profile", "Ann Reporter", "Covers the climate."),
            self.bob.get_absolute_url(): ("profile", "Bob Writer", "Posts by Bob Writer"),
        }
        for url, (og_type, title, description) in pages.items():
            with self.subTest(url=url):
                meta = page_head(self.client.get(url)).meta
                self.assertEqual(meta["og:type"], [og_type])
                self.assertEqual(meta["og:title"], [title])
                self.assertEqual(meta["og:description"], [description])
                self.assertEqual(meta["og:url"], [f"http://testserver{url}"])
                self.assertEqual(meta["og:site_name"], ["Newsroom"])
                self.assertEqual(meta["twitter:card"], ["summary"])
