"""HEAD requests get the headers a GET would get and no body: a body left for the server to
drop makes gunicorn log a warning on every HEAD request."""

import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory, SimpleTestCase, TestCase, override_settings

from pagecache.pages import CachedPagesFirst

from .builders import make_post
from .readers import as_response

PROJECT = Path(__file__).resolve().parent.parent


def handle(method, path):
    """The response as the WSGI server gets it, through the page cache's front and every
    middleware (the test client would drop a HEAD body by itself)."""
    environ = RequestFactory().generic(method, path).environ
    answered = []
    application = CachedPagesFirst(WSGIHandler())  # with the settings of this test
    # As Django's test client does: the test's database connection stays open.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        body = application(environ, lambda *answer: answered.append(answer))
        content = b"".join(body)
        if hasattr(body, "close"):
            body.close()
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)
    return as_response(environ, *answered[0][:2], content)


class HeadRequestTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.post = make_post(headline="Bridge opens")

    def assertHeadMatchesGet(self, path):
        get = handle("GET", path)
        head = handle("HEAD", path)
        self.assertEqual(head.status_code, get.status_code, path)
        self.assertEqual(b"".join(head), b"", path)
        self.assertEqual(head["Content-Length"], str(len(get.content)), path)
        self.assertEqual(head["Content-Type"], get["Content-Type"], path)
        return head

    def test_head_has_the_headers_of_get_and_no_body(self):
        for path in ["/", self.post.get_absolute_url(), "/no/such/page/", "/healthz"]:
            with self.subTest(path=path):
                self.assertHeadMatchesGet(path)

    @override_settings(NEWSROOM_PAGE_CACHE_SECONDS=3600)
    def test_head_answered_from_the_page_cache_has_no_body(self):
        handle("GET", "/")
        head = self.assertHeadMatchesGet("/")
        self.assertEqual(head["X-Page-Cache"], "hit")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class GunicornHeadTests(SimpleTestCase):
    def test_gunicorn_logs_no_warning_for_a_head_request(self):
        port = free_port()
        env = {**os.environ, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "1"}
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "newsroom.wsgi"],
            cwd=PROJECT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            status = self.head(port, "/healthz")
            # One worker answers in turn: once a second request is answered, the first one's
            # log lines are written.
            self.head(port, "/healthz")
        finally:
            server.terminate()
            output = server.communicate(timeout=30)[0]
        self.assertEqual(status, 200, output)
        self.assertNotIn("no-body response", output)

    def head(self, port, path):
        deadline = time.monotonic() + 30
        while True:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            try:
                connection.request("HEAD", path)
                return connection.getresponse().status
            except ConnectionRefusedError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
            finally:
                connection.close()
