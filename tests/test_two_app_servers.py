"""Two app server processes sharing PostgreSQL and Redis serve each other's cached pages, and a
change saved anywhere reaches both at once.

Needs PostgreSQL (the processes must see the test database) and redis-server, which it runs
itself; skipped on SQLite.
"""

import os
import subprocess
import sys
import tempfile
import unittest
import urllib.request

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test import TransactionTestCase, override_settings

from blog.models import Post

from .builders import make_author, make_blog, make_post
from .servers import PROJECT, start_gunicorn, start_redis


@unittest.skipUnless(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    "needs PostgreSQL: two processes cannot share the in-memory SQLite test database",
)
@override_settings(NEWSROOM_PAGE_CACHE_SECONDS=3600)
class TwoAppServersTests(TransactionTestCase):
    @classmethod
    def setUpClass(cls):
        # A Redis of the test's own (tests/servers.py), shared by this process and both servers.
        redis_server = start_redis(cls)
        super().setUpClass()
        pages = {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_server.url,
            "KEY_PREFIX": "newsroom",
            "OPTIONS": {"IGNORE_EXCEPTIONS": False},
        }
        cls.enterClassContext(override_settings(CACHES={**settings.CACHES, "pages": pages}))
        cls.static_root = tempfile.mkdtemp(prefix="newsroom-two-servers-static-")
        database = settings.DATABASES["default"]
        cls.env = {
            **os.environ,
            "DATABASE_URL": (
                f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/"
                f"{database['NAME']}"
            ),
            "REDIS_URL": redis_server.url,
            "DJANGO_DEBUG": "0",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_STATIC_ROOT": cls.static_root,
            "NEWSROOM_PAGE_CACHE_SECONDS": "3600",
            "GUNICORN_WORKERS": "1",
        }
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=PROJECT,
            env=cls.env,
            check=True,
        )
        cls.servers = [start_gunicorn(cls, cls.env) for _ in range(2)]

    def get(self, server, path="/"):
        # Both behind one proxy: the same Host, whichever server answers.
        request = urllib.request.Request(f"{server}{path}", headers={"Host": "127.0.0.1"})
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.headers["X-Page-Cache"], response.read().decode()

    def test_each_server_serves_the_others_pages_and_both_see_a_change_at_once(self):
        blog = make_blog(name="City")
        post = make_post(blog=blog, headline="Bridge opens", authors=[make_author()])
        first, second = self.servers
        self.assertEqual(self.get(first)[0], "miss")
        state, page = self.get(second)
        self.assertEqual(state, "hit")  # stored by the first server, read from Redis
        self.assertIn("Bridge opens", page)
        self.assertEqual(self.get(first)[0], "hit")

        # Saved by a third process (this one), as the admin on another app server would.
        Post.objects.filter(pk=post.pk).update(headline="Bridge closes again")
        for server, expected in [(second, "miss"), (first, "hit")]:
            state, page = self.get(server)
            self.assertEqual(state, expected, server)  # the first after the change renders it
            self.assertIn("Bridge closes again", page)
            self.assertNotIn("Bridge opens", page)
        caches["pages"].clear()
        connection.close()
