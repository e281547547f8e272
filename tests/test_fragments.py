"""A page-cache miss renders less: post cards and live updates are kept by what they show, and
what many pages read (the navigation, the banner, a blog's newest posts, the pins, the live
coverage) is read once a generation; neither can keep a reader from a change, however it was
made."""

import datetime
import re
from pathlib import Path
from unittest import mock

from django.db import connection
from django.template import Context, Template
from django.template.loader import get_template
from django.test import RequestFactory, TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from blog.cards import cards
from blog.models import Author, Blog, Post
from blog.templatetags import blog_tags
from blog.templatetags.blog_tags import archive_box
from live.models import UPDATES_PER_PAGE, Coverage, Update
from live.templatetags import live_tags
from pagecache import fragments as fragments_module
from pagecache import kept
from pagecache.fragments import fragments
from pagecache.pages import GENERATION

from .builders import image_upload, make_author, make_blog, make_post
from .readers import ReaderClient
from .servers import PagesOnOwnRedis
from .test_page_cache import PageCacheTestCase


def counting_calls(module, name):
    """module.name, doing what it did, its calls counted (the mock's call_count)."""
    return mock.patch.object(module, name, wraps=getattr(module, name))


def raw_sql(statement, *params):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


class CardTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.blog = make_blog(name="City")
        cls.author = make_author(name="Ann Reporter")
        cls.posts = [
            make_post(blog=cls.blog, headline=f"Story {n}", authors=[cls.author]) for n in range(3)
        ]

    def setUp(self):
        fragments.clear()
        self.reader = ReaderClient()

    def blog_page(self):
        response = self.reader.get(self.blog.get_absolute_url())
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_a_second_render_of_a_list_page_renders_no_card_again(self):
        first = self.blog_page()
        with counting_calls(fragments_module, "render_to_string") as rendered:
            second = self.blog_page()
        self.assertEqual(rendered.call_count, 0)
        self.assertEqual(first, second)
        self.assertIn("Story 2", second)

    def test_a_headline_changed_by_raw_sql_shows_on_the_next_render(self):
        self.blog_page()
        raw_sql("UPDATE blog_post SET headline = %s WHERE id = %s", "Flood!", self.posts[0].pk)
        page = self.blog_page()
        self.assertIn("Flood!", page)
        self.assertNotIn("Story 0", page)

    def test_an_authors_new_name_and_a_blogs_new_name_show_on_every_card(self):
        self.blog_page()
        Author.objects.filter(pk=self.author.pk).update(name="Ann Editor")
        Blog.objects.filter(pk=self.blog.pk).update(name="Metro")
        page = self.blog_page()
        self.assertEqual(page.count("Ann Editor"), 3)
        self.assertNotIn("Ann Reporter", page)
        self.assertGreaterEqual(page.count(">Metro</a>"), 3)

    def test_a_byline_reordered_or_added_by_raw_sql_shows_on_the_card(self):
        second = make_author(name="Bob Writer")
        post = self.posts[0]
        post.bylines.create(author=second, position=1)
        self.assertIn("Ann Reporter and Bob Writer", self.blog_page())
        raw_sql("UPDATE blog_byline SET position = 2 - position WHERE post_id = %s", post.pk)
        self.assertIn("Bob Writer and Ann Reporter", self.blog_page())

    def test_a_card_built_from_its_rows_shows_what_the_rows_hold(self):
        """A card's Post is made from its rows alone: the rows carry every column the card
        reads, so its render makes no query (one that did would not be kept)."""
        raw_sql(
            "UPDATE blog_post SET standfirst = %s WHERE id = %s", "Water rising", self.posts[1].pk
        )
        [card] = cards([self.posts[1].pk])
        with self.assertNumQueries(0):
            html = card.render("blog/includes/post_card.html", is_live=False)
        self.assertIn("Water rising", html)
        self.assertIn("Ann Reporter", html)
        self.assertIn(">City</a>", html)
        self.assertEqual(len(fragments.entries), 1)

    def test_a_page_of_cards_is_kept_whole_and_card_by_card(self):
        self.blog_page()
        # cards, their run, the chrome (banner, navigation, footer), the archive box
        self.assertEqual(len(fragments.entries), 3 + 1 + 3 + 1)
        raw_sql("UPDATE blog_post SET headline = %s WHERE id = %s", "Flood!", self.posts[0].pk)
        with counting_calls(fragments_module, "render_to_string") as rendered:
            self.assertIn("Flood!", self.blog_page())
        self.assertEqual(rendered.call_count, 1)  # the changed card; the run is joined anew

    def test_a_card_is_kept_apart_for_each_language(self):
        [card] = cards([self.posts[0].pk])
        with translation.override("en-gb"):
            english = card.render("blog/includes/post_card.html")
        with translation.override("fr"):
            french = card.render("blog/includes/post_card.html")
        self.assertEqual(len(fragments.entries), 2)
        self.assertNotEqual(english, french)

    def test_a_fragment_reading_what_its_instance_did_not_load_is_right_and_not_kept(self):
        post = Post.objects.only("headline").get(pk=self.posts[0].pk)
        Post.objects.filter(pk=post.pk).update(standfirst="Loaded late")
        with self.assertLogs("pagecache.fragments", "WARNING") as logs:
            html = fragments.keep(
                "standfirst", lambda: post.standfirst, {"post": post}, {"shown": "standfirst"}
            )
        self.assertEqual(html, "Loaded late")
        self.assertEqual(len(fragments.entries), 0)
        self.assertIn("did not load", logs.output[0])

    def test_a_field_not_loaded_read_inside_an_if_is_not_kept_without_it(self):
        """{% if %} operators count any error as False: the refused query must still tell."""
        post = Post.objects.only("headline").get(pk=self.posts[0].pk)
        Post.objects.filter(pk=post.pk).update(standfirst="Winds rising")
        template = Template("{% if post.standfirst and shown %}{{ post.standfirst }}{% endif %}")
        with self.assertLogs("pagecache.fragments", "WARNING"):
            html = fragments.keep(
                "standfirst",
                lambda: template.render(Context({"post": post, "shown": True})),
                {"post": post},
                {"shown": True},
            )
        self.assertEqual(html, "Winds rising")
        self.assertEqual(len(fragments.entries), 0)

    @override_settings(NEWSROOM_FRAGMENT_MEMORY_ENTRIES=2)
    def test_each_worker_keeps_a_bounded_number_of_fragments(self):
        self.blog_page()
        self.assertEqual(len(fragments.entries), 2)

    def test_each_worker_keeps_a_bounded_number_of_bytes_of_fragments(self):
        self.blog_page()
        everything = len(fragments.entries)
        limit = fragments.bytes // 2
        fragments.clear()
        with override_settings(NEWSROOM_FRAGMENT_MEMORY_BYTES=limit):
            self.assertIn("Story 2", self.blog_page())
        self.assertLessEqual(fragments.bytes, limit)
        self.assertLess(len(fragments.entries), everything)
        self.assertEqual(fragments.bytes, sum(size for _, size in fragments.entries.values()))


