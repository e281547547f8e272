"""Newsroom settings, read from environment variables (see .env.example)."""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from blog.embeds import FRAME_SOURCES

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off. "
            "Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # django-taggit, named “Tags” in the admin.
    "blog.apps.TagsConfig",
    "axes",
    "csp",
    "ops",
    "reversion",
    "pagecache",
    "blog",
    "frontpage",
    "live",
]

MIDDLEWARE = [
    # Outermost, so no HEAD response leaves with a body, whichever middleware answered it.
    "ops.headers.HeadResponseMiddleware",
    "ops.logs.RequestLogMiddleware",
    # Load balancer probes answer before host checks, sessions and URL routing.
    "ops.health.HealthCheckMiddleware",
    # Stores pages for anonymous readers with the headers the middleware below add; hits are
    # answered before Django, by pagecache.pages.CachedPagesFirst (newsroom/wsgi.py).
    "pagecache.pages.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "ops.headers.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Django's GZipMiddleware pads responses against BREACH ("Heal The Breach").
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "blog.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "DATABASE_PREPARED_STATEMENTS", True
):
    # Parameters bound by the server, and a query run twice on a connection is prepared, so
    # PostgreSQL plans it once (saves ~0.7 ms a query here). Turn off behind a pooler in
    # transaction mode that cannot keep prepared statements (PgBouncer before 1.21).
    DATABASES["default"]["OPTIONS"] = {
        **DATABASES["default"].get("OPTIONS", {}),
        "server_side_binding": True,
        "prepare_threshold": 2,
    }

# The page cache hears of every committed write readers may see from the database connection
# (pagecache.writes): our backends are Django's own with that added.
WATCHED_BACKENDS = {
    "django.db.backends.postgresql": "pagecache.backends.postgresql",
    "django.db.backends.sqlite3": "pagecache.backends.sqlite3",
}
if DATABASES["default"]["ENGINE"] not in WATCHED_BACKENDS:
    raise ImproperlyConfigured("DATABASE_URL: Newsroom runs on PostgreSQL or SQLite.")
DATABASES["default"]["ENGINE"] = WATCHED_BACKENDS[DATABASES["default"]["ENGINE"]]

# Redis when REDIS_URL is set, shared by every app server; local memory otherwise (one process).
# "default" swallows Redis errors (IGNORE_EXCEPTIONS, logged) so a Redis outage degrades to
# uncached. "pages" raises them, because the page cache (pagecache/) must know when a bump
# was lost; it catches them itself, logs, and serves uncached meanwhile.
REDIS_URL = os.environ.get("REDIS_URL", "")


def redis_cache(ignore_exceptions):
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "newsroom",
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": ignore_exceptions,
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
        },
    }


if REDIS_URL:
    CACHES = {"default": redis_cache(True), "pages": redis_cache(False)}
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }

# Full-page cache for anonymous readers (pagecache/, README "How the cache stays right");
# 0 turns it off. It needs Redis: a local-memory cache lives in one process, and a change made
# by another (manage.py shell, a second worker) could not drop its pages.
NEWSROOM_PAGE_CACHE_SECONDS = int(
    os.environ.get("NEWSROOM_PAGE_CACHE_SECONDS", "3600" if REDIS_URL else "0")
)
# Each process hears the bumps on a Redis channel and asks Redis for the generation only after
# one (pagecache/generation.py); 0 asks on every request.
PAGE_CACHE_LISTEN = os.environ.get("NEWSROOM_PAGE_CACHE_LISTEN", "1") == "1"
# Bytes of cached pages each worker also keeps in memory (least recently used out first).
NEWSROOM_PAGE_MEMORY_BYTES = int(os.environ.get("NEWSROOM_PAGE_MEMORY_BYTES", str(32 * 2**20)))
# Fragments (post cards, live updates, parts of post pages) each worker keeps rendered, by
# what they show (pagecache/fragments.py): at most so many, and so many bytes of them.
NEWSROOM_FRAGMENT_MEMORY_ENTRIES = int(os.environ.get("NEWSROOM_FRAGMENT_MEMORY_ENTRIES", "5000"))
NEWSROOM_FRAGMENT_MEMORY_BYTES = int(
    os.environ.get("NEWSROOM_FRAGMENT_MEMORY_BYTES", str(32 * 2**20))
)
# Writes to these tables never change a public page, so they leave the cache alone; a write
# to any other table drops every cached page (pagecache/writes.py), unless it touches only
# rows that PAGE_CACHE_UNSEEN_ROWS names (drafts).
PAGE_CACHE_IGNORED_TABLES = (
    "django_session",
    "django_admin_log",
    "auth_",
    "axes_",
    "reversion_",
    "pagecache_",
    "blog_previewlink",
    # SQLite's search index (blog/search.py): it changes only with the posts table.
    "blog_post_search",
)
PAGE_CACHE_UNSEEN_ROWS = "blog.publication.rows_readers_never_see"
# When a page may next change with nothing saved (a post going live); pages expire then.
PAGE_CACHE_NEXT_CHANGE = "blog.site_state.next_change_at"
# The release, part of every page key (pagecache/release.py): a digest of these folders and
# the installed packages, or NEWSROOM_RELEASE when set (e.g. to the deployed git commit).
NEWSROOM_RELEASE = os.environ.get("NEWSROOM_RELEASE", "")
PAGE_CACHE_RELEASE_DIRS = [
    BASE_DIR / name
    for name in ("blog", "frontpage", "live", "newsroom", "ops", "pagecache", "templates", "static")
]
# What a CDN may keep: s-maxage and stale-while-revalidate on anonymous pages.
NEWSROOM_CDN_MAX_AGE = int(os.environ.get("NEWSROOM_CDN_MAX_AGE", "10"))
NEWSROOM_CDN_STALE_WHILE_REVALIDATE = int(
    os.environ.get("NEWSROOM_CDN_STALE_WHILE_REVALIDATE", "30")
)

