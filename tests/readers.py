"""Readers as the server sees them: requests pass the page cache's WSGI front
(pagecache.pages.CachedPagesFirst, as newsroom/wsgi.py installs it) before Django."""

from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpResponse
from django.test import Client

from pagecache.pages import CachedPagesFirst


def as_response(environ, status, headers, body):
    response = HttpResponse(body, status=int(status[:3]))
    for name, value in headers:
        response[name] = value
    response.wsgi_request = WSGIRequest(environ)
    return response


class CachedPagesFirstHandler:
    """Django's test handler behind the WSGI front, as Django's WSGI handler is under gunicorn."""

    def __init__(self, handler):
        self.handler = handler

    def __call__(self, environ):
        answered = []
        body = CachedPagesFirst(self.handler).answer(
            environ, lambda *answer: answered.append(answer)
        )
        if body is None:
            return self.handler(environ)
        return as_response(environ, *answered[0][:2], b"".join(body))


class ReaderClient(Client):
    """Django's test client, with each request answered by the page cache's front first."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.handler = CachedPagesFirstHandler(self.handler)
