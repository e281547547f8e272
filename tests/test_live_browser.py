"""Live coverage in a real browser (Chromium with axe-core): an editor publishes updates on
the desk while a reader's page, open on a phone, offers them without a reload. Skipped
without Chromium, as tests/test_browser.py explains."""

import os
import time
from datetime import timedelta
from io import BytesIO
from pathlib import Path

from django.contrib.auth.models import Group, Permission
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from blog.roles import sync_role_groups
from live.models import Coverage, Update

from .builders import make_author, make_blog, make_post, make_user
from .test_browser import AXE_TAGS, WIDTHS, ChromiumTestCase

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SHOTS = Path("/tmp/shots")


def jpeg():
    buffer = BytesIO()
    Image.new("RGB", (1200, 800), (40, 70, 110)).save(buffer, "JPEG")
    return {"name": "quay.jpg", "mimeType": "image/jpeg", "buffer": buffer.getvalue()}


@override_settings(
    SECURE_SSL_REDIRECT=False,
    SESSION_COOKIE_SECURE=False,
    CSRF_COOKIE_SECURE=False,
    ROOT_URLCONF="tests.urls_with_media",
)
class LiveCoverageInBrowserTests(ChromiumTestCase):
    def setUp(self):
        sync_role_groups(Group, Permission)  # each test empties the database
        self.editor = make_user("editor", "Editors", name="Ed Itor", slug="ed-itor")
        ann = make_author(name="Ann Smith")
        self.post = make_post(
            blog=make_blog(name="Climate Desk"),
            authors=[ann],
            headline="Storm Ottilie reaches the west coast",
            standfirst="Amber wind warning in force; ferries cancelled and roads closed.",
            is_breaking=True,
        )
        self.coverage = Coverage.objects.create(
            post=self.post, started_at=timezone.now() - timedelta(hours=1)
        )
        for number in range(8):
            update = Update.objects.create(
                post=self.post,
                published_at=timezone.now() - timedelta(minutes=50 - number),
                title="Roads closed" if number == 3 else "",
                body=f"Update number {number}: winds are rising along the coast and "
                "people are asked to stay away from the sea front.",
                is_key_event=number == 3,
            )
            update.authors.set([ann])
        SHOTS.mkdir(exist_ok=True)

    def new_page(self, width, user=None):
        context = self.browser.new_context(viewport={"width": width, "height": 800})
        self.addCleanup(context.close)
        if user:
            self.client.force_login(user)
            cookie = self.client.cookies["sessionid"].value
            context.add_cookies(
                [{"name": "sessionid", "value": cookie, "url": self.live_server_url}]
            )
        return context.new_page()

    def desk(self, width=1280):
        page = self.new_page(width, self.editor)
        page.goto(
            f"{self.live_server_url}{reverse('admin:live_coverage_desk', args=[self.coverage.pk])}"
        )
        return page

    def reader(self, width):
        page = self.new_page(width)
        page.goto(f"{self.live_server_url}{self.post.get_absolute_url()}")
        page.wait_for_load_state("load")
        return page

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

    def test_a_reader_is_offered_the_desks_new_updates_without_a_reload(self):
        reader = self.reader(375)
        reader.locator(
            "#update-" + str(Update.objects.order_by("pk")[4].pk)
        ).scroll_into_view_if_needed()
        reading_at = reader.evaluate("window.scrollY")
        self.assertGreater(reading_at, 0)

        desk = self.desk()
        desk.fill("#id_title", "Ferries cancelled")
        desk.fill("#id_body", "All evening sailings are cancelled.")
        desk.check("#id_is_key_event")
        desk.get_by_role("button", name="Publish update").click()
        desk.wait_for_load_state("load")
        desk.fill("#id_title", "What we know so far")
        desk.fill("#id_body", "- Amber warning until 6am\n- Sea front closed")
        desk.check("#id_is_pinned")
        desk.locator("#id_body").press("Control+Enter")  # publishes from the keyboard
        desk.wait_for_url("**/desk/")
        desk.wait_for_load_state("load")
        desk.fill("#id_body", "Waves over the harbour wall.")
        desk.get_by_text("Photo (optional)").click()
        desk.set_input_files("#id_photo", jpeg())
        desk.fill("#id_photo_caption", "The harbour wall at noon")
        desk.fill("#id_photo_credit", "Jo Photo / Newsroom")
        desk.fill("#id_photo_alt", "Waves breaking over a stone harbour wall")
        desk.get_by_role("button", name="Publish update").click()
        desk.wait_for_load_state("load")
        saved_at = time.monotonic()
        added = list(Update.objects.order_by("-pk")[:3])
        self.assertEqual(
            len(Update.objects.filter(pk__in=[u.pk for u in added], is_pinned=True)), 1
        )
        self.assertTrue(added[0].photo)

        button = reader.locator(".live-new-updates")
        button.wait_for(state="visible", timeout=10_000)
        self.assertLessEqual(time.monotonic() - saved_at, 10)
        self.assertEqual(button.inner_text(), "↑ Show 3 new updates")
        self.assertEqual(reader.evaluate("window.scrollY"), reading_at)
        status = reader.locator("[role=status]").inner_text()
        self.assertIn("3 new updates", status)
        reader.screenshot(path=SHOTS / "live-reader-button-375.png")

        button.focus()  # reachable from the keyboard
        reader.keyboard.press("Enter")
        first_ids = reader.eval_on_selector_all(
            "[data-live-updates] > article", "nodes => nodes.slice(0, 3).map(node => node.id)"
        )
        self.assertEqual(first_ids, [f"update-{update.pk}" for update in added])
        self.assertEqual(reader.evaluate("document.activeElement.id"), f"update-{added[0].pk}")
        self.assertFalse(button.is_visible())
        reader.screenshot(path=SHOTS / "live-reader-shown-375.png")

    def test_a_reader_is_told_when_updates_on_the_page_were_corrected(self):
        reader = self.reader(375)
        reader.locator(
            "#update-" + str(Update.objects.order_by("pk")[4].pk)
        ).scroll_into_view_if_needed()
        reading_at = reader.evaluate("window.scrollY")
        corrected = Update.objects.order_by("pk")[1]
        corrected.title = "Correction: the bridge reopened at 9pm"
        corrected.save()
        notice = reader.locator(".live-corrected")
        notice.wait_for(state="visible", timeout=10_000)
        self.assertIn("corrected or removed", notice.inner_text())
        self.assertIn("corrected or removed", reader.locator("[role=status]").inner_text())
        self.assertEqual(reader.evaluate("window.scrollY"), reading_at)
        self.assertEqual(self.problems(reader, "corrected notice at 375px"), [])
        reader.screenshot(path=SHOTS / "live-reader-corrected-375.png")
        reader.get_by_role("link", name="Reload to see the changes").click()
        reader.wait_for_load_state("load")
        self.assertIn("the bridge reopened at 9pm", reader.locator(".live").inner_text())
        self.assertFalse(reader.locator(".live-corrected").is_visible())

    def test_desk_and_reader_pages_pass_axe_at_both_widths(self):
        Update.objects.filter(pk=Update.objects.order_by("pk")[2].pk).update(is_pinned=True)
        problems = []
        for width in WIDTHS:
            desk = self.desk(width)
            problems += self.problems(desk, f"desk at {width}px")
            desk.screenshot(path=SHOTS / f"live-desk-{width}.png", full_page=True)
            reader = self.reader(width)
            problems += self.problems(reader, f"reader page at {width}px")
            reader.screenshot(path=SHOTS / f"live-reader-{width}.png", full_page=True)
            home = self.reader(width)
            home.goto(f"{self.live_server_url}/")
            problems += self.problems(home, f"home at {width}px")
            home.screenshot(path=SHOTS / f"live-home-{width}.png")
        desk = self.desk(1280)
        desk.fill("#id_body", "")
        desk.fill("#id_title", "Kept title")
        desk.get_by_role("button", name="Publish update").click()
        desk.wait_for_load_state("load")
        self.assertEqual(desk.input_value("#id_title"), "Kept title")
        problems += self.problems(desk, "desk with errors")
        desk.screenshot(path=SHOTS / "live-desk-errors-1280.png", full_page=True)
        self.assertEqual(problems, [], "\n".join(problems))
