"""Embedded videos and social posts: a paragraph that is only a known address becomes a
figure linking to it, and the host's player loads only when the reader asks."""

from django.test import TestCase, override_settings

from blog.embeds import FRAME_SOURCES, add_embeds, embed_for
from blog.markup import render_markdown

from .builders import make_post
from .test_browser import WIDTHS, ChromiumTestCase

VIDEO = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"


class EmbedTests(TestCase):
    def test_a_video_address_alone_in_a_paragraph_becomes_a_figure_linking_to_it(self):
        html = render_markdown(f"Watch this.\n\n{VIDEO}\n\nMore text.")
        self.assertIn('<figure class="embed embed-video"', html)
        self.assertIn('data-embed-src="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"', html)
        self.assertIn(f'<a href="{VIDEO}">Watch the video on YouTube</a>', html)
        self.assertNotIn("<iframe", html)  # nothing of YouTube's loads with the page
        self.assertIn("<p>More text.</p>", html)

    def test_the_common_hosts_are_recognised_by_their_addresses(self):
        frames = {
            "https://youtu.be/aqz-KE-bpKQ": "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ",
            "https://www.youtube.com/shorts/aqz-KE-bpKQ": (
                "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"
            ),
            "https://vimeo.com/76979871": "https://player.vimeo.com/video/76979871?dnt=1",
            "https://twitter.com/BBCBreaking/status/1234567890": (
                "https://platform.twitter.com/embed/Tweet.html?id=1234567890&dnt=true"
            ),
            "https://www.instagram.com/p/C1a2b3c4d5/": "https://www.instagram.com/p/C1a2b3c4d5/embed/",
            "https://www.tiktok.com/@bbcnews/video/7300000000000000000": (
                "https://www.tiktok.com/embed/v2/7300000000000000000"
            ),
        }
        for address, frame in frames.items():
            with self.subTest(address=address):
                self.assertEqual(embed_for(address).frame, frame)
                self.assertTrue(any(frame.startswith(source) for source in FRAME_SOURCES))
        self.assertEqual(embed_for("https://bsky.app/profile/bbc.co.uk/post/3kabc").frame, "")

    def test_hosts_without_a_frame_and_mastodon_posts_are_link_cards(self):
        html = render_markdown("https://mastodon.social/@newsroom/113456789012345678")
        self.assertIn("See the post on Mastodon", html)
        self.assertNotIn("data-embed-src", html)

    def test_addresses_that_are_not_alone_or_not_known_stay_as_written(self):
        for text in [
            f"See {VIDEO} now",
            "https://example.org/watch?v=aqz-KE-bpKQ",
            "https://www.youtube.com/watch?v=short",
            "javascript:alert(1)",
            "https://user:secret@www.youtube.com/watch?v=aqz-KE-bpKQ",
        ]:
            with self.subTest(text=text):
                self.assertNotIn("<figure", render_markdown(text))

    def test_a_link_whose_text_is_not_its_address_is_left_alone(self):
        html = render_markdown(f"[{VIDEO}](https://evil.example/)")
        self.assertNotIn("<figure", html)
        self.assertIn('href="https://evil.example/"', html)

    def test_nothing_an_editor_types_reaches_the_figure_unescaped(self):
        html = add_embeds('<p>https://www.youtube.com/watch?v=aqz-KE-bpKQ&amp;x="&gt;</p>')
        self.assertIn('data-embed-src="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"', html)
        self.assertNotIn('x="', html)

    def test_the_post_page_lets_in_only_the_players_frames_and_loads_the_button_script(self):
        post = make_post(body=f"Intro.\n\n{VIDEO}")
        response = self.client.get(post.get_absolute_url())
        self.assertContains(response, "data-embed-src")
        self.assertContains(response, "/static/js/embeds")
        policy = response.headers["Content-Security-Policy"]
        frame_src = next(p for p in policy.split(";") if p.strip().startswith("frame-src"))
        self.assertEqual(frame_src.split()[1:], FRAME_SOURCES)
        self.assertIn("script-src 'self'", policy)
        without = make_post(body="No video.")
        self.assertNotContains(self.client.get(without.get_absolute_url()), "/static/js/")


@override_settings(SECURE_SSL_REDIRECT=False)
class EmbedBrowserTests(ChromiumTestCase):
    def test_the_player_loads_in_a_frame_only_when_the_reader_asks(self):
        post = make_post(headline="Match report", body=f"The goal.\n\n{VIDEO}")
        for width in WIDTHS:
            with self.subTest(width=width):
                page = self.browser.new_page(viewport={"width": width, "height": 900})
                self.addCleanup(page.close)
                asked = []
                # The sandbox has no internet: answer for YouTube, and note each request.
                page.route(
                    "https://www.youtube-nocookie.com/**",
                    lambda route, request, asked=asked: (
                        asked.append(request.url),
                        route.fulfill(body="player"),
                    ),
                )
                page.goto(self.live_server_url + post.get_absolute_url())
                button = page.get_by_role("button", name="Play the video here (loads YouTube)")
                self.assertEqual(page.locator("iframe").count(), 0)
                self.assertEqual(asked, [])
                page.locator("figure.embed").screenshot(path=f"/tmp/shots/embed-{width}-asking.png")
                button.focus()
                page.keyboard.press("Enter")
                frame = page.locator("figure.embed iframe")
                frame.wait_for()
                self.assertEqual(
                    frame.get_attribute("src"), "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"
                )
                self.assertEqual(frame.get_attribute("title"), "Video from YouTube")
                page.wait_for_timeout(300)
                self.assertEqual(asked, ["https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"])
                box = frame.bounding_box()
                self.assertAlmostEqual(box["width"] / box["height"], 16 / 9, delta=0.05)
                frame.scroll_into_view_if_needed()
                page.screenshot(path=f"/tmp/shots/embed-{width}.png")
