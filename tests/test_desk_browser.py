"""The front page desk as an editor uses it, in a real browser (Chromium with axe-core), at 375
and 1280 pixels wide: pin a story as lead with a time it steps down, see it lead the home page,
see it step down on time. Skipped without Chromium, as tests/test_browser.py explains."""

import os
from datetime import timedelta
from pathlib import Path
from unittest import mock

from django.contrib.auth.models import Group, Permission
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from blog.images import make_renditions
from blog.roles import sync_role_groups

from .builders import image_upload, make_blog, make_post, make_user
from .test_browser import AXE_TAGS, WIDTHS, ChromiumTestCase

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SHOTS = Path("/tmp/shots")
DESK = reverse("admin:frontpage_pin_changelist")
PINNED = "Harbour wall repairs finish a year early after the winter storms"


# The live server builds its middleware before per-test settings apply: plain HTTP from the
# start, and cookies a browser keeps over it.
@override_settings(
    SECURE_SSL_REDIRECT=False,
    SESSION_COOKIE_SECURE=False,
    CSRF_COOKIE_SECURE=False,
    ROOT_URLCONF="tests.urls_with_media",
)
class DeskInBrowserTests(ChromiumTestCase):
    def setUp(self):
        # Each test here empties the database, the role groups of the migrations with it.
        sync_role_groups(Group, Permission)
        self.editor = make_user("editor", "Editors")
        city = make_blog(name="City Desk")
        for name in ("Politics Live", "Business", "Sport", "Culture", "Science & Environment"):
            make_blog(name=name)
        now = timezone.now()
        photo = {"lead_image_alt": "The harbour", "lead_image_caption": "The harbour"}
        self.pinned = make_post(
            blog=city,
            headline=PINNED,
            published_at=now - timedelta(hours=5),
            lead_image=image_upload(size=(800, 450)),
            **photo,
        )
        make_renditions(self.pinned.lead_image)
        self.council = [
            make_post(
                blog=city,
                headline=f"Council story from {hours} hours ago",
                published_at=now - timedelta(hours=hours),
            )
            for hours in (4, 3, 2)
        ]
        self.newest = make_post(
            blog=city,
            headline="Newest: the ferry timetable changes on Monday",
            published_at=now - timedelta(hours=1),
        )
        make_post(
            blog=city,
            headline="Storm warning for the coast tonight",
            is_breaking=True,
            published_at=now - timedelta(minutes=90),
        )
        SHOTS.mkdir(exist_ok=True)

    def page(self, width, user=None):
        context = self.browser.new_context(viewport={"width": width, "height": 900})
        self.addCleanup(context.close)
        if user:
            self.client.force_login(user)
            cookie = self.client.cookies["sessionid"].value
            context.add_cookies(
                [{"name": "sessionid", "value": cookie, "url": self.live_server_url}]
            )
        return context.new_page()

    def problems(self, page, name):
        options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
        found = [
            f"{name}: {violation['id']}: {[node['target'] for node in violation['nodes']][:3]}"
            for violation in self.axe.run(page, options=options).response["violations"]
        ]
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            found.append(f"{name} scrolls sideways by {overflow}px")
        return found

    def lead_on_home(self, width, shot):
        page = self.page(width)
        page.goto(f"{self.live_server_url}/")
        page.screenshot(path=SHOTS / f"home-{shot}-{width}.png", full_page=True)
        return page.locator(".lead-story .lead-headline").inner_text()

    def test_an_editor_pins_a_lead_that_leads_the_home_page_and_steps_down_on_time(self):
        until = timezone.localtime() + timedelta(minutes=30)
        page = self.page(1280, self.editor)
        page.goto(f"{self.live_server_url}{DESK}")
        page.locator("#id_post").select_option(str(self.pinned.pk))
        page.get_by_role("radio", name="Lead").check()
        page.locator("#id_pinned_until").fill(f"{until:%Y-%m-%dT%H:%M}")
        page.get_by_role("button", name="Pin to the front page").click()
        page.wait_for_load_state("load")
        self.assertIn("Pinned “Harbour wall", page.locator(".messagelist").inner_text())

        # The desk shows the banner and the lead together.
        banner = page.locator(".desk-banner").inner_text()
        lead = page.locator(".desk-lead").inner_text()
        self.assertIn("Storm warning for the coast tonight", banner)
        self.assertIn(PINNED, lead)
        self.assertIn("pinned by editor", lead)
        self.assertIn(f"steps down at {until:%-d %b, %H:%M}", lead)

        # Two top stories, the second moved above the first.
        for post in self.council[:2]:
            page.locator("#id_post").select_option(str(post.pk))
            page.get_by_role("radio", name="Top story").check()
            page.get_by_role("button", name="Pin to the front page").click()
            page.wait_for_load_state("load")
        page.get_by_role("button", name=f"Move up “{self.council[1].headline}”").click()
        page.wait_for_load_state("load")
        tops = page.locator(".desk-pin .desk-headline").all_inner_texts()
        self.assertEqual(tops, [self.council[1].headline, self.council[0].headline])

        problems = []
        for width in WIDTHS:
            desk = self.page(width, self.editor)
            desk.goto(f"{self.live_server_url}{DESK}")
            desk.screenshot(path=SHOTS / f"desk-{width}.png", full_page=True)
            problems += self.problems(desk, f"desk at {width}px")
        self.assertEqual(problems, [], "\n".join(problems))

        for width in WIDTHS:
            self.assertEqual(self.lead_on_home(width, "pinned"), PINNED)

        # The moment it steps down, with nothing saved, the newest post leads again.
        step_down = until.replace(second=0, microsecond=0)
        with mock.patch("django.utils.timezone.now", return_value=step_down):
            for width in WIDTHS:
                self.assertEqual(self.lead_on_home(width, "after"), self.newest.headline)

    def test_the_blogs_row_shows_it_scrolls_on_a_phone_and_nothing_stays_faded(self):
        page = self.page(375)
        page.goto(f"{self.live_server_url}/")
        nav = page.locator(".site-nav")
        self.assertGreater(nav.evaluate("nav => nav.scrollWidth - nav.clientWidth"), 0)
        self.assertIn("linear-gradient", nav.evaluate("nav => getComputedStyle(nav).maskImage"))
        nav.evaluate("nav => { nav.scrollLeft = nav.scrollWidth; }")
        last = page.locator(".site-nav li:last-child a").bounding_box()
        box = nav.bounding_box()
        # The fade is the last 3rem (48px) of the row.
        self.assertLessEqual(round(last["x"] + last["width"]), round(box["x"] + box["width"] - 48))
        page.locator(".site-nav").screenshot(path=SHOTS / "nav-scrolled-375.png")