# Sessions live in the database, so any app server can serve any request.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = os.environ.get("NEWSROOM_LANGUAGE", "en-gb")
TIME_ZONE = os.environ.get("NEWSROOM_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("DJANGO_MEDIA_URL", "/media/")
# Requests the page cache never looks at: files, the admin, and the probes load balancers poll.
PAGE_CACHE_SKIPPED_PREFIXES = ("/static/", MEDIA_URL, "/admin/", "/healthz", "/readyz")
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))

# For `make run`: static files served from static/ as they are, edits seen on the next
# request, no collectstatic. Off in production, where hashed, compressed copies are served.
NEWSROOM_STATIC_FROM_SOURCE = env_bool("NEWSROOM_STATIC_FROM_SOURCE", DEBUG)
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = NEWSROOM_STATIC_FROM_SOURCE
# Photos of a post form sent back with errors wait here for the next try (blog.images
# .keep_upload); never under MEDIA_ROOT, which anyone may fetch: the photo may be embargoed.
NEWSROOM_KEPT_UPLOADS_ROOT = Path(
    os.environ.get("NEWSROOM_KEPT_UPLOADS_ROOT", BASE_DIR / "kept-uploads")
)
# Uploads and renditions go to an S3-compatible bucket when MEDIA_STORAGE_URL is set
# (s3://KEY:SECRET@host:port/bucket?region=us-east-1&secure=0), to MEDIA_ROOT otherwise.
# Public addresses start with DJANGO_MEDIA_URL when it is a full URL (a CDN or media domain).
MEDIA_STORAGE_URL = os.environ.get("MEDIA_STORAGE_URL", "")
# Originals only through signed URLs that expire (renditions stay public).
NEWSROOM_PRIVATE_ORIGINALS = env_bool("NEWSROOM_PRIVATE_ORIGINALS")


def s3_media_storage(url, media_url, private_originals=False):
    """STORAGES["default"] for a bucket named by MEDIA_STORAGE_URL (blog.storage)."""
    parts = urlsplit(url)
    if parts.scheme != "s3" or not parts.path.strip("/"):
        raise ImproperlyConfigured("MEDIA_STORAGE_URL looks like s3://KEY:SECRET@host/bucket")
    query = dict(parse_qsl(parts.query))
    scheme = "http" if query.get("secure", "1").lower() in {"0", "false", "no", "off"} else "https"
    options = {
        "bucket_name": parts.path.strip("/"),
        "access_key": unquote(parts.username or ""),
        "secret_key": unquote(parts.password or ""),
        "region_name": query.get("region", "us-east-1"),
        "endpoint_url": f"{scheme}://{parts.netloc.rpartition('@')[2]}" if parts.hostname else None,
        "addressing_style": query.get("addressing", "path"),
        "signature_version": "s3v4",
        "querystring_auth": False,
        "file_overwrite": False,
        "private_prefixes": ("lead-images/",) if private_originals else (),
    }
    media = urlsplit(media_url)
    if media.netloc:
        options["custom_domain"] = media.netloc + media.path.rstrip("/")
        options["url_protocol"] = f"{media.scheme}:"
    return {"BACKEND": "blog.storage.MediaStorage", "OPTIONS": options}