class EveryReaderPageKeepsItsFragmentsTests(TestCase):
    """The card and update templates read only what their queries load: no page falls back to
    rendering them unkept."""

    def test_no_reader_page_renders_a_fragment_from_what_was_not_loaded(self):
        author = make_author(name="Ann Reporter")
        post = make_post(
            headline="Storm",
            authors=[author],
            tags=["Weather"],
            lead_image=image_upload(),
            lead_image_alt="A flooded street",
        )
        make_post(blog=post.blog, headline="Calm", authors=[author], tags=["Weather"])
        Coverage.objects.create(post=post)
        Update.objects.create(
            post=post, body="Winds of 90 mph.", photo=image_upload(), photo_alt="Waves"
        )
        fragments.clear()
        paths = [
            "/",
            post.blog.get_absolute_url(),
            "/tags/weather/",
            author.get_absolute_url(),
            f"/archive/{post.published_at.year}/",
            post.get_absolute_url(),
            "/search/?q=storm",
        ]
        with self.assertNoLogs("pagecache.fragments", "WARNING"):
            for path in paths:
                with self.subTest(path):
                    self.assertEqual(ReaderClient().get(path).status_code, 200)
        self.assertGreaterEqual(len(fragments.entries), 3)


class SiteChromeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.blog = make_blog(name="City")
        cls.storm = make_post(blog=cls.blog, headline="Storm hits", is_breaking=True)

    def setUp(self):
        fragments.clear()

    def test_the_banner_navigation_and_footer_follow_raw_sql(self):
        reader = ReaderClient()
        self.assertContains(reader.get("/"), "Storm hits")
        raw_sql("UPDATE blog_post SET headline = %s WHERE id = %s", "Storm passes", self.storm.pk)
        raw_sql("UPDATE blog_blog SET name = %s WHERE id = %s", "Metro", self.blog.pk)
        page = reader.get("/").content.decode()
        self.assertIn("Storm passes", page)
        self.assertNotIn("Storm hits", page)
        # the navigation, the footer, the blogs box and the card
        self.assertEqual(page.count(">Metro</a>"), 4)
        self.assertNotIn(">City<", page)

    def test_the_footers_year_turns_at_new_year(self):
        self.assertContains(ReaderClient().get("/"), f"© {timezone.localdate().year} ")
        new_year = datetime.date(2031, 1, 1)
        with mock.patch("django.utils.timezone.localdate", return_value=new_year):
            self.assertContains(ReaderClient().get("/"), "© 2031 ")

    def test_no_kept_fragment_reads_the_clock(self):
        """A fragment is kept by what it is given: one that read the time would stay as it
        was when first rendered."""
        sources = "".join(path.read_text() for path in Path(".").glob("[bl]*/**/*.py"))
        # fragments.render("…"), fragments.render_rows("…"), card.render("…") and
        # kept_post_part("…"), and the templates they include
        kept = re.findall(
            r"""(?:\.render(?:_rows)?|kept_post_part)\(\s*["']([^"']+\.html)["']""", sources
        )
        self.assertGreaterEqual(len(set(kept)), 9)
        seen = set()
        while kept:
            name = kept.pop()
            if name in seen:
                continue
            seen.add(name)
            source = get_template(name).template.source
            with self.subTest(name):
                self.assertNotRegex(source, r"{% *now|timesince|timeuntil|naturaltime")
            kept += re.findall(r"""{% *include +["']([^"']+)["']""", source)
        self.assertIn("live/head.html", seen)


class LiveUpdateTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.post = make_post(headline="Storm live")
        Coverage.objects.create(post=cls.post)
        cls.update = Update.objects.create(post=cls.post, body="Winds of 90 mph.")

    def setUp(self):
        fragments.clear()

    def test_an_update_corrected_by_a_queryset_update_shows_corrected(self):
        reader = ReaderClient()
        self.assertContains(reader.get(self.post.get_absolute_url()), "Winds of 90 mph.")
        Update.objects.filter(pk=self.update.pk).update(body_html="<p>Winds of 70 mph.</p>")
        page = reader.get(self.post.get_absolute_url())
        # the update, and its headline and text in the page's JSON-LD
        self.assertContains(page, "Winds of 70 mph.", count=3)
        self.assertNotContains(page, "90 mph")

    def test_an_author_added_to_an_update_by_raw_sql_shows_in_it_and_its_json_ld(self):
        reader = ReaderClient()
        reader.get(self.post.get_absolute_url())
        author = make_author(name="Cy Stringer")
        raw_sql(
            "INSERT INTO live_update_authors (update_id, author_id) VALUES (%s, %s)",
            self.update.pk,
            author.pk,
        )
        page = reader.get(self.post.get_absolute_url())
        # the update's byline, and its author in the page's JSON-LD
        self.assertContains(page, "Cy Stringer", count=2)

    def test_a_live_pages_updates_are_kept_whole_and_one_changed_renders_alone(self):
        second = Update.objects.create(post=self.post, body="Trees down.")
        reader = ReaderClient()
        reader.get(self.post.get_absolute_url())
        raw_sql(
            "UPDATE live_update SET body_html = %s WHERE id = %s", "<p>Roads shut.</p>", second.pk
        )
        with counting_calls(fragments_module, "render_to_string") as rendered:
            page = reader.get(self.post.get_absolute_url())
        self.assertContains(page, "Roads shut.", count=3)  # the update and its JSON-LD
        self.assertContains(page, "Winds of 90 mph.")
        self.assertEqual(rendered.call_count, 1)  # the changed update; the run is joined anew

    def test_a_live_pages_updates_and_json_ld_are_kept_whole_until_its_coverage_changes(self):
        reader = ReaderClient()
        with (
            counting_calls(live_tags, "render_to_string") as sections_rendered,
            counting_calls(live_tags, "live_blog_posting") as json_ld_made,
        ):
            for _ in range(2):
                page = reader.get(self.post.get_absolute_url())
                self.assertContains(page, "Coverage started")
                self.assertContains(page, "LiveBlogPosting")
        self.assertEqual(sections_rendered.call_count, 1)
        self.assertEqual(json_ld_made.call_count, 1)
        raw_sql("UPDATE live_coverage SET ended_at = %s", timezone.now())
        page = reader.get(self.post.get_absolute_url())
        self.assertContains(page, "Coverage ended")
        self.assertContains(page, '"coverageEndTime"')
        self.assertNotContains(page, "data-live-poll")

    def test_a_headline_changed_by_raw_sql_shows_in_the_share_titles_and_json_ld(self):
        reader = ReaderClient()
        reader.get(self.post.get_absolute_url())
        raw_sql("UPDATE blog_post SET headline = %s WHERE id = %s", "Gale live", self.post.pk)
        page = reader.get(self.post.get_absolute_url())
        self.assertContains(page, 'data-share-title="Gale live"')
        self.assertContains(page, '"headline": "Gale live"')  # the JSON-LD, kept apart

    def test_each_page_of_updates_is_kept_apart(self):
        start = timezone.now() - datetime.timedelta(hours=1)
        later = [
            Update.objects.create(
                post=self.post,
                published_at=start + datetime.timedelta(minutes=n + 1),
                body=f"Later report {n}.",
            )
            for n in range(UPDATES_PER_PAGE)
        ]
        Update.objects.filter(pk=self.update.pk).update(published_at=start)
        oldest, newer = f'id="update-{self.update.pk}"', f'id="update-{later[5].pk}"'
        reader, path = ReaderClient(), self.post.get_absolute_url()
        first, second = reader.get(path), reader.get(f"{path}?page=2")
        self.assertNotContains(first, oldest)
        self.assertContains(first, newer)
        self.assertContains(second, oldest)
        self.assertNotContains(second, newer)
        self.assertContains(second, "Page 2 of 2")
        self.assertContains(reader.get(path), "Page 1 of 2")

    def test_the_share_link_names_the_host_the_reader_asked(self):
        path = self.post.get_absolute_url()
        self.assertContains(ReaderClient().get(path), "http://testserver/live/")
        self.assertContains(
            ReaderClient().get(path, HTTP_HOST="localhost"), "http://localhost/live/"
        )


