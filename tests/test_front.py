"""Page-cache hits held in a worker's memory are answered before Django builds a request
(blog/front.py), exactly as Django's own hit would be. Needs Redis, as the near cache does."""

import io
from unittest import mock

from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from django.test import override_settings

from blog.front import CachedPagesFirst

from .test_near_cache import LiveNearCacheTestCase

# Headers that differ between any two responses.
PER_RESPONSE = {"x-request-id", "cache-control"}


@override_settings(ALLOWED_HOSTS=["testserver"])
class CachedPagesFirstTests(LiveNearCacheTestCase):
    def setUp(self):
        super().setUp()
        self.django = mock.Mock(wraps=WSGIHandler())
        self.application = CachedPagesFirst(self.django)

    def call(self, path, method="GET", **headers):
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SERVER_NAME": "testserver",
            "SERVER_PORT": "80",
            "HTTP_HOST": "testserver",
            "REMOTE_ADDR": "127.0.0.1",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": io.StringIO(),
            **{"HTTP_" + name.upper().replace("-", "_"): value for name, value in headers.items()},
        }
        answer = {}

        def start_response(status, response_headers, exc_info=None):
            answer["status"] = int(status.split()[0])
            answer["headers"] = {name.lower(): value for name, value in response_headers}

        # As Django's test client does, keep the test's connection (and transaction) open.
        for signal in (signals.request_started, signals.request_finished):
            signal.disconnect(close_old_connections)
        try:
            body = self.application(environ, start_response)
            answer["body"] = b"".join(body)
            getattr(body, "close", lambda: None)()
        finally:
            for signal in (signals.request_started, signals.request_finished):
                signal.connect(close_old_connections)
        return answer

    def test_a_page_held_in_memory_is_answered_as_django_would(self):
        self.call("/")  # Django renders and stores it
        from_django = self.call("/", accept_encoding="gzip")  # Django's hit keeps it in memory
        self.assertEqual(from_django["headers"]["x-page-cache"], "hit")
        self.django.reset_mock()
        with self.assertLogs("ops.request") as logs:
            from_front = self.call("/", accept_encoding="gzip")
        self.django.assert_not_called()
        self.assertEqual(from_front["status"], 200)
        self.assertEqual(from_front["body"], from_django["body"])
        without = {k: v for k, v in from_django["headers"].items() if k not in PER_RESPONSE}
        self.assertEqual(
            {k: v for k, v in from_front["headers"].items() if k not in PER_RESPONSE}, without
        )
        self.assertIn("s-maxage=", from_front["headers"]["cache-control"])
        line = logs.records[0]
        self.assertEqual((line.method, line.path, line.status), ("GET", "/", 200))
        self.assertEqual(line.request_id, from_front["headers"]["x-request-id"])

    def test_an_edit_is_seen_at_once(self):
        self.call("/")
        self.call("/")
        self.edit_post(self.bridge, headline="Bridge reopens")
        self.django.reset_mock()
        self.assertIn(b"Bridge reopens", self.call("/")["body"])
        self.django.assert_called_once()

    def test_django_answers_what_the_front_must_not(self):
        self.call("/")
        etag = self.call("/")["headers"]["etag"]
        cases = [
            ("POST", {}),
            ("HEAD", {}),
            ("GET", {"cookie": "sessionid=abc"}),
            ("GET", {"if_none_match": etag}),
        ]
        for method, headers in cases:
            self.django.reset_mock()
            self.call("/", method=method, **headers)
            self.django.assert_called_once()
        self.django.reset_mock()
        self.assertEqual(self.call("/", if_none_match=etag)["status"], 304)

    def test_an_address_django_has_not_served_goes_to_django(self):
        self.call("/")
        self.call("/")
        self.django.reset_mock()
        response = self.call("/", host="elsewhere.example")
        self.django.assert_called_once()
        self.assertEqual(response["status"], 400)  # Django checks the host
