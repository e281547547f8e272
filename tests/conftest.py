import shutil
import tempfile

import pytest
from django.conf import settings
from django.core.cache import caches


def pytest_configure(config):
    # Tests render pages without running collectstatic, and write uploads to a scratch folder.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        "kept_uploads": {
            **settings.STORAGES["kept_uploads"],
            "OPTIONS": {"location": tempfile.mkdtemp(prefix="newsroom-test-kept-uploads-")},
        },
    }
    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="newsroom-test-media-")
    # Inside a TestCase transaction nothing commits, so writes bump no generation (only
    # captureOnCommitCallbacks runs the bumps): page caching is off unless a test turns it on
    # (tests/test_page_cache.py).
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0


def pytest_unconfigure(config):
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    shutil.rmtree(settings.STORAGES["kept_uploads"]["OPTIONS"]["location"], ignore_errors=True)


@pytest.fixture(autouse=True)
def _plain_http(settings):
    # Production settings redirect to HTTPS; the test client speaks plain HTTP.
    settings.SECURE_SSL_REDIRECT = False


@pytest.fixture(autouse=True)
def _empty_caches():
    from pagecache.pages import memory

    for cache in caches.all():
        cache.clear()
    memory.clear()


@pytest.fixture(scope="session")
def redis_server():
    """A private redis-server for the session (tests/servers.py RedisServer: a free loopback
    port, 64 MB at most, no persistence), stopped and its directory removed at the end."""
    from .servers import RedisServer

    with RedisServer() as server:
        yield server