class PostPageTests(TestCase):
    """A post page's head, its post and its sidebar are each kept whole by what they show:
    the post and all it loaded, the blog's latest posts, the address the reader asked."""

    @classmethod
    def setUpTestData(cls):
        cls.blog = make_blog(name="City", about="News of the city.")
        cls.author = make_author(name="Ann Reporter")
        cls.post = make_post(
            blog=cls.blog, headline="Storm hits", authors=[cls.author], tags=["Weather"]
        )
        cls.other = make_post(blog=cls.blog, headline="Calm returns")
        cls.path = cls.post.get_absolute_url()

    def setUp(self):
        fragments.clear()
        self.reader = ReaderClient()

    def test_a_second_render_of_a_post_page_renders_none_of_its_parts_again(self):
        self.assertContains(self.reader.get(self.path), "Storm hits", count=6)
        with (
            counting_calls(blog_tags, "render_to_string") as post_parts,
            counting_calls(fragments_module, "render_to_string") as sidebars,
        ):
            page = self.reader.get(self.path)
        # the title, the headline, og:title and twitter:title; the JSON-LD and its breadcrumb
        self.assertContains(page, "Storm hits", count=6)
        self.assertContains(page, "Calm returns")
        self.assertEqual(post_parts.call_count, 0)
        self.assertEqual(sidebars.call_count, 0)

    def test_whatever_raw_sql_changes_shows_in_every_part_of_the_page(self):
        self.reader.get(self.path)
        raw_sql("UPDATE blog_post SET headline = %s WHERE id = %s", "Gale hits", self.post.pk)
        raw_sql("UPDATE blog_post SET headline = %s WHERE id = %s", "All calm", self.other.pk)
        raw_sql("UPDATE blog_author SET name = %s WHERE id = %s", "Ann Writer", self.author.pk)
        raw_sql("UPDATE taggit_tag SET name = %s", "Gales")
        raw_sql("UPDATE blog_blog SET about = %s", "Stories of the city.")
        raw_sql(
            "INSERT INTO blog_correction (post_id, kind, text, created_at)"
            " VALUES (%s, 'correction', %s, %s)",
            self.post.pk,
            "The storm hit on Monday.",
            timezone.now(),
        )
        page = self.reader.get(self.path)
        self.assertNotContains(page, "Storm hits")
        self.assertContains(page, "<h1>Gale hits</h1>", html=True)
        self.assertContains(page, '<meta property="og:title" content="Gale hits">', html=True)
        self.assertContains(page, '"headline": "Gale hits"')
        # the byline, the sign-off and the JSON-LD's author
        self.assertContains(page, "Ann Writer", count=3)
        self.assertContains(page, '<meta property="article:tag" content="Gales">', html=True)
        self.assertContains(page, 'rel="tag">Gales</a>')
        self.assertContains(page, "The storm hit on Monday.")
        self.assertContains(page, "Stories of the city.")
        self.assertContains(page, "All calm")
        self.assertNotContains(page, "Calm returns")

    def test_the_head_and_the_post_name_the_host_the_reader_asked(self):
        for host in ("testserver", "localhost"):
            page = self.reader.get(self.path, HTTP_HOST=host)
            self.assertContains(
                page, f'<meta property="og:url" content="http://{host}{self.path}">', html=True
            )
            self.assertContains(page, f'"@id": "http://{host}{self.path}"')

    def test_a_settled_post_is_kept_by_what_it_held_when_it_was_settled(self):
        def settled_key():
            post = fragments_module.settle(Post.objects.select_related("blog").get(pk=self.post.pk))
            return fragments_module.fragment_key("part", {"post": post}, {})

        first = settled_key()
        self.assertEqual(settled_key(), first)
        raw_sql("UPDATE blog_blog SET tagline = %s", "All the city's news")
        self.assertNotEqual(settled_key(), first)

    def test_what_a_refused_render_loaded_on_a_settled_post_counts_in_its_key_after(self):
        def loaded_post():
            post = Post.objects.select_related("blog").only("headline", "blog__name")
            return post.get(pk=self.post.pk)

        post = fragments_module.settle(loaded_post())
        settled = fragments_module.fragment_key("part", {"post": post}, {})
        with self.assertLogs("pagecache.fragments", "WARNING"):
            about = fragments.keep("part", lambda: post.blog.about, {"post": post}, {})
        self.assertEqual(about, "News of the city.")
        # the blog's about text, loaded by the render that was not kept, is in the key now
        key = fragments_module.fragment_key("part", {"post": post}, {})
        self.assertNotEqual(key, settled)
        unsettled = loaded_post()
        unsettled.blog.about = "News of the city."
        self.assertEqual(key, fragments_module.fragment_key("part", {"post": unsettled}, {}))

    def test_a_kept_part_may_ask_only_absolute_addresses_of_the_request(self):
        site = fragments_module.SiteAddress(RequestFactory().get("/blogs/city/storm/?page=2"))
        self.assertEqual(site.build_absolute_uri("/tags/"), "http://testserver/tags/")
        self.assertEqual(
            site.build_absolute_uri("https://cdn.test/a.jpg"), "https://cdn.test/a.jpg"
        )
        for relative in ("?page=3", "?next=https://cdn.test/", "page-3/"):
            with self.subTest(relative), self.assertRaises(ValueError):
                site.build_absolute_uri(relative)
        self.assertFalse(hasattr(site, "user") or hasattr(site, "GET"))


