"""The desk runs the front page (issue 18): pinned lead and top stories that step down on
time, a banner that shows only the story the desk meant, and the desk page that shows both."""

import time
from datetime import timedelta
from unittest import mock

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from blog.models import Post
from blog.site_state import next_change_at
from frontpage import desk
from frontpage.models import Pin

from .builders import make_blog, make_post, make_user
from .pages import card_headlines
from .readers import ReaderClient
from .test_home_page import lead_of

DESK = reverse("admin:frontpage_pin_changelist")


def lead_headline(response):
    lead = lead_of(response)
    return lead and lead.split('class="lead-headline">', 1)[1].split("</h2>", 1)[0]


def banner_of(response):
    content = response.content.decode()
    if 'class="breaking"' not in content:
        return None
    return content.split('class="breaking"', 1)[1].split("</section>", 1)[0]


class FrontPageTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.blog = make_blog(name="City")
        now = timezone.now()
        cls.oldest, cls.older, cls.newest = (
            make_post(blog=cls.blog, headline=headline, published_at=now - timedelta(hours=hours))
            for headline, hours in [("Oldest story", 3), ("Older story", 2), ("Newest story", 1)]
        )


class PinnedLeadTests(FrontPageTestCase):
    def test_a_pinned_lead_leads_and_the_newest_posts_follow(self):
        desk.pin(self.oldest, Pin.Slot.LEAD)
        response = self.client.get("/")
        self.assertIn("Oldest story", lead_headline(response))
        self.assertEqual(card_headlines(response), ["Newest story", "Older story"])

    def test_top_stories_follow_the_lead_in_the_desks_order(self):
        desk.pin(self.oldest, Pin.Slot.TOP)
        older_pin = desk.pin(self.older, Pin.Slot.TOP)
        response = self.client.get("/")
        self.assertIn("Newest story", lead_headline(response))
        self.assertEqual(card_headlines(response), ["Oldest story", "Older story"])
        desk.move(older_pin, -1)
        self.assertEqual(card_headlines(self.client.get("/")), ["Older story", "Oldest story"])

    def test_a_new_lead_takes_the_place_of_the_one_before(self):
        desk.pin(self.oldest, Pin.Slot.LEAD)
        desk.pin(self.older, Pin.Slot.LEAD)
        self.assertEqual(list(Pin.objects.values_list("post", flat=True)), [self.older.pk])
        self.assertIn("Older story", lead_headline(self.client.get("/")))

    def test_a_pin_steps_down_exactly_at_its_time(self):
        until = timezone.now() + timedelta(minutes=30)
        desk.pin(self.oldest, Pin.Slot.LEAD, until=until)
        just_before = until - timedelta(microseconds=1)
        with mock.patch("django.utils.timezone.now", return_value=just_before):
            self.assertIn("Oldest story", lead_headline(self.client.get("/")))
        with mock.patch("django.utils.timezone.now", return_value=until):
            response = self.client.get("/")
        self.assertIn("Newest story", lead_headline(response))
        self.assertEqual(card_headlines(response), ["Older story", "Oldest story"])

    def test_a_pin_running_out_is_a_scheduled_change_of_the_pages(self):
        until = timezone.now() + timedelta(minutes=30)
        desk.pin(self.oldest, Pin.Slot.TOP, until=until)
        self.assertEqual(next_change_at(timezone.now()), until.timestamp())
        self.assertEqual(next_change_at(until), float("inf"))

    def test_a_pin_of_a_post_taken_down_or_unpublished_is_ignored(self):
        desk.pin(self.oldest, Pin.Slot.LEAD)
        desk.pin(self.older, Pin.Slot.TOP)
        Post.objects.filter(pk=self.oldest.pk).update(unpublish_at=timezone.now())
        Post.objects.filter(pk=self.older.pk).update(status=Post.Status.DRAFT)
        response = self.client.get("/")
        self.assertIn("Newest story", lead_headline(response))
        self.assertEqual(card_headlines(response), [])

    def test_only_a_published_post_may_be_pinned_and_only_in_the_future(self):
        draft = make_post(blog=self.blog, status=Post.Status.DRAFT, published_at=None)
        with self.assertRaises(ValidationError):
            desk.pin(draft, Pin.Slot.LEAD)
        with self.assertRaises(ValidationError):
            desk.pin(self.older, Pin.Slot.LEAD, until=timezone.now() - timedelta(minutes=1))
        self.assertFalse(Pin.objects.exists())

    def test_the_home_page_reads_the_pins_in_one_query_and_pinned_posts_in_its_own(self):
        def queries():
            with CaptureQueriesContext(connection) as captured:
                self.client.get("/")
            return [query["sql"] for query in captured]

        unpinned = queries()
        desk.pin(self.oldest, Pin.Slot.LEAD)
        desk.pin(self.older, Pin.Slot.TOP)
        pinned = queries()
        self.assertEqual(len(pinned), len(unpinned))
        self.assertEqual(len([sql for sql in pinned if "frontpage_pin" in sql]), 1)


@override_settings(NEWSROOM_PAGE_CACHE_SECONDS=3600)
class CachedFrontPageTests(FrontPageTestCase):
    def test_a_pinned_lead_steps_down_on_time_on_a_cached_page(self):
        reader = ReaderClient()
        until = timezone.now() + timedelta(seconds=1.2)
        desk.pin(self.oldest, Pin.Slot.LEAD, until=until)
        self.assertIn("Oldest story", lead_headline(reader.get("/")))
        cached = reader.get("/")
        self.assertEqual(cached["X-Page-Cache"], "hit")
        self.assertIn("Oldest story", lead_headline(cached))
        time.sleep(max(0, (until - timezone.now()).total_seconds()) + 0.05)
        response = reader.get("/")
        self.assertEqual(response["X-Page-Cache"], "miss")
        self.assertIn("Newest story", lead_headline(response))


