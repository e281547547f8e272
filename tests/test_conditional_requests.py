"""Revalidating a cached page: by ETag only, since its Last-Modified counts whole seconds and
cannot tell apart two versions made within one; and preconditions that fail answer 412 from the
front, quietly."""

from unittest import mock

from django.utils.http import http_date

from .test_page_cache import PageCacheTestCase

# Renders that mock http_date to this are made within one second, as far as Last-Modified shows.
SAME_SECOND = http_date(1_780_000_000)


class ConditionalRequestTests(PageCacheTestCase):
    def test_if_modified_since_alone_never_gets_304_for_a_page_changed_within_the_second(self):
        with mock.patch("pagecache.pages.http_date", return_value=SAME_SECOND):
            first = self.read("/")
            self.edit_post(self.bridge, headline="Bridge reopens")
            again = self.reader.get("/", headers={"if-modified-since": first["Last-Modified"]})
        self.assertEqual(again.status_code, 200)
        self.assertContains(again, "Bridge reopens")

    def test_if_modified_since_alone_gets_the_page_from_the_front(self):
        first = self.read("/")
        again = self.reader.get("/", headers={"if-modified-since": first["Last-Modified"]})
        self.assertEqual(again.status_code, 200)
        self.assertEqual(again["X-Page-Cache"], "hit")
        self.assertEqual(again.content, first.content)

    def test_a_matching_etag_still_gets_304_with_or_without_if_modified_since(self):
        first = self.read("/")
        for headers in [
            {"if-none-match": first["ETag"]},
            {"if-none-match": first["ETag"], "if-modified-since": first["Last-Modified"]},
        ]:
            with self.subTest(headers=headers), self.assertNumQueries(0):
                self.assertEqual(self.reader.get("/", headers=headers).status_code, 304)

    def test_a_failed_precondition_on_a_cached_page_is_412_without_an_error_logged(self):
        self.read("/")
        for headers in [
            {"if-match": '"another-version"'},
            {"if-unmodified-since": http_date(1_000_000_000)},
        ]:
            with (
                self.subTest(headers=headers),
                self.assertNoLogs("pagecache", "ERROR"),
                self.assertNoLogs("django", "ERROR"),
                self.assertNumQueries(0),
            ):
                response = self.reader.get("/", headers=headers)
            self.assertEqual(response.status_code, 412)

    def test_a_matching_if_match_gets_the_cached_page(self):
        first = self.read("/")
        response = self.reader.get("/", headers={"if-match": first["ETag"]})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["X-Page-Cache"], "hit")

    def test_a_rendered_page_is_revalidated_by_etag_only_too(self):
        path = self.bridge.get_absolute_url()
        with mock.patch("pagecache.pages.http_date", return_value=SAME_SECOND):
            rendered = self.reader.get(path, headers={"if-modified-since": SAME_SECOND})
        self.assertEqual(rendered.status_code, 200)
        self.assertEqual(rendered["X-Page-Cache"], "miss")