class ReadOnceAGenerationTests(PageCacheTestCase):
    """Pages the page cache may keep (a miss after each bump) read the site's shared data
    once a generation."""

    def setUp(self):
        super().setUp()
        kept.forget()

    def queries_of(self, path):
        with CaptureQueriesContext(connection) as queries:
            self.assertRebuilt(path)
        return len(queries)

    def test_a_second_miss_reads_no_navigation_banner_or_latest_posts(self):
        first = self.queries_of(self.bridge.get_absolute_url())
        second = self.queries_of(self.park.get_absolute_url())
        # the blogs, the banner, the blog's newest posts, and the two queries of when they
        # may next change with nothing saved
        self.assertEqual(first - second, 5)

    def test_a_second_miss_asks_no_query_of_when_pages_next_change(self):
        """The moment a miss stores its page until is the one kept for its generation: no
        scheduled change lies between the first miss and the next scheduled change."""
        self.assertRebuilt(self.bridge.get_absolute_url())
        with CaptureQueriesContext(connection) as queries:
            self.assertRebuilt(self.park.get_absolute_url())
        self.assertFalse([q for q in queries if "frontpage_pin" in q["sql"]])
        self.assertFalse([q for q in queries if "MIN(" in q["sql"].upper()])

    def test_a_scheduled_post_going_live_ends_what_is_kept(self):
        later = timezone.now() + datetime.timedelta(minutes=5)
        scheduled = make_post(blog=self.city, headline="Embargoed report", published_at=later)
        self.assertRebuilt(self.bridge.get_absolute_url())
        with (
            mock.patch("django.utils.timezone.now", return_value=later),
            mock.patch("time.time", return_value=later.timestamp() + 1),
        ):
            page = self.assertRebuilt(self.park.get_absolute_url(), "Embargoed report")
        self.assertIn(scheduled.get_absolute_url(), page.content.decode())

    def test_a_new_generation_reads_them_again_and_shows_the_change(self):
        self.read(self.bridge.get_absolute_url())
        with self.committed():
            Blog.objects.filter(pk=self.city.pk).update(name="Metro")
        self.assertRebuilt(self.park.get_absolute_url(), ">Metro<")


