"""The page cache on the day a story breaks: editors save drafts every few seconds, readers
keep their cached pages; configuration changes and Redis restarts never bring back old
pages."""

import os
import subprocess
import sys
from unittest import mock

from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from blog.models import Post
from pagecache import release

from .builders import make_post
from .readers import ReaderClient
from .test_page_cache import PageCacheTestCase


class DraftSavesTests(PageCacheTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.draft = make_post(
            blog=cls.city, headline="Embargoed", status=Post.Status.DRAFT, published_at=None
        )

    def test_an_editor_saving_a_draft_over_and_over_keeps_every_cached_page(self):
        paths = ["/", self.city.get_absolute_url(), self.bridge.get_absolute_url()]
        self.warm(*paths)
        for take in range(3):
            with self.committed():
                self.draft.headline = f"Embargoed, take {take}"
                self.draft.save()
                self.draft.tags.add("Roads")
            for path in paths:
                self.assertCached(path)

    def test_publishing_the_draft_rebuilds_the_pages_that_show_it(self):
        self.warm("/")
        with self.committed():
            self.client.post(
                reverse("admin:blog_post_changelist"),
                {"action": "publish_now", "_selected_action": [self.draft.pk]},
            )
        self.assertRebuilt("/", "Embargoed")


class ConfigurationTests(PageCacheTestCase):
    def restarted_with(self, **changed):
        """As if the app servers restarted with a new configuration: the release is computed
        from the settings they start with."""
        overridden = override_settings(**changed)
        overridden.enable()
        self.addCleanup(overridden.disable)
        patched = mock.patch.object(release, "current", release.compute())
        patched.start()
        self.addCleanup(patched.stop)
        self.reader = ReaderClient()  # middleware reads its settings when it starts

    def test_every_setting_that_changes_pages_makes_a_new_release(self):
        for name, value in [
            ("SECURE_SSL_REDIRECT", not settings.SECURE_SSL_REDIRECT),
            ("ALLOWED_HOSTS", ["news.example.org"]),
            ("NEWSROOM_SITE_NAME", "Kestrel Bay News"),
            ("MEDIA_URL", "https://media.example.org/"),
        ]:
            with self.subTest(name), override_settings(**{name: value}):
                self.assertNotEqual(release.compute(), release.current)

    def test_the_release_is_the_same_in_every_process_with_the_same_configuration(self):
        program = (
            "import django; django.setup(); from pagecache import release; print(release.current)"
        )
        releases = {
            subprocess.run(
                [sys.executable, "-c", program],
                env={**os.environ, "PYTHONHASHSEED": seed},
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            for seed in ("1", "2")
        }
        self.assertEqual(len(releases), 1, releases)

    def test_turning_on_the_https_redirect_redirects_pages_cached_over_http(self):
        self.warm("/")
        self.restarted_with(SECURE_SSL_REDIRECT=True)
        response = self.reader.get("/")
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response["Location"], "https://testserver/")

    def test_a_host_removed_from_the_allowed_hosts_gets_no_cached_page(self):
        self.warm("/")
        self.restarted_with(ALLOWED_HOSTS=["news.example.org"])
        self.assertEqual(self.reader.get("/").status_code, 400)