STORAGES = {
    "default": (
        s3_media_storage(MEDIA_STORAGE_URL, MEDIA_URL, NEWSROOM_PRIVATE_ORIGINALS)
        if MEDIA_STORAGE_URL
        else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    ),
    "kept_uploads": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": NEWSROOM_KEPT_UPLOADS_ROOT},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if NEWSROOM_STATIC_FROM_SOURCE
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Serve uploads from this process when no proxy or object store is in front of it.
NEWSROOM_SERVE_MEDIA = env_bool("NEWSROOM_SERVE_MEDIA", DEBUG)
NEWSROOM_SITE_NAME = os.environ.get("NEWSROOM_SITE_NAME", "Newsroom")
# What social sites and search engines show for a post without a lead photo: a path under
# static/ or an absolute URL, best 1200x630 pixels.
NEWSROOM_SITE_IMAGE = os.environ.get("NEWSROOM_SITE_IMAGE", "img/social-card.png")
# Commas separate tags, so “Kestrel Bay” is one tag (blog/tags.py); case does not make a new one.
TAGGIT_TAGS_FROM_STRING = "blog.tags.parse_tags"
TAGGIT_STRING_FROM_TAGS = "blog.tags.tags_to_string"
TAGGIT_CASE_INSENSITIVE = True
# Uploaded photos larger than these are refused (decompression bombs, runaway files).
NEWSROOM_MAX_IMAGE_PIXELS = int(os.environ.get("NEWSROOM_MAX_IMAGE_PIXELS", 40_000_000))
NEWSROOM_MAX_UPLOAD_BYTES = int(os.environ.get("NEWSROOM_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))
# How long a preview link works, unless revoked first.
NEWSROOM_PREVIEW_LINK_HOURS = int(os.environ.get("NEWSROOM_PREVIEW_LINK_HOURS", 48))

# Behind a proxy that terminates TLS and sets X-Forwarded-Proto and X-Forwarded-For.
NEWSROOM_BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY")
if NEWSROOM_BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True

SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy: only this origin's scripts, styles and images; no inline code.
_media = urlsplit(MEDIA_URL)
if MEDIA_STORAGE_URL and not _media.netloc:
    # Photos come from the bucket's own address.
    _media = urlsplit(STORAGES["default"]["OPTIONS"]["endpoint_url"] or "")
    if not _media.netloc:
        raise ImproperlyConfigured(
            "Set DJANGO_MEDIA_URL to the public address of the bucket in MEDIA_STORAGE_URL."
        )
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", *([f"{_media.scheme}://{_media.netloc}"] if _media.netloc else [])],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        # The players of embedded videos and posts, loaded when a reader asks (blog/embeds.py).
        "frame-src": FRAME_SOURCES,
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}
PERMISSIONS_POLICY = (
    "accelerometer=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"
)

# Admin login throttling: lock a username from an address after 5 failures for 15 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("NEWSROOM_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("NEWSROOM_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "ops.proxy.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# The lock page: 429 with Retry-After, in the site's look.
AXES_LOCKOUT_CALLABLE = "ops.errors.login_locked_out"
# After logging in without a safe `next` address (the only login is the admin's).
LOGIN_REDIRECT_URL = "admin:index"

# JSON lines on stdout: one a request (ops.logs.RequestLogMiddleware), errors with tracebacks.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "ops.logs.RequestIdFilter"},
        "warning_without_traceback": {"()": "ops.logs.WarningWithoutTraceback"},
    },
    "formatters": {"json": {"()": "ops.logs.JsonFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["stdout"], "level": os.environ.get("NEWSROOM_LOG_LEVEL", "INFO").upper()},
    "loggers": {
        # Every request already has its line from ops.logs; keep Django's own 4xx lines out.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        # Requests refused with 400 before any view runs: one WARNING line each, no traceback.
        **{
            f"django.security.{name}": {"filters": ["warning_without_traceback"]}
            for name in (
                "DisallowedHost",
                "RequestDataTooBig",
                "TooManyFieldsSent",
                "TooManyFilesSent",
            )
        },
    },
}
