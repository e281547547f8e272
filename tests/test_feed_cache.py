"""Feeds and the sitemap index are cached like pages: stored on a miss, answered by the front
(304 for a reader who has them) and rebuilt after a change readers can see."""

from blog.models import Post

from .builders import make_post
from .test_page_cache import PageCacheTestCase


class FeedCacheTests(PageCacheTestCase):
    def feeds(self):
        for kind in ["rss", "atom"]:
            yield f"/feeds/{kind}/"
            yield f"{self.city.get_absolute_url()}feeds/{kind}/"
            yield f"/tags/roads/feeds/{kind}/"
            yield f"{self.ann.get_absolute_url()}feeds/{kind}/"

    def test_a_feed_is_stored_and_answered_by_the_front_with_its_content_type(self):
        for path, content_type in [
            ("/feeds/rss/", "application/rss+xml; charset=utf-8"),
            ("/feeds/atom/", "application/atom+xml; charset=utf-8"),
            ("/sitemap.xml", "application/xml"),
        ]:
            with self.subTest(path=path):
                first = self.assertRebuilt(path)
                self.assertCached(path)
                hit = self.read(path)
                self.assertEqual(hit["Content-Type"], content_type)
                self.assertEqual(hit.content, first.content)

    def test_a_feed_reader_with_the_etag_gets_304_without_a_render(self):
        for path in self.feeds():
            with self.subTest(path=path):
                etag = self.read(path)["ETag"]
                with self.assertNumQueries(0):
                    again = self.reader.get(path, headers={"if-none-match": etag})
                self.assertEqual(again.status_code, 304)

    def test_publishing_a_post_shows_in_every_cached_feed_it_belongs_to(self):
        draft = make_post(
            blog=self.city,
            headline="Tunnel opens",
            authors=[self.ann],
            tags=["Roads"],
            status=Post.Status.DRAFT,
            published_at=None,
        )
        self.warm(*self.feeds())
        self.act("publish_now", draft)
        for path in self.feeds():
            self.assertRebuilt(path, "Tunnel opens")
