"""Concurrent misses of one page render it once: the others wait in the front for it to be
stored and answer it as a hit; when nothing is stored, or the wait runs out, they render it
themselves."""

import threading
import time
from unittest import mock

from django.core.cache import caches
from django.http import HttpResponse, HttpResponseNotFound
from django.test import RequestFactory, SimpleTestCase, override_settings
from django.urls import path

from pagecache import generation, pages
from pagecache.pages import cache_page_for_readers

from .readers import ReaderClient
from .servers import PagesOnOwnRedis

RENDER_SECONDS = 0.3
renders = []


def held_lock(request):
    """The lock this render holds, if any: what the other misses of the page wait on."""
    key = pages.page_key(request.environ, request.environ[pages.GENERATION])
    return caches["pages"].get(pages.lock_key(key))


def render(request, response):
    renders.append((request.path, held_lock(request)))
    time.sleep(RENDER_SECONDS)
    if isinstance(response, Exception):
        raise response
    return response


@cache_page_for_readers
def slow_page(request):
    return render(request, HttpResponse("<p>A page slow to render</p>"))


@cache_page_for_readers
def slow_missing_page(request):
    return render(request, HttpResponseNotFound("<p>No such page</p>"))


@cache_page_for_readers
def failing_page(request):
    return render(request, RuntimeError("the view failed"))


urlpatterns = [
    path("slow/", slow_page),
    path("missing/", slow_missing_page),
    path("failing/", failing_page),
]
handler500 = "ops.errors.server_error"


@override_settings(
    NEWSROOM_PAGE_CACHE_SECONDS=3600,
    ROOT_URLCONF=__name__,
    PAGE_CACHE_NEXT_CHANGE=f"{__name__}.no_scheduled_change",
)
class SingleFlightTests(SimpleTestCase):
    def setUp(self):
        renders.clear()

    def read_together(self, path, readers=4):
        """Each reader in a thread of its own, as workers of one or more servers would."""
        responses = [None] * readers

        def read(number):
            responses[number] = ReaderClient(raise_request_exception=False).get(path)

        threads = [threading.Thread(target=read, args=(n,)) for n in range(readers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return responses

    def test_concurrent_misses_of_one_page_render_it_once(self):
        responses = self.read_together("/slow/")
        self.assertEqual(renders, [("/slow/", True)])
        self.assertEqual([r.status_code for r in responses], [200] * 4)
        self.assertEqual(
            sorted(r["X-Page-Cache"] for r in responses), ["hit", "hit", "hit", "miss"]
        )
        self.assertEqual({r.content for r in responses}, {b"<p>A page slow to render</p>"})

    def test_a_miss_that_stores_nothing_lets_the_others_render_at_once(self):
        started = time.monotonic()
        responses = self.read_together("/missing/")
        self.assertLess(time.monotonic() - started, pages.WAIT_SECONDS)
        self.assertEqual([r.status_code for r in responses], [404] * 4)
        self.assertEqual(len(renders), 4)

    def test_an_error_in_the_view_releases_the_lock(self):
        with self.assertLogs("django.request", "ERROR"):
            response = ReaderClient(raise_request_exception=False).get("/failing/")
        self.assertEqual(response.status_code, 500)
        self.assertEqual(renders, [("/failing/", True)])
        self.assertIsNone(held_lock(response.wsgi_request))

    def test_a_reader_waits_a_bounded_time_then_renders_the_page_itself(self):
        environ = RequestFactory().get("/slow/").environ
        key = pages.page_key(environ, generation.current())
        caches["pages"].add(pages.lock_key(key), True, 60)  # a render that never ends
        started = time.monotonic()
        with mock.patch.object(pages, "WAIT_SECONDS", 0.5):
            response = ReaderClient().get("/slow/")
        waited = time.monotonic() - started - RENDER_SECONDS
        self.assertEqual(response["X-Page-Cache"], "miss")
        self.assertEqual(len(renders), 1)
        self.assertGreaterEqual(waited, 0.5)
        self.assertLess(waited, 1.5)

    def test_a_reader_never_waits_for_a_page_of_another_generation(self):
        environ = RequestFactory().get("/slow/").environ
        key = pages.page_key(environ, generation.current())
        caches["pages"].add(pages.lock_key(key), True, 60)
        generation.bump()
        started = time.monotonic()
        self.assertEqual(ReaderClient().get("/slow/")["X-Page-Cache"], "miss")
        self.assertLess(time.monotonic() - started, pages.WAIT_SECONDS)


class SingleFlightOnRedisTests(PagesOnOwnRedis, SingleFlightTests):
    """The same with django-redis, as in production."""


def no_scheduled_change(started_at):
    return float("inf")