class KeptApartByTimeZoneTests(TestCase):
    def test_a_blogs_archive_months_follow_the_time_zone_they_are_read_in(self):
        blog = make_blog(name="City")
        make_post(
            blog=blog, published_at=datetime.datetime(2022, 12, 31, 23, 30, tzinfo=datetime.UTC)
        )
        kept.forget()

        def months(zone):
            request = RequestFactory().get("/")
            request.environ[GENERATION] = "a-generation"
            with timezone.override(zone):
                return archive_box({"request": request}, blog)

        archive = f"/blogs/{blog.slug}/archive"
        self.assertInHTML(f'<a href="{archive}/2022/12/">December 2022</a>', months("UTC"))
        self.assertInHTML(f'<a href="{archive}/2023/1/">January 2023</a>', months("Asia/Tokyo"))


class SharedGenerationWithoutPageCacheTests(PagesOnOwnRedis, TestCase):
    """With Redis but the page cache off, pages are rendered for every request, and still
    read the shared data once a generation."""

    @classmethod
    def setUpTestData(cls):
        cls.city = make_blog(name="City")
        cls.bridge = make_post(blog=cls.city, headline="Bridge")
        cls.park = make_post(blog=cls.city, headline="Park")

    def setUp(self):
        super().setUp()
        kept.forget()
        self.enterContext(override_settings(NEWSROOM_PAGE_CACHE_SECONDS=0))

    def test_the_shared_data_is_read_once_and_dropped_by_a_write(self):
        reader = ReaderClient()
        reader.get(self.bridge.get_absolute_url())
        with CaptureQueriesContext(connection) as queries:
            reader.get(self.park.get_absolute_url())
        self.assertFalse([q for q in queries if 'FROM "blog_blog"' in q["sql"]])
        with self.captureOnCommitCallbacks(execute=True):
            raw_sql("UPDATE blog_blog SET name = %s WHERE id = %s", "Metro", self.city.pk)
        self.assertContains(reader.get(self.park.get_absolute_url()), ">Metro<")