class BannerRuleTests(FrontPageTestCase):
    def flag(self, post, until=None):
        Post.objects.filter(pk=post.pk).update(is_breaking=True, breaking_until=until)

    def test_when_the_newest_flag_runs_out_an_older_flagged_post_does_not_come_back(self):
        until = timezone.now() + timedelta(minutes=30)
        self.flag(self.oldest)
        self.flag(self.newest, until)
        self.assertIn("Newest story", banner_of(self.client.get("/")))
        with mock.patch("django.utils.timezone.now", return_value=until):
            self.assertIsNone(banner_of(self.client.get("/")))
            self.assertFalse(Post.objects.published().breaking().exists())

    def test_an_older_flagged_post_shows_again_once_the_newer_flag_is_cleared(self):
        self.flag(self.oldest)
        self.flag(self.newest, timezone.now() - timedelta(minutes=1))
        self.assertIsNone(banner_of(self.client.get("/")))
        Post.objects.filter(pk=self.newest.pk).update(is_breaking=False, breaking_until=None)
        self.assertIn("Oldest story", banner_of(self.client.get("/")))

    def test_the_post_list_says_breaking_only_of_the_post_in_the_banner(self):
        self.flag(self.oldest)
        self.flag(self.newest, timezone.now() - timedelta(minutes=1))
        self.client.force_login(User.objects.create_superuser("chief"))
        response = self.client.get(reverse("admin:blog_post_changelist"))
        self.assertNotContains(response, 'class="breaking-flag"')
        Post.objects.filter(pk=self.newest.pk).update(breaking_until=None)
        response = self.client.get(reverse("admin:blog_post_changelist"))
        self.assertContains(response, 'class="breaking-flag"', count=1)


class DeskPageTests(FrontPageTestCase):
    def setUp(self):
        self.editor = make_user("editor", "Editors")
        self.author = make_user("writer", "Authors")

    def test_only_editors_who_publish_see_the_desk(self):
        self.client.force_login(self.author)
        self.assertEqual(self.client.get(DESK).status_code, 403)
        self.assertEqual(self.client.post(DESK, {"action": "pin"}).status_code, 403)
        self.assertNotContains(self.client.get(reverse("admin:index")), DESK)
        self.client.force_login(self.editor)
        self.assertEqual(self.client.get(DESK).status_code, 200)
        self.assertContains(self.client.get(reverse("admin:index")), DESK)

    def test_the_desk_shows_the_banner_and_the_lead_together(self):
        Post.objects.filter(pk=self.older.pk).update(is_breaking=True)
        desk.pin(self.oldest, Pin.Slot.LEAD, by=self.editor)
        self.client.force_login(self.editor)
        response = self.client.get(DESK)
        content = response.content.decode()
        banner = content.split("Breaking news banner", 1)[1].split("</dd>", 1)[0]
        lead = content.split("<dt>Lead</dt>", 1)[1].split("</dd>", 1)[0]
        self.assertIn("Older story", banner)
        self.assertIn("Oldest story", lead)
        self.assertIn("pinned by editor", lead)

    def test_an_editor_pins_reorders_times_and_unpins_on_the_desk(self):
        self.client.force_login(self.editor)
        until = timezone.localtime() + timedelta(hours=2)
        response = self.client.post(
            DESK,
            {
                "action": "pin",
                "post": self.older.pk,
                "slot": "lead",
                "pinned_until": f"{until:%Y-%m-%dT%H:%M}",
            },
            follow=True,
        )
        self.assertContains(response, "Pinned “Older story” as lead.")
        lead = Pin.objects.get(slot=Pin.Slot.LEAD)
        self.assertEqual((lead.post, lead.pinned_by), (self.older, self.editor))
        self.assertEqual(lead.pinned_until, until.replace(second=0, microsecond=0))
        for post in (self.oldest, self.newest):
            self.client.post(DESK, {"action": "pin", "post": post.pk, "slot": "top"})
        self.client.post(DESK, {"action": "down", "pin": self.oldest.pin.pk})
        tops = Pin.objects.filter(slot=Pin.Slot.TOP).in_order()
        self.assertEqual([pin.post for pin in tops], [self.newest, self.oldest])
        self.client.post(
            DESK, {"action": "until", "pin": lead.pk, f"pin-{lead.pk}-pinned_until": ""}
        )
        lead.refresh_from_db()
        self.assertIsNone(lead.pinned_until)
        self.client.post(DESK, {"action": "unpin", "pin": lead.pk})
        self.assertFalse(Pin.objects.filter(slot=Pin.Slot.LEAD).exists())

    def test_a_time_in_the_past_is_refused_with_a_message(self):
        self.client.force_login(self.editor)
        past = timezone.localtime() - timedelta(hours=1)
        response = self.client.post(
            DESK,
            {
                "action": "pin",
                "post": self.older.pk,
                "slot": "lead",
                "pinned_until": f"{past:%Y-%m-%dT%H:%M}",
            },
            follow=True,
        )
        self.assertContains(response, "must be in the future")
        self.assertFalse(Pin.objects.exists())
